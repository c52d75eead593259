import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { VoicesError } from "@/lib/errors";
import { collapseWhitespace } from "@/lib/corpus/normalize-text";
import { createPrismaClient, type Database } from "@/lib/db/create-prisma-client";
import { parseExportRequest } from "@/lib/export/export-request";
import { startExport } from "@/lib/export/write-export";
import { buildDatabase, seedDatabase, type SeedReport } from "@/lib/seed/seed-database";
import { copyCorpus, editCorpusFile } from "../helpers/corpus-copy";
import { DATA_DIR, makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { copyBaseDatabase } from "../helpers/base-database";

type SourceFile = { slug: string; documents: unknown[]; voices: { slug: string; quotes: unknown[] }[] };

const sourceFiles: SourceFile[] = readdirSync(path.join(DATA_DIR, "sources")).map((f) =>
  YAML.parse(readFileSync(path.join(DATA_DIR, "sources", f), "utf8")),
);

const fileHash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every row of every table, in a stable order: two seeds are equal when their dumps are. */
async function dumpAll(db: Database) {
  return {
    sources: await db.source.findMany({ orderBy: { slug: "asc" } }),
    documents: await db.document.findMany({ orderBy: { id: "asc" } }),
    places: await db.place.findMany({ orderBy: { slug: "asc" } }),
    voices: await db.voice.findMany({ orderBy: { slug: "asc" } }),
    quotes: await db.quote.findMany({ orderBy: { id: "asc" } }),
    evidence: await db.evidence.findMany({ orderBy: [{ voiceSlug: "asc" }, { attribute: "asc" }] }),
  };
}

describe("a fresh database seeded from the corpus", () => {
  let db: Database;

  beforeAll(() => {
    ({ db } = copyBaseDatabase());
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("holds, per source, the voices and quotes its annotation file lists", async () => {
    for (const file of sourceFiles) {
      expect(await db.voice.count({ where: { sourceSlug: file.slug } }), file.slug).toBe(file.voices.length);
      expect(await db.quote.count({ where: { voice: { sourceSlug: file.slug } } }), file.slug).toBe(
        file.voices.reduce((n, v) => n + v.quotes.length, 0),
      );
      expect(await db.document.count({ where: { sourceSlug: file.slug } }), file.slug).toBe(file.documents.length);
    }
  });

  it("counts the openDemocracy article once although we hold two copies of it", async () => {
    const source = await db.source.findUniqueOrThrow({
      where: { slug: "opendemocracy-kazakhstan-divided" },
      select: { documents: { select: { id: true, isPrimary: true } }, _count: { select: { voices: true } } },
    });
    expect(source.documents.map((d) => d.id).sort()).toEqual(["000_ce1927f2dad23060", "001_23831c2f84a6a735"]);
    expect(await db.voice.count({ where: { name: "Andrei" } })).toBe(1);
  });

  it("has no person twice", async () => {
    const voices = await db.voice.findMany({ select: { name: true, sourceSlug: true } });
    const keys = voices.map((v) => `${v.sourceSlug}/${v.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("finds every quote in its document at its offsets", async () => {
    const quotes = await db.quote.findMany({
      select: { id: true, text: true, start: true, end: true, context: true, document: { select: { text: true } } },
    });
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      const printed = collapseWhitespace(quote.document.text.slice(quote.start, quote.end));
      if (quote.text.includes(" … ") && !printed.includes(" … ")) {
        // joined by an ellipsis: each part is printed, in order, inside the span
        const parts = quote.text.split(" … ");
        expect(printed.startsWith(parts[0]!) && printed.endsWith(parts.at(-1)!), quote.id).toBe(true);
      } else {
        expect(printed, quote.id).toBe(quote.text);
      }
      expect(collapseWhitespace(quote.context), quote.id).toContain(printed.slice(0, 40));
      // the context reads as the source page shows it: no Markdown link, bold or heading syntax
      expect(quote.context, quote.id).not.toMatch(/\]\(|\*\*|(^|\s)#{1,6}\s/);
    }
  });

  it("finds every evidence span in its document at its offsets", async () => {
    const evidence = await db.evidence.findMany({
      select: { voiceSlug: true, attribute: true, text: true, start: true, end: true, document: { select: { text: true } } },
    });
    for (const e of evidence) {
      expect(collapseWhitespace(e.document.text.slice(e.start, e.end)), `${e.voiceSlug}.${e.attribute}`).toBe(e.text);
    }
  });

  it("stores unknown attributes as NULL, never as empty strings", async () => {
    const irina = await db.voice.findUniqueOrThrow({ where: { slug: "irina" } });
    expect([irina.age, irina.cityAsPrinted, irina.placeSlug, irina.occupation, irina.heritage]).toEqual([null, null, null, null, null]);
    expect(await db.voice.count({ where: { OR: [{ occupation: "" }, { cityAsPrinted: "" }, { heritage: "" }] } })).toBe(0);
  });
});

describe("seeding over an existing database", () => {
  let dbPath: string;
  let before: Awaited<ReturnType<typeof dumpAll>>;
  let report: SeedReport;

  beforeAll(async () => {
    let db: Database;
    ({ dbPath, db } = copyBaseDatabase());
    before = await dumpAll(db);
    await db.$disconnect();
    report = await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
  });

  it("gives the same rows and the same ids from the same corpus", async () => {
    const reopened = createPrismaClient(dbPath, { readonly: true });
    try {
      expect(await dumpAll(reopened)).toEqual(before);
    } finally {
      await reopened.$disconnect();
    }
  });

  it("reports what it loaded", () => {
    expect(report.counts.voices).toBe(sourceFiles.reduce((n, f) => n + f.voices.length, 0));
    expect(report.counts.quotes).toBe(before.quotes.length);
    expect(report.counts.sources).toBe(sourceFiles.length);
    // a release (1.1.0), or unreleased changes after one (1.1.0+unreleased.<content hash>)
    expect(report.version).toMatch(/^\d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?$/);
    expect(report.releases.length).toBeGreaterThan(0);
    expect(report.milliseconds).toBeGreaterThan(0);
  });
});

describe("seeding the same data later", () => {
  it("gives every corpus entry the same date, its version's, not the seeding day", async () => {
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const accessed = new Date("2027-01-05T10:00:00Z");
    const cslJson = async () => {
      const reader = createPrismaClient(dbPath, { readonly: true });
      try {
        const exp = await startExport(reader, parseExportRequest(new URLSearchParams("format=csl-json&shape=voices")), { now: accessed });
        let text = "";
        for await (const chunk of exp.chunks()) text += chunk;
        return JSON.parse(text) as { type: string; issued?: { "date-parts": number[][] } }[];
      } finally {
        await reader.$disconnect();
      }
    };
    const before = await cslJson();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-12-01T00:00:00Z") });
    try {
      await seedDatabase({ dataDir: DATA_DIR, dbPath, root: PROJECT_ROOT });
    } finally {
      vi.useRealTimers();
    }
    const after = await cslJson();
    expect(after).toEqual(before);
    const declared = YAML.parse(readFileSync(path.join(DATA_DIR, "corpus.yaml"), "utf8")).date as string;
    const entries = after.filter((item) => item.type === "dataset");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.issued?.["date-parts"][0]).toEqual(declared.split("-").map(Number));
  });
});

describe("a failed seed", () => {
  it("with a corrupted corpus file leaves the existing database exactly as it was", async () => {
    const { dbPath, db } = copyBaseDatabase();
    const before = await dumpAll(db);
    await db.$disconnect();
    const hash = fileHash(dbPath);

    const corrupted = copyCorpus();
    editCorpusFile(
      corrupted,
      "sources/opendemocracy-kazakhstan-divided.yaml",
      'text: "Russia “did the right thing”',
      'text: "Russia “did the wrong thing”',
    );
    const error = await seedDatabase({ dataDir: corrupted, dbPath, root: PROJECT_ROOT }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(VoicesError);
    expect((error as VoicesError).code).toBe("invalid_corpus");
    expect((error as Error).message).toMatch(
      /opendemocracy-kazakhstan-divided\.yaml › voice "gulmira-karaganda" › quote "gulmira-karaganda-1"/,
    );
    expect((error as Error).message).toContain("did the wrong thing");
    expect(fileHash(dbPath)).toBe(hash);
    const reopened = createPrismaClient(dbPath, { readonly: true });
    expect(await dumpAll(reopened)).toEqual(before);
    await reopened.$disconnect();
  });

  it("that breaks while building the database leaves the existing database exactly as it was", async () => {
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const hash = fileHash(dbPath);
    const files = readdirSync(path.dirname(dbPath), { recursive: true });

    // a project whose migration fails halfway: the corpus is fine, the build is not
    const brokenRoot = makeTempDir("broken-root");
    cpSync(path.join(PROJECT_ROOT, "prisma"), path.join(brokenRoot, "prisma"), { recursive: true, filter: (src) => !src.endsWith(".db") });
    const [migration] = readdirSync(path.join(brokenRoot, "prisma/migrations")).filter((d) => /^\d/.test(d));
    const sqlFile = path.join(brokenRoot, "prisma/migrations", migration!, "migration.sql");
    writeFileSync(sqlFile, `${readFileSync(sqlFile, "utf8")}\nTHIS IS NOT SQL;\n`);

    await expect(seedDatabase({ dataDir: DATA_DIR, dbPath, root: brokenRoot })).rejects.toThrow();
    expect(fileHash(dbPath)).toBe(hash);
    expect(readdirSync(path.dirname(dbPath), { recursive: true })).toEqual(files); // no half-built file left behind
  });
});

describe("a seed's build file", () => {
  // A seed killed at any moment must leave either nothing or its build file, for the next
  // seed to clear and for the operator to see. When the seed made an empty file to test the
  // folder, removed it and let the migrations make it again, a seed killed in between left
  // nothing: on a loaded machine, "a seed killed midway" (tests/app/reseed-while-serving)
  // then found no build file to be cleared.
  it("exists without a gap from its creation until it replaces the database", async () => {
    const dir = makeTempDir("build-file");
    const dbPath = path.join(dir, "voices.db");
    const buildName = `voices.db.building-${process.pid}`;
    const events: string[] = [];
    // inotify reports every creation, removal and rename of a name in the folder, in order
    const watcher = watch(dir, (event, name) => {
      if (event === "rename" && (name === buildName || name === "voices.db")) events.push(name);
    });
    try {
      await buildDatabase(dbPath, async () => {}, PROJECT_ROOT);
      await vi.waitFor(() => expect(events).toContain("voices.db"));
    } finally {
      watcher.close();
    }
    // made once, then renamed to voices.db: never removed and made again
    expect(events).toEqual([buildName, buildName, "voices.db"]);
  });
});

describe("permalinks", () => {
  type ExportedVoice = {
    slug: string;
    name: string;
    stance: string;
    permalink: string;
    source: { slug: string; title: string };
    quotes: { id: string; text: string; permalink: string }[];
  };

  async function exportVoices(dbPath: string): Promise<ExportedVoice[]> {
    const reader = createPrismaClient(dbPath, { readonly: true });
    try {
      const exp = await startExport(reader, parseExportRequest(new URLSearchParams("format=json&shape=voices")));
      let text = "";
      for await (const chunk of exp.chunks()) text += chunk;
      return JSON.parse(text).items;
    } finally {
      await reader.$disconnect();
    }
  }

  /** Each permalink and source slug with what it names: the same key must name the same thing after a reseed. */
  // The data goes from release 1.1.0 (links pinned: ?version=1.1.0) to unreleased changes (links
  // unpinned): the pin names the release, the entry's own address must not move.
  const unpinned = (permalink: string) => permalink.replace(/\?version=[^#]*/, "");
  const namedBy = (voices: ExportedVoice[]) =>
    new Map<string, string>([
      ...voices.map((v): [string, string] => [unpinned(v.permalink), v.name]),
      ...voices.flatMap((v) => v.quotes.map((q): [string, string] => [unpinned(q.permalink), q.text])),
      ...voices.map((v): [string, string] => [`source ${v.source.slug}`, v.source.title]),
    ]);

  function editSourceFile(dataDir: string, name: string, edit: (doc: YAML.Document, voices: YAML.YAMLSeq<YAML.YAMLMap>) => void) {
    const file = path.join(dataDir, "sources", name);
    const doc = YAML.parseDocument(readFileSync(file, "utf8"));
    edit(doc, doc.get("voices") as YAML.YAMLSeq<YAML.YAMLMap>);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
  }

  it("never change when the corpus is reordered and edited, and reseeded", async () => {
    vi.stubEnv("PUBLIC_URL", "https://voices.example.org");
    const { dbPath, db } = copyBaseDatabase();
    await db.$disconnect();
    const before = await exportVoices(dbPath);

    const edited = copyCorpus();
    editSourceFile(edited, "opendemocracy-kazakhstan-divided.yaml", (_doc, voices) => {
      voices.items.reverse();
      const olga = voices.items.find((v) => v.get("slug") === "olga-kostanai")!;
      olga.set("stance", "pro_ukraine");
      (olga.get("quotes") as YAML.YAMLSeq).items.reverse();
    });
    // undated, so last; dated before every other source, so first
    editSourceFile(edited, "diplomat-kazakhstanis-picking-sides.yaml", (doc) => doc.set("publishedAt", "2022-01-01"));
    editSourceFile(edited, "window-on-eurasia-kazakhstan-opposes-war.yaml", (doc, voices) => {
      voices.add(
        doc.createNode({
          slug: "added-protester",
          name: "A protester",
          named: false,
          role: "citizen",
          stance: "unclear",
          stanceRationale: "Added by a test.",
          quotes: [
            { id: "added-protester-1", kind: "paraphrase", text: "Kazakhs have gone into the streets to protest in record numbers" },
          ],
        }),
      );
    });
    await seedDatabase({ dataDir: edited, dbPath, root: PROJECT_ROOT });
    const after = await exportVoices(dbPath);

    // the reseed took the edits: another order, a changed stance, one voice more
    expect(after.map((v) => v.slug)).not.toEqual(before.map((v) => v.slug));
    expect(before[0]!.source.slug).not.toBe("diplomat-kazakhstanis-picking-sides");
    expect(after[0]!.source.slug).toBe("diplomat-kazakhstanis-picking-sides");
    expect(after.find((v) => v.slug === "olga-kostanai")!.stance).toBe("pro_ukraine");
    expect(after.find((v) => v.slug === "added-protester")!.permalink).toBe("https://voices.example.org/voices/added-protester");
    expect(after).toHaveLength(before.length + 1);

    // and every voice, quote and source from before is still there, under the same permalink
    const beforeNamed = namedBy(before);
    const afterNamed = namedBy(after);
    expect(beforeNamed.size).toBeGreaterThan(before.length * 2);
    expect(beforeNamed.get("https://voices.example.org/voices/olga-kostanai#quote-olga-kostanai-1")).toBeDefined();
    for (const [key, named] of beforeNamed) expect(afterNamed.get(key), key).toBe(named);
  });
});
