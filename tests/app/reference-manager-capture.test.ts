import { request } from "node:http";
import { describe, expect, inject, it } from "vitest";
import YAML from "yaml";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { getDatabasePath } from "@/lib/db/database-path";
import { captureWithEmbeddedMetadata } from "../helpers/embedded-metadata";
import { DATA_DIR } from "../helpers/paths";

// Pages and API over real HTTP: what Zotero's "Embedded Metadata" translator captures
// (tests/helpers/embedded-metadata.ts follows its documented mapping), the schema.org
// JSON-LD, and links built on the origin the request came to.

const base = () => inject("baseUrl");
const page = async (p: string) => (await fetch(`${base()}${p}`)).text();

async function corpus() {
  const db = createPrismaClient(getDatabasePath({ DATABASE_URL: inject("databaseUrl") }), { readonly: true });
  try {
    const [info, sources] = await Promise.all([db.corpusInfo.findUniqueOrThrow({ where: { id: 1 } }), db.source.findMany()]);
    return { info, sources };
  } finally {
    await db.$disconnect();
  }
}

/** The permalinks' pin: `?version=<release>` when the corpus is a release (docs/releases.md). */
const pinOf = (info: { release: string | null }) => (info.release ? `?version=${info.release}` : "");

const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

/** GET with another Host header, as a request through a proxy or on another port arrives. */
function getWithHost(
  p: string,
  host: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(p, base());
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Zotero's Embedded Metadata translator", () => {
  it("captures a voice page as the corpus entry: a data set with its version, publisher and date", async () => {
    const { info } = await corpus();
    const url = `${base()}/voices/olga-kostanai`;
    const item = captureWithEmbeddedMetadata(await page("/voices/olga-kostanai"), url);
    expect(item).toMatchObject({
      itemType: "dataset",
      title: "Olga, as quoted in openDemocracy",
      versionNumber: info.version,
      publisher: "Voices",
      date: info.versionDate,
      url: `${url}${pinOf(info)}`, // the release the entry is cited at
      creators: ["Voices"],
    });
  });

  it.each([
    "opendemocracy-kazakhstan-divided",
    "window-on-eurasia-kazakhstan-opposes-war",
    "diplomat-kazakhstanis-picking-sides",
    "responsible-statecraft-kazakhstan-view-of-ukraine",
  ])("captures the source page %s as a newspaper article or blog post with its full date, authors and publication", async (slug) => {
    const { sources } = await corpus();
    const source = sources.find((s) => s.slug === slug)!;
    const item = captureWithEmbeddedMetadata(await page(`/sources/${slug}`), `${base()}/sources/${slug}`);
    expect(item.itemType).toBe(source.type === "blog-post" ? "blogPost" : "newspaperArticle");
    expect(item.title).toBe(source.title);
    expect(item.publicationTitle).toBe(source.publisher);
    expect(item.date).toBe(source.publishedAt ?? undefined);
    expect(item.creators).toEqual(source.authors);
    if (source.url) expect(item.url).toBe(source.url);
  });
});

describe("Dublin Core, Open Graph and schema.org JSON-LD", () => {
  it("a voice page is a Dataset about a Person, its direct quotations Quotations and its paraphrases not", async () => {
    const html = await page("/voices/aizada-nur-sultan");
    const [data] = jsonLd(html);
    const spec = YAML.parse(readFileSync(path.join(DATA_DIR, "sources/opendemocracy-kazakhstan-divided.yaml"), "utf8"));
    const aizada = spec.voices.find((v: { slug: string }) => v.slug === "aizada-nur-sultan");
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "Dataset", about: { "@type": "Person", name: "Aizada" } });
    expect(data!.isBasedOn).toMatchObject({ "@type": "NewsArticle", datePublished: "2022-03-23", publisher: { name: "openDemocracy" } });
    const parts = data!.hasPart as { "@type": string; text: string }[];
    expect(parts).toHaveLength(aizada.quotes.length);
    aizada.quotes.forEach((q: { kind: string; text: string }, i: number) => {
      expect(parts[i]!["@type"]).toBe(q.kind === "direct" ? "Quotation" : "CreativeWork");
    });
    expect(html).toMatch(/<meta name="DC.type" content="Dataset"\/>/);
    expect(html).toMatch(/<meta property="og:title" content="Aizada, as quoted in openDemocracy"\/>/);
  });

  it("a source page is a NewsArticle or BlogPosting that mentions its people", async () => {
    const [article] = jsonLd(await page("/sources/window-on-eurasia-kazakhstan-opposes-war"));
    expect(article).toMatchObject({
      "@type": "BlogPosting",
      author: [{ "@type": "Person", name: "Paul Goble" }],
      datePublished: "2022-04-25",
    });
    expect((article!.mentions as unknown[]).length).toBeGreaterThan(0);
    const html = await page("/sources/opendemocracy-kazakhstan-divided");
    expect(jsonLd(html)[0]).toMatchObject({ "@type": "NewsArticle" });
    expect(html).toMatch(/<meta property="article:published_time" content="2022-03-23"\/>/);
    expect(html).toMatch(/<meta name="DC.date" content="2022-03-23"\/>/);
  });
});

