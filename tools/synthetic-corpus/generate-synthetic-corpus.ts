import { STANCES, ROLES, type Role, type Stance } from "../../lib/vocabulary";
import Sqlite from "better-sqlite3";
import { buildDatabase } from "../../lib/seed/seed-database";
import { foldFields, foldText } from "../../lib/search/fold-text";
import { prng } from "./prng";

// A synthetic corpus, for benchmarks only: many voices and quotes with realistic text
// lengths and attribute distributions, written through the seed's own build-then-swap
// path (migrations, a fresh file, one rename). It skips the verbatim check, because it
// writes each quote's document and offsets itself, and it inserts with prepared
// statements: Prisma's createMany keeps too much per batch for a million rows.

export type SyntheticOptions = { voices: number; quotes: number; sources: number; seed: number };

const WORDS = (
  "war peace russia ukraine kazakhstan neutrality government people country border army propaganda media news television family brother " +
  "mother worried support against economy sanctions trade prices oil pipeline city village steppe language history soviet empire " +
  "independence sovereignty president minister parliament protest rally flag friends relatives information truth rumours fear hope " +
  "children school work business future security neighbours china europe west east north south refugees aid humanitarian yurt tea"
).split(" ");
const CYRILLIC = "война мир народ страна граница правда семья надежда".split(" ");
const PLACES = [
  ["almaty", "Almaty"],
  ["astana", "Nur-Sultan"],
  ["karaganda", "Karaganda"],
  ["shymkent", "Shymkent"],
  ["aktau", "Aktau"],
  ["pavlodar", "Pavlodar"],
  ["kostanay", "Kostanai"],
  ["oskemen", "Ust-Kamenogorsk"],
  ["zhanaozen", "Zhanaozen"],
  ["kyiv", "Kyiv"],
] as const;
const PUBLISHERS = [
  "openDemocracy",
  "The Diplomat",
  "Eurasianet",
  "Vlast.kz",
  "RFE/RL",
  "Responsible Statecraft",
  "Window on Eurasia",
  "Kursiv",
  "Orda.kz",
  "Novaya Gazeta",
];
const OCCUPATIONS = [
  "teacher",
  "entrepreneur",
  "student",
  "doctor",
  "engineer",
  "journalist",
  "driver",
  "accountant",
  "farmer",
  "pensioner",
  "economist",
  "consultant",
];
const NAMES = [
  "Aigerim",
  "Dana",
  "Erlan",
  "Gulmira",
  "Askar",
  "Olga",
  "Irina",
  "Nurlan",
  "Saule",
  "Timur",
  "Marat",
  "Zhanar",
  "Andrei",
  "Aliya",
];

