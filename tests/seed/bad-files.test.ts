import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS_FILE_LIMITS, findInvalidUtf8 } from "@/lib/corpus/load-corpus";
import { VoicesError } from "@/lib/errors";
import { seedDatabase } from "@/lib/seed/seed-database";
import { copyCorpus } from "../helpers/corpus-copy";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { runScript } from "../helpers/run-script";

// Corpus files the seed must refuse, and places it cannot write: each refusal is one clear
// sentence naming the file and the cause, and the database is left as it was.

async function seedError(dataDir: string, dbPath = path.join(makeTempDir("bad"), "voices.db")): Promise<VoicesError> {
  const error = await seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VoicesError);
  return error as VoicesError;
}

const firstDocument = (dataDir: string) => readdirSync(path.join(dataDir, "documents")).sort()[0]!;
const firstSource = (dataDir: string) => readdirSync(path.join(dataDir, "sources")).sort()[0]!;

describe("findInvalidUtf8", () => {
  it.each([
    ["plain ASCII", Buffer.from("hello"), -1],
    ["Cyrillic and an emoji", Buffer.from("Алматы 😀"), -1],
    ["a lone continuation byte", Buffer.from([0x61, 0x80, 0x62]), 1],
    ["Latin-1 é", Buffer.from([0x63, 0x61, 0x66, 0xe9]), 3],
    ["an overlong slash", Buffer.from([0x61, 0xc0, 0xaf]), 1],
    ["an encoded surrogate", Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]), 2],
    ["a sequence cut short at the end", Buffer.from([0x61, 0xe2, 0x82]), 1],
    ["beyond U+10FFFF", Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
  ])("%s", (_label, bytes, expected) => {
    expect(findInvalidUtf8(bytes)).toBe(expected);
  });
});

describe("the seed refuses bad corpus files, naming them", () => {
  it("a document that is not UTF-8, with the byte offset", async () => {
    const dataDir = copyCorpus();
    const name = firstDocument(dataDir);
    const file = path.join(dataDir, "documents", name);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(0x0a); // after a whole character
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]));
    const error = await seedError(dataDir);
    expect(error.code).toBe("invalid_corpus");
    expect(error.issues).toEqual([
      { parameter: expect.stringContaining(`documents/${name}`), message: expect.stringContaining(`not UTF-8: byte offset ${at} `) },
    ]);
  });

  it("a source file that is not UTF-8", async () => {
    const dataDir = copyCorpus();
    const name = firstSource(dataDir);
    const file = path.join(dataDir, "sources", name);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from("# caf\xe9\n", "latin1")]));
    const error = await seedError(dataDir);
    expect(error.issues.map((i) => i.parameter)).toEqual([expect.stringContaining(`sources/${name}`)]);
    expect(error.issues[0]!.message).toMatch(/not UTF-8: byte offset \d+/);
  });

  it.each(["documents", "sources"])("a symbolic link in %s, saying so and not blaming another file", async (folder) => {
    const dataDir = copyCorpus();
    const name = folder === "documents" ? firstDocument(dataDir) : firstSource(dataDir);
    const elsewhere = path.join(makeTempDir("elsewhere"), name);
    renameSync(path.join(dataDir, folder, name), elsewhere);
    symlinkSync(elsewhere, path.join(dataDir, folder, name));
    const error = await seedError(dataDir);
    expect(error.issues).toEqual([
      { parameter: expect.stringContaining(`${folder}/${name}`), message: expect.stringContaining("symbolic link") },
    ]);
    expect(error.message).toContain(elsewhere);
  });

  it("a YAML alias bomb", async () => {
    const dataDir = copyCorpus();
    const name = firstSource(dataDir);
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    writeFileSync(path.join(dataDir, "sources", name), `${levels.join("\n")}\n`);
    // 9^10 strings if the aliases were expanded: refused by name before, not after
    const error = await seedError(dataDir);
    expect(error.issues).toEqual([{ parameter: expect.stringContaining(`sources/${name}`), message: expect.stringMatching(/alias/i) }]);
  });

  it.each([
    ["documents", CORPUS_FILE_LIMITS.documentBytes],
    ["sources", CORPUS_FILE_LIMITS.yamlBytes],
  ])("a file in %s over the documented size limit", async (folder, limit) => {
    const dataDir = copyCorpus();
    const name = folder === "documents" ? firstDocument(dataDir) : firstSource(dataDir);
    const file = path.join(dataDir, folder, name);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.alloc(limit, "#")]));
    const error = await seedError(dataDir);
    expect(error.issues).toEqual([
      { parameter: expect.stringContaining(`${folder}/${name}`), message: expect.stringMatching(/the limit is/) },
    ]);
  });
});

// A read-only file system and a full disk, made with tmpfs (the tests run as root, as CI does).
const mounts: string[] = [];
function mountTmpfs(options: string): string {
  const dir = makeTempDir("mount");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`These tests mount a tmpfs and need root (as .ci/run has): ${String(error)}`);
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync("umount", [dir]);
});

describe("the seed says clearly when it cannot write", () => {
  it.each([
    ["a read-only folder", "size=1m,ro", /read-only file system/],
    ["a full disk", "size=200k", /disk is full/],
  ])("%s: one sentence naming the file and the cause, from the CLI too", async (_label, options, cause) => {
    const dbPath = path.join(mountTmpfs(options), "voices.db");
    const error = await seedError(copyCorpus(), dbPath);
    expect(error.code).toBe("cannot_write");
    expect(error.message).toMatch(cause);
    expect(error.message).toContain(dbPath);
    expect(error.message).not.toContain("\n");

    const cli = runScript("seed.ts", [], { DATABASE_URL: `file:${dbPath}` });
    expect(cli.status).toBe(1);
    const lines = cli.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(cause);
    expect(lines[0]).toContain(dbPath);
    expect(cli.stderr).not.toMatch(/External error|invocation|^\s+at /m);
  });
});
