import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Package } from "datapackage";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRelease } from "@/lib/releases/make-release";
import { STANCE_LABELS } from "@/lib/vocabulary";
import { seedDatabase } from "@/lib/seed/seed-database";
import { serveApp, type RunningApp } from "@/tools/serve-app";
import { copyCorpus } from "../helpers/corpus-copy";
import { makeTempDir, PROJECT_ROOT } from "../helpers/paths";
import { editForNextRelease, NEW_WORDS, NEXT_RELEASE_NOTES as NOTES, OLD_WORDS, today } from "../helpers/release-scenario";

// A server of its own on a copy of the corpus with a third release: Rustem's stance and
// words corrected and one of Sergiy Nahornyak's paraphrases withdrawn. Old pinned links must
// keep showing what they showed; current pages must say what changed, and why.

let app: RunningApp;

beforeAll(async () => {
  const dataDir = copyCorpus();
  editForNextRelease(dataDir);
  await makeRelease({ dataDir, version: "1.2.0", notes: NOTES, date: today() });
  const dbPath = path.join(makeTempDir("releases-app"), "voices.db");
  await seedDatabase({ dataDir, dbPath, root: PROJECT_ROOT });
  app = await serveApp(PROJECT_ROOT, dbPath);
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string) => fetch(`${app.baseUrl}${url}`);
const page = async (url: string) => {
  const response = await get(url);
  return { status: response.status, html: await response.text() };
};
/** The text of an HTML page, tags dropped and entities that matter here decoded. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("a pinned link to an old release", () => {
  it("shows the stance and words as they were, and says what changed since", async () => {
    const { status, html } = await page("/voices/rustem?version=1.1.0");
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain(OLD_WORDS);
    expect(text).toContain(STANCE_LABELS.pro_ukraine);
    expect(text).toMatch(/as it was in release 1\.1\.0/);
    expect(html).toContain('href="/voices/rustem"'); // the current version
    // the source, in the same release, at the part that holds the quote
    expect(html).toContain('href="/sources/diplomat-kazakhstanis-picking-sides?version=1.1.0&amp;quote=rustem-1#quote-rustem-1"');
    expect(text).toContain(`Stance changed from ${STANCE_LABELS.pro_ukraine} to ${STANCE_LABELS.neutral}`);
  });

  it("cites the release it shows: its version, its date, links pinned to it", async () => {
    const text = textOf((await page("/voices/rustem?version=1.1.0")).html);
    expect(text).toContain("(Version 1.1.0) [Data set]");
    expect(text).toContain("/voices/rustem?version=1.1.0");
    expect(text).toContain("Voices. (2026).");
  });

  it("keeps a quote that a later release removed, at its anchor", async () => {
    const { status, html } = await page("/voices/sergiy-nahornyak?version=1.1.0");
    expect(status).toBe(200);
    expect(html).toContain('id="quote-sergiy-nahornyak-1"');
    expect(textOf(html)).toContain("the yurts were his idea");
  });

  it("/quotes/<id> opens a quote on its speaker's page, in the release named; a removed one at its removal notice", async () => {
    const location = async (url: string) => {
      const response = await fetch(`${app.baseUrl}${url}`, { redirect: "manual" });
      return [response.status, response.headers.get("location")];
    };
    expect(await location("/quotes/sergiy-nahornyak-1?version=1.1.0")).toEqual([
      308,
      "/voices/sergiy-nahornyak?version=1.1.0#quote-sergiy-nahornyak-1",
    ]);
    expect(await location("/quotes/rustem-1")).toEqual([308, "/voices/rustem#quote-rustem-1"]);
    expect(await location("/quotes/sergiy-nahornyak-1")).toEqual([308, "/voices/sergiy-nahornyak#quote-sergiy-nahornyak-1"]);
    expect((await get("/quotes/no-such-quote")).status).toBe(404);
  });

  it("serves every API route at the release asked for", async () => {
    const routes = [
      "/api/voices",
      "/api/quotes",
      "/api/sources",
      "/api/voices/rustem",
      "/api/sources/diplomat-kazakhstanis-picking-sides",
      "/api/meta",
    ];
    for (const route of routes) expect((await get(`${route}?version=1.1.0`)).status, route).toBe(200);
    expect(await (await get("/api/meta?version=1.1.0")).json()).toMatchObject({
      version: "1.1.0",
      versionDate: "2026-11-30",
      release: "1.1.0",
    });
    expect(await (await get("/api/voices/rustem?version=1.1.0")).json()).toMatchObject({ stance: "pro_ukraine" });
    expect(await (await get("/api/voices/rustem")).json()).toMatchObject({ stance: "neutral" });
    const neutral = (await (await get("/api/voices?stance=neutral&version=1.1.0&pageSize=100")).json()) as { items: { slug: string }[] };
    expect(neutral.items.map((v) => v.slug)).not.toContain("rustem");
    const exported = await get("/api/export?format=csv&voice=rustem&version=1.1.0");
    expect(exported.headers.get("x-corpus-version")).toBe("1.1.0");
    const csv = await exported.text();
    expect(csv).toContain(OLD_WORDS);
    expect(csv).toContain("/voices/rustem?version=1.1.0#quote-rustem-1");
  });
});

describe("the current pages", () => {
  it("list the releases in which a voice changed, and how", async () => {
    const text = textOf((await page("/voices/rustem")).html);
    expect(text).toMatch(/History/);
    expect(text).toMatch(/Release 1\.2\.0/);
    expect(text).toContain(`Words changed from ${OLD_WORDS} to ${NEW_WORDS}`);
    expect(text).toContain("/voices/rustem?version=1.2.0"); // citations pin the current release
  });

  it("say that a removed quote was removed, when and why, and link the release that holds it", async () => {
    const { html } = await page("/voices/sergiy-nahornyak");
    expect(html).toContain('id="quote-sergiy-nahornyak-1"');
    const text = textOf(html);
    expect(text).toMatch(/was removed in release 1\.2\.0/);
    expect(text).toContain(NOTES);
    expect(html).toContain('href="?version=1.1.0#quote-sergiy-nahornyak-1"');
  });

  it("/changes shows every release with its notes and its diff", async () => {
    const text = textOf((await page("/changes")).html);
    for (const version of ["1.0.0", "1.1.0", "1.2.0"]) expect(text).toContain(`Release ${version}`);
    expect(text).toContain(NOTES);
    expect(text).toContain(`Rustem : Stance changed from ${STANCE_LABELS.pro_ukraine} to ${STANCE_LABELS.neutral}`);
    expect(text).toContain("Quote Sergiy Nahornyak: “the yurts were his idea” ( as it was in 1.1.0 ) : removed");
  });

  it("/api/releases lists them, oldest first, with what each changed", async () => {
    const body = (await (await get("/api/releases")).json()) as {
      working: { release: string | null };
      releases: { version: string; changes: { key: string; field: string | null }[] }[];
    };
    expect(body.working.release).toBe("1.2.0");
    expect(body.releases.map((r) => r.version)).toEqual(["1.0.0", "1.1.0", "1.2.0"]);
    expect(body.releases[2]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ key: "rustem", field: "stance" })]));
  });
});

// Next 16 sends a dynamic route's not-found page as its RSC payload, which the browser
// renders (vercel/next.js#62228): the words are in the body, inside that payload.
describe("versions that are not there", () => {
  it.each(["/voices/rustem", "/sources/diplomat-kazakhstanis-picking-sides"])(
    "%s?version=9.9.9 is a 404 page naming the version",
    async (url) => {
      const { status, html } = await page(`${url}?version=9.9.9`);
      expect(status).toBe(404);
      expect(html).toContain("No release “9.9.9” of the corpus. Releases: 1.0.0, 1.1.0, 1.2.0.");
    },
  );

  it.each(["/api/voices", "/api/quotes", "/api/sources", "/api/voices/rustem", "/api/meta", "/api/export?format=csv"])(
    "%s answers an unknown version with a 404 naming it, and a malformed one with a 400 naming the parameter",
    async (route) => {
      const join = route.includes("?") ? "&" : "?";
      const unknown = await get(`${route}${join}version=9.9.9`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("9.9.9");
      const malformed = await get(`${route}${join}version=latest`);
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { issues: [expect.objectContaining({ parameter: "version" })] } });
    },
  );

  it("a voice removed by a release is a 404 that says when and why, and links the release that holds it", async () => {
    const { status, html } = await page("/voices/darkhan-sharipov");
    expect(status).toBe(404);
    expect(html).toMatch(
      /Darkhan Sharipov was removed from the corpus in release 1\.2\.0 \(\d{4}-\d\d-\d\d\)\. The release notes say why:/,
    );
    expect(html).toContain(NOTES);
    expect(html).toContain("/voices/darkhan-sharipov?version=1.1.0");
    expect((await page("/voices/darkhan-sharipov?version=1.1.0")).status).toBe(200);
    const api = await get("/api/voices/darkhan-sharipov");
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { message: string } }).error.message).toContain("removed from the corpus in release 1.2.0");
    expect((await page("/voices/no-such-person")).status).toBe(404);
  });
});

describe("a release's download", () => {
  it("is a data package that validates against the Data Package and Table Schema specifications and reads back whole", async () => {
    const response = await get("/api/releases/1.1.0/download");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="voices-1.1.0.zip"');
    const dir = makeTempDir("package");
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await response.arrayBuffer())))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    const root = path.join(dir, "voices-1.1.0");
    const descriptor = JSON.parse(readFileSync(path.join(root, "datapackage.json"), "utf8")) as Record<string, unknown>;
    expect(descriptor).toMatchObject({ version: "1.1.0", licenses: [expect.objectContaining({ name: "CC-BY-4.0" })] });
    expect(String(descriptor.citation)).toContain("corpus version 1.1.0, 2026-11-30");

    const pkg = await Package.load(path.join(root, "datapackage.json"), { basePath: root });
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const resource of pkg.resources.filter((r) => r.tabular)) {
      rows[resource.name] = await resource.read({ keyed: true, relations: true }); // casts every value to its type, checks foreign keys
    }
    expect(Object.keys(rows).sort()).toEqual(["documents", "evidence", "places", "quotes", "sources", "voices"]);
    const sqlite = new Database(path.join(root, "voices-1.1.0.db"), { readonly: true });
    try {
      for (const [resource, table] of [
        ["voices", "Voice"],
        ["quotes", "Quote"],
        ["evidence", "Evidence"],
        ["sources", "Source"],
      ] as const) {
        expect(rows[resource], resource).toHaveLength((sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
      }
    } finally {
      sqlite.close();
    }
    const rustem = rows.voices!.find((v) => v.slug === "rustem")!;
    expect(rustem).toMatchObject({ stance: "pro_ukraine", age: 28 });
    expect(rows.quotes!.find((q) => q.id === "rustem-1")).toMatchObject({ text: OLD_WORDS });
    for (const doc of rows.documents!) {
      const text = readFileSync(path.join(root, "documents", `${String(doc.id)}.txt`));
      expect(createHash("sha256").update(text).digest("hex")).toBe(doc.sha256);
    }
  });

  it("of an unknown release is a 404 naming it", async () => {
    const response = await get("/api/releases/9.9.9/download");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("9.9.9");
  });
});
