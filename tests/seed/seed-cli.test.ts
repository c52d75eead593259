import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";

const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("npm run db:seed", () => {
  it("prints what it loaded and how long it took", () => {
    const dbPath = path.join(makeTempDir("seed-cli"), "voices.db");
    const result = runScript("seed.ts", [], { DATABASE_URL: `file:${dbPath}` });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Seeded .*voices\.db in \d+\.\d\d s \(corpus version [0-9a-f]{12}\)/);
    expect(result.stderr).toMatch(/\d+ sources, \d+ documents, \d+ voices, \d+ quotes/);
  });

  it("stops on a quote that does not match, names file, person and text, and changes nothing", () => {
    const dbPath = path.join(makeTempDir("seed-cli"), "voices.db");
    expect(runScript("seed.ts", [], { DATABASE_URL: `file:${dbPath}` }).status).toBe(0);
    const hash = fileHash(dbPath);

    const corrupted = copyCorpus();
    editCorpusFile(
      corrupted,
      "sources/diplomat-kazakhstanis-picking-sides.yaml",
      'text: "Ukraine is controlled by Nazis"',
      'text: "Ukraine is run by Nazis"',
    );
    const result = runScript("seed.ts", ["--data", corrupted], { DATABASE_URL: `file:${dbPath}` });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.relative(PROJECT_ROOT, corrupted)}/sources/diplomat-kazakhstanis-picking-sides.yaml › voice "azamat-abildayev" › quote "azamat-abildayev-1"`,
    );
    expect(result.stderr).toContain('text: "Ukraine is run by Nazis"');
    expect(result.stderr).toMatch(/Nothing was changed/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fileHash(dbPath)).toBe(hash);
  });

  it("rejects an unknown flag", () => {
    const result = runScript("seed.ts", ["--dry"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Unknown option '--dry'/);
  });
});
