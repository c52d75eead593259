import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { copyBaseDatabase } from "../helpers/base-database";
import { makeTempDir, PROJECT_ROOT, quotePermalinkPattern } from "../helpers/paths";
import { runScript } from "../helpers/run-script";

// Smoke tests of `npm run export` as a real process: what only the script itself does
// (flags, stdout and stderr, --out and its partial file, exit codes). What an export holds
// is tested in-process: export-request.test.ts, write-export.test.ts, export-writers.test.ts.

let env: Record<string, string>;
beforeAll(async () => {
  const { dbPath, db } = copyBaseDatabase();
  await db.$disconnect();
  env = { DATABASE_URL: `file:${dbPath}` };
});

describe("npm run export", () => {
  it("writes one format to a file with --out, and only messages and progress to stderr", () => {
    const out = path.join(makeTempDir("export"), "quotes.csv");
    // as the README shows it: npm run -s, so npm itself prints nothing either
    const result = spawnSync(
      "npm",
      ["run", "-s", "export", "--", "--format", "csv", "--source", "window-on-eurasia-kazakhstan-opposes-war", "--out", out, "--progress"],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/Exporting .* \d\/3 rows/);
    expect(result.stderr).toMatch(/Exported 3 quotes as csv to .*quotes\.csv in \d+\.\d\d s/);
    const rows: string[][] = parse(readFileSync(out, "utf8"));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["vyacheslav-polovinko-1", "vyacheslav-polovinko-2", "vyacheslav-polovinko-3"]);
  });

  it.each([
    [["--format", "csv", "--stance", "pro_kazakhstan"], /--stance: Invalid option.*\(one of: pro_russia, pro_ukraine, neutral, unclear\)/],
    [["--format", "json", "--colour"], /Unknown option '--colour'/],
  ])("%j fails with exit code 1 and a message naming the flag, without a stack trace", (args, message) => {
    const result = runScript("export.ts", args, env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  it("names an unknown voice and leaves no file behind", () => {
    const dir = makeTempDir("export");
    const result = runScript("export.ts", ["--format", "csv", "--voice", "nobody-at-all", "--out", path.join(dir, "x.csv")], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No voice with the slug "nobody-at-all"/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("npm run export and PUBLIC_URL", () => {
  it("without PUBLIC_URL, says on stderr that the links point at localhost, and they do", () => {
    const result = runScript("export.ts", ["--format", "json", "--voice", "olga-kostanai"], { ...env, PUBLIC_URL: "" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/PUBLIC_URL is not set, so this export's permalinks point at http:\/\/localhost:3000/);
    expect(JSON.parse(result.stdout).items[0].permalink).toMatch(
      quotePermalinkPattern("http://localhost:3000", "olga-kostanai", "olga-kostanai-1"),
    );
  });

  it("with PUBLIC_URL, builds every link on it and warns of nothing", () => {
    const result = runScript("export.ts", ["--format", "csl-json", "--voice", "olga-kostanai"], {
      ...env,
      PUBLIC_URL: "https://voices.example.org/",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/PUBLIC_URL/);
    const entries = JSON.parse(result.stdout).filter((i: { type: string }) => i.type === "dataset");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries)
      expect(entry.URL).toMatch(quotePermalinkPattern("https://voices.example.org", "olga-kostanai", "olga-kostanai-\\d+"));
  });
});
