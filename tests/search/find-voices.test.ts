import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { findQuotes } from "@/lib/quotes/find-quotes";
import { foldText } from "@/lib/search/fold-text";
import { findVoices } from "@/lib/search/find-voices";
import { parseVoiceQuery } from "@/lib/search/voice-query";
import { copyBaseDatabase } from "../helpers/base-database";

let db: Database;
let dbPath: string;
beforeAll(() => {
  ({ db, dbPath } = copyBaseDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

const search = (q: string, extra = "") => findVoices(db, parseVoiceQuery(new URLSearchParams(`q=${encodeURIComponent(q)}${extra}`)));
const slugs = (result: { items: { slug: string }[] }) => result.items.map((i) => i.slug);

describe("findVoices against the seeded corpus", () => {
  it("finds quotes by a word and marks it in the snippet", async () => {
    const result = await search("propaganda ");
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) {
      const { text, segments, excerpt } = item.quote!;
      // the whole quote, or of a long one an excerpt of it with "…" where it is cut
      const shown = segments.map((s) => s.text).join("");
      const inner = shown.replace(/^… /, "").replace(/ …$/, "");
      if (excerpt) expect(text).toContain(inner);
      else expect(shown).toBe(text);
      // something is marked, and what is marked is the word itself, where the quote has it
      const marked = segments.filter((s) => s.match);
      expect(marked.length, item.slug).toBeGreaterThan(0);
      for (const mark of marked) expect(mark.text.toLowerCase(), item.slug).toBe("propaganda");
      let offset = text.indexOf(inner) - (shown.startsWith("… ") ? "… ".length : 0);
      for (const segment of segments) {
        if (segment.match) expect(text.slice(offset, offset + segment.text.length).toLowerCase()).toBe("propaganda");
        offset += segment.text.length;
      }
    }
  });

  it("matches prefixes ending in *", async () => {
    expect(slugs(await search("propag*"))).toEqual(slugs(await search("propaganda")));
  });

  it("folds case in Latin and Cyrillic text alike", async () => {
    // Abishev's quote prints "Аstana" with a Cyrillic capital А; search it in lower case and shouting
    const found = await search("аSTANA");
    expect(slugs(found)).toContain("gaziz-abishev");
    expect(slugs(await search("BLATANT"))).toEqual(["aizada-nur-sultan"]);
  });

  it("finds voices by name, occupation and today's name of their city", async () => {
    expect(slugs(await search("Zhangozha"))).toEqual(["alan-zhangozha"]);
    expect(slugs(await search("schoolteacher"))).toEqual(["karlygash-karaganda"]);
    // printed "Ust-Kamenogorsk", found by its official name
    expect(slugs(await search("Oskemen"))).toEqual(["aleksandra-ust-kamenogorsk"]);
  });

  it("combines a search with filters", async () => {
    const result = await search("Russia", "&stance=neutral");
    expect(result.items.every((i) => i.stance === "neutral")).toBe(true);
    expect(result.description).toMatch(/matching “Russia”, who support neutrality$/);
  });

  it("says when the search box holds nothing searchable", async () => {
    const result = await search("😀 ***");
    expect(result).toMatchObject({ total: 0, unsearchable: true });
  });

  it("pages through results", async () => {
    const all = await findVoices(db, parseVoiceQuery(new URLSearchParams("pageSize=100")));
    const page2 = await findVoices(db, parseVoiceQuery(new URLSearchParams("pageSize=5&page=2")));
    expect(slugs(page2)).toEqual(slugs(all).slice(5, 10));
    expect(page2.total).toBe(all.total);
  });

  it("shows a quote of the selected kind on each card", async () => {
    const result = await findVoices(db, parseVoiceQuery(new URLSearchParams("kind=paraphrase&pageSize=100")));
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((i) => i.quote?.kind === "paraphrase")).toBe(true);
  });
});

describe("search that finds what people type", () => {
  it.each([
    ["wars", "war"],
    ["supporters", "support"],
    ["sanction", "sanctions"],
  ])("stems English words: %s finds what %s finds", async (a, b) => {
    const found = slugs(await search(a));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(slugs(await search(b)));
  });

  it.each([
    ['"wars"', "wars"],
    ['"supporters"', "supporters"],
  ])("matches a quoted phrase exactly: %s finds nothing the corpus does not print", async (phrase, word) => {
    expect((await search(word)).total).toBeGreaterThan(0);
    expect((await search(phrase)).total).toBe(0);
  });

  it.each([
    ["Russia propaganda", "propaganda Russia"],
    ["war Russia", "Russia war"],
    ["support Ukraine people", "people Ukraine support"],
  ])("finds the same voices, ranked alike, for the same words in any order: %s", async (a, b) => {
    const first = await search(a);
    expect(first.total).toBeGreaterThan(0);
    expect(slugs(first)).toEqual(slugs(await search(b)));
  });

  it.each(["Astana", "astana", "ASTANA", "Аstana"])("finds The Diplomat's “Аstana” (Cyrillic А) by %s, and marks it", async (q) => {
    const gaziz = (await search(q)).items.find((item) => item.slug === "gaziz-abishev");
    expect(gaziz?.quote?.segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Аstana"]);
  });

  it.each([
    ["Astana", "Nur-Sultan"],
    ["Astana", "Нур-Султан"],
    ["Karaganda", "Qaraghandy"],
    ["Karaganda", "Karagandy"],
    ["Karaganda", "Караганда"],
    ["Oskemen", "Ust-Kamenogorsk"],
    ["Kyiv", "Kiev"],
  ])("finds a place by every spelling: %s = %s", async (name, spelling) => {
    const found = slugs(await search(name));
    expect(found.length).toBeGreaterThan(0);
    expect(slugs(await search(spelling))).toEqual(found);
  });
});

describe("findQuotes", () => {
  it("returns every quote of the selected voices, in voice order", async () => {
    const result = await findQuotes(db, parseVoiceQuery(new URLSearchParams("source=window-on-eurasia-kazakhstan-opposes-war")));
    expect(result.items.map((q) => q.id)).toEqual(["vyacheslav-polovinko-1", "vyacheslav-polovinko-2", "vyacheslav-polovinko-3"]);
  });

  it("pages through quotes, not voices", async () => {
    const all = await findQuotes(db, parseVoiceQuery(new URLSearchParams("pageSize=100")));
    const page = await findQuotes(db, parseVoiceQuery(new URLSearchParams("pageSize=7&page=3")));
    expect(all.items).toHaveLength(all.total);
    expect(page.total).toBe(all.total);
    expect(page.items.map((q) => q.id)).toEqual(all.items.slice(14, 21).map((q) => q.id));
  });

  it("with a search, keeps the quotes whose words match, and every quote of a voice matched by name", async () => {
    const byWord = await findQuotes(db, parseVoiceQuery(new URLSearchParams("q=propaganda&pageSize=100")));
    expect(byWord.total).toBeGreaterThan(0);
    expect(byWord.items.every((q) => /propaganda/i.test(q.text))).toBe(true);
    const byName = await findQuotes(db, parseVoiceQuery(new URLSearchParams("q=Polovinko&pageSize=100")));
    expect(byName.items.map((q) => q.id)).toEqual(["vyacheslav-polovinko-1", "vyacheslav-polovinko-2", "vyacheslav-polovinko-3"]);
  });
});

describe("the search index", () => {
  it("follows inserts, updates and deletes through its triggers", async () => {
    // searches are cached per connection (the app's database never changes under one),
    // so each search after a write opens a connection of its own
    const freshSearch = async (q: string) => {
      const reader = createPrismaClient(dbPath, { readonly: true });
      try {
        return slugs(await findVoices(reader, parseVoiceQuery(new URLSearchParams(`q=${encodeURIComponent(q)}`))));
      } finally {
        await reader.$disconnect();
      }
    };
    const writable = createPrismaClient(dbPath);
    try {
      // the index reads the folded column, which whoever writes the text must fold (the seed does)
      const text = "An entirely zyxwvutsrq sentence.";
      await writable.quote.update({ where: { id: "irina-1" }, data: { text, searchText: foldText(text) } });
      expect(await freshSearch("zyxwvutsrq")).toEqual(["irina"]);
      expect(await freshSearch("tragedy")).not.toContain("irina");
      await writable.quote.delete({ where: { id: "irina-1" } });
      expect(await freshSearch("zyxwvutsrq")).toEqual([]);
    } finally {
      await writable.$disconnect();
    }
  });
});