describe("links built on the origin of the request when PUBLIC_URL is unset", () => {
  const origin = process.env.PUBLIC_URL?.replace(/\/+$/, "") || "http://voices.test:4101";

  it("voice pages: canonical link, Highwire URL and every citation", async () => {
    const pin = pinOf((await corpus()).info);
    const { body } = await getWithHost("/voices/olga-kostanai", "voices.test:4101");
    expect(body).toContain(`<link rel="canonical" href="${origin}/voices/olga-kostanai${pin}"/>`);
    expect(body).toContain(`<meta name="citation_public_url" content="${origin}/voices/olga-kostanai${pin}"/>`);
    expect(body).toContain(`${origin}/voices/olga-kostanai${pin}#quote-olga-kostanai-1`);
    if (!process.env.PUBLIC_URL) expect(body).not.toContain("localhost:3000");
  });

  it("the API: how to cite the corpus, and every permalink of an export", async () => {
    const meta = JSON.parse((await getWithHost("/api/meta", "voices.test:4101")).body);
    expect(meta.citation).toContain(`${origin}/`);
    const exported = JSON.parse((await getWithHost("/api/export?format=json&voice=olga-kostanai", "voices.test:4101")).body);
    expect(exported.items[0].permalink).toBe(`${origin}/voices/olga-kostanai${pinOf((await corpus()).info)}#quote-olga-kostanai-1`);
    expect(exported.provenance.citeCorpusAs).toContain(`${origin}/`);
  });
});

describe("export provenance in the file name and the headers", () => {
  it.each([
    ["json", ".json"],
    ["csl-json", ".csl.json"],
    ["bibtex", ".bib"],
    ["ris", ".ris"],
    ["md", ".md"],
    ["csv", ".csv"],
  ])("%s: names the corpus version, the selection, the shape and the time", async (format, extension) => {
    const { info } = await corpus();
    const response = await fetch(`${base()}/api/export?format=${format}&voice=olga-kostanai`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition")!;
    const name = disposition.match(/filename="([^"]+)"/)![1]!;
    expect(name).toMatch(new RegExp(`^voices-olga-kostanai-quotes-${info.version}-\\d{8}T\\d{6}Z\\${extension}$`));
    expect(response.headers.get("x-corpus-version")).toBe(info.version);
    expect(response.headers.get("x-corpus-version-date")).toBe(info.versionDate);
    expect(Date.parse(response.headers.get("x-exported-at")!)).not.toBeNaN();
    expect(decodeURIComponent(response.headers.get("x-export-selection")!)).toBe("1 voice: Olga");
    expect(decodeURIComponent(response.headers.get("x-cite-corpus-as")!)).toContain(`corpus version ${info.version}`);
    await response.body?.cancel();
  });

  it("JSON and CSL-JSON downloads of the same selection get different names", async () => {
    const names = await Promise.all(
      ["json", "csl-json"].map(async (format) => {
        const response = await fetch(`${base()}/api/export?format=${format}&shape=voices`);
        await response.body?.cancel();
        return response.headers
          .get("content-disposition")!
          .match(/filename="([^"]+)"/)![1]!
          .replace(/-\d{8}T\d{6}Z/, "");
      }),
    );
    expect(names[0]).not.toBe(names[1]);
  });
});
