import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { searchTokens } from "@/lib/search/fold-text";
import { stemWord } from "@/lib/search/porter-stem";
import { DATA_DIR } from "../helpers/paths";

/** What SQLite's FTS5 porter tokenizer indexes for each word, read back through fts5vocab. */
function stemsBySqlite(words: string[]): string[] {
  const db = new Database(":memory:");
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
    const insert = db.prepare("INSERT INTO t(rowid, x) VALUES (?, ?)");
    db.transaction(() => words.forEach((word, i) => insert.run(i + 1, word)))();
    const stems = new Array<string>(words.length);
    for (const row of db.prepare("SELECT doc, term FROM v").all() as { doc: number; term: string }[]) stems[row.doc - 1] = row.term;
    return stems;
  } finally {
    db.close();
  }
}

describe("stemWord", () => {
  it.each([
    ["wars", "war"],
    ["supporters", "support"],
    ["supporting", "support"],
    ["caresses", "caress"],
    ["ponies", "poni"],
    ["hopping", "hop"],
    ["relational", "relat"],
    ["generalizations", "gener"],
    ["happiness", "happi"],
    ["war", "war"],
    ["us", "us"],
    ["войны", "войны"],
  ])("%s → %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it("stems every word of the corpus exactly as SQLite's porter tokenizer does", () => {
    const words = new Set<string>();
    for (const name of readdirSync(path.join(DATA_DIR, "documents"))) {
      for (const token of searchTokens(readFileSync(path.join(DATA_DIR, "documents", name), "utf8"))) words.add(token.word);
    }
    const list = [...words];
    expect(list.length).toBeGreaterThan(1000);
    const expected = stemsBySqlite(list);
    const differing = list.filter((word, i) => stemWord(word) !== expected[i]);
    expect(differing).toEqual([]);
  });

  it("stems alike however many words it has remembered before (stems are kept up to a bound)", () => {
    // the corpus's words twice over, each time after tens of thousands of made-up ones
    const corpus = ["wars", "supporters", "generalizations", "войны", "hopping"];
    const first = corpus.map(stemWord);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 30_000; i++) stemWord(`made${i}ings`);
      expect(corpus.map(stemWord)).toEqual(first);
    }
    expect(stemWord("made29999ings")).toBe(stemsBySqlite(["made29999ings"])[0]);
  });
});