/** Inserts the synthetic corpus into the SQLite file at `file`, a source at a time; `onProgress` hears the quotes written so far. */
async function fillSyntheticCorpus(file: string, o: SyntheticOptions, onProgress?: (quotes: number) => void) {
  const sqlite = new Sqlite(file);
  sqlite.pragma("journal_mode = DELETE");
  sqlite.pragma("synchronous = OFF"); // a build file: if this dies, it is thrown away
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    return sqlite.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
    );
  };
  const statements = new Map<string, Sqlite.Statement>();
  const put = (table: string, row: Record<string, unknown>) => {
    const key = `${table}:${Object.keys(row).join(",")}`;
    if (!statements.has(key)) statements.set(key, insert(table, row));
    const values = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : v instanceof Date ? v.toISOString() : v]),
    );
    statements.get(key)!.run(values);
  };
  const db = {
    place: {
      createMany: async ({ data }: { data: Record<string, unknown>[] }) =>
        data.forEach((r) => put("Place", { ...r, aliases: "[]", searchText: foldFields([r.name, r.region, r.country] as string[]) })),
    },
    source: {
      create: async ({ data }: { data: Record<string, unknown> }) =>
        put("Source", { ...data, authors: JSON.stringify(data.authors), type: "article" }),
    },
  };
  const random = prng(o.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(pairs: [T, number][]) => {
    let r = random() * pairs.reduce((n, [, w]) => n + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[0]![0];
  };
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min));
    const words = Array.from({ length: n }, () => (random() < 0.02 ? pick(CYRILLIC) : pick(WORDS)));
    const text = words.join(" ");
    return text[0]!.toUpperCase() + text.slice(1) + ".";
  };

  await db.place.createMany({
    data: [
      {
        slug: "almaty",
        name: "Almaty",
        region: "Almaty (city of republican significance)",
        country: "Kazakhstan",
        latitude: 43.222,
        longitude: 76.8512,
      },
      {
        slug: "astana",
        name: "Astana",
        region: "Astana (city of republican significance)",
        country: "Kazakhstan",
        latitude: 51.1694,
        longitude: 71.4491,
      },
      { slug: "karaganda", name: "Karaganda", region: "Karaganda Region", country: "Kazakhstan", latitude: 49.8047, longitude: 73.1094 },
      {
        slug: "shymkent",
        name: "Shymkent",
        region: "Shymkent (city of republican significance)",
        country: "Kazakhstan",
        latitude: 42.3417,
        longitude: 69.5901,
      },
      { slug: "aktau", name: "Aktau", region: "Mangystau Region", country: "Kazakhstan", latitude: 43.6481, longitude: 51.1722 },
      { slug: "pavlodar", name: "Pavlodar", region: "Pavlodar Region", country: "Kazakhstan", latitude: 52.2873, longitude: 76.9674 },
      { slug: "kostanay", name: "Kostanay", region: "Kostanay Region", country: "Kazakhstan", latitude: 53.2198, longitude: 63.6354 },
      { slug: "oskemen", name: "Oskemen", region: "East Kazakhstan Region", country: "Kazakhstan", latitude: 49.9483, longitude: 82.6275 },
      { slug: "zhanaozen", name: "Zhanaozen", region: "Mangystau Region", country: "Kazakhstan", latitude: 43.3412, longitude: 52.8619 },
      { slug: "kyiv", name: "Kyiv", region: "Kyiv (city with special status)", country: "Ukraine", latitude: 50.4501, longitude: 30.5234 },
    ],
  });

  const voicesPerSource = Math.ceil(o.voices / o.sources);
  let voiceIndex = 0;
  let quoteIndex = 0;
  for (let s = 0; s < o.sources && voiceIndex < o.voices; s++) {
    const sourceSlug = `synthetic-source-${s}`;
    const year = 2022 + Math.floor(random() * 3);
    await db.source.create({
      data: {
        slug: sourceSlug,
        title: sentence(5, 12).slice(0, -1),
        publisher: pick(PUBLISHERS),
        authors: [`${pick(NAMES)} ${pick(["Sorbello", "Shapagat", "Goble", "Ivanova", "Nurlanov"])}`],
        publishedAt: random() < 0.8 ? `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null,
        url: random() < 0.6 ? `https://example.org/${sourceSlug}` : null,
        position: s,
      },
    });
    const voices: Record<string, unknown>[] = [];
    const quotes: Record<string, unknown>[] = [];
    const paragraphs: string[] = [];
    let cursor = 0;
    for (let v = 0; v < voicesPerSource && voiceIndex < o.voices; v++, voiceIndex++) {
      const slug = `synthetic-voice-${voiceIndex}`;
      const place = random() < 0.6 ? pick(PLACES) : null;
      const voice: Record<string, unknown> = {
        slug,
        name: `${pick(NAMES)} ${voiceIndex}`,
        isNamed: true,
        age: random() < 0.55 ? 18 + Math.floor(random() * 62) : null,
        ageAsOf: null,
        cityAsPrinted: place ? place[1] : null,
        placeSlug: place ? place[0] : null,
        occupation: random() < 0.7 ? pick(OCCUPATIONS) : null,
        heritage: random() < 0.15 ? pick(["Kazakh", "Russian", "Ukrainian", "Kazakhstani national"]) : null,
        role: weighted<Role>(ROLES.map((r): [Role, number] => [r, r === "citizen" ? 10 : 1])),
        stance: weighted<Stance>(
          STANCES.map((st): [Stance, number] => [st, { neutral: 4, pro_ukraine: 3, pro_russia: 2, unclear: 3 }[st]]),
        ),
        stanceRationale: sentence(8, 20),
        sourceSlug,
        position: v,
      };
      voices.push({
        ...voice,
        searchText: foldFields([voice.name, voice.occupation, voice.cityAsPrinted, voice.heritage] as (string | null)[]),
      });
      const count = Math.max(1, Math.round((o.quotes / o.voices) * (0.5 + random())));
      for (let q = 0; q < count && quoteIndex < o.quotes; q++, quoteIndex++) {
        const text = sentence(6, 60);
        const before = random() < 0.7 ? `${sentence(4, 12)} ` : "";
        const paragraph = `${before}“${text}” ${sentence(3, 10)}`;
        const start = cursor + before.length + 1;
        quotes.push({
          id: `synthetic-quote-${quoteIndex}`,
          voiceSlug: slug,
          documentId: sourceSlug,
          kind: random() < 0.7 ? "direct" : "paraphrase",
          text,
          start,
          end: start + text.length,
          context: paragraph,
          position: q,
          searchText: foldText(text),
        });
        paragraphs.push(paragraph);
        cursor += paragraph.length + 2;
      }
    }
    const text = paragraphs.join("\n\n");
    sqlite.transaction(() => {
      put("Document", {
        id: sourceSlug,
        sourceSlug,
        publisher: null,
        publishedAt: null,
        isPrimary: true,
        note: "synthetic",
        sha256: "synthetic",
        text,
      });
      voices.forEach((v) => put("Voice", v));
      quotes.forEach((q) => put("Quote", q));
    })();
    onProgress?.(quoteIndex);
    // better-sqlite3 is synchronous, so nothing else (a progress bar's timer) runs unless we yield
    await new Promise((resolve) => setImmediate(resolve));
  }
  // the seed is part of the version: two corpora of one size but other words are two versions
  const version = `synthetic-${o.voices}-${o.quotes}-${o.seed}`;
  put("CorpusInfo", { id: 1, version, versionDate: "2026-01-01", release: null, contentHash: version, seededAt: new Date() });
  sqlite.close();
  return { voices: voiceIndex, quotes: quoteIndex };
}

/** Builds the synthetic corpus into `dbPath` through the seed's build-then-swap path. */
export async function generateSyntheticCorpus(dbPath: string, o: SyntheticOptions, onProgress?: (quotes: number) => void) {
  let counts = { voices: 0, quotes: 0 };
  const started = performance.now();
  await buildDatabase(dbPath, async (_db, buildPath) => {
    counts = await fillSyntheticCorpus(buildPath, o, onProgress);
  });
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
