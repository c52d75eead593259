import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { getDatabasePath } from "@/lib/db/database-path";
import { PROJECT_ROOT } from "../helpers/paths";

const api = (path: string) => fetch(`${inject("baseUrl")}${path}`);

async function json(path: string) {
  const response = await api(path);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

function openDb() {
  return createPrismaClient(getDatabasePath({ DATABASE_URL: inject("databaseUrl") }), { readonly: true });
}

type Item = { slug: string };
type FacetValue = { value: string; label: string; count: number; selected: boolean };
type Issue = { parameter: string; allowed?: string[] };

describe("GET /api/voices", () => {
  it("returns every voice with facets and the parsed query", async () => {
    const db = openDb();
    const count = await db.voice.count();
    await db.$disconnect();
    const { status, body } = await json("/api/voices?pageSize=100");
    expect(status).toBe(200);
    expect(body.total).toBe(count);
    expect(body.items).toHaveLength(count);
    expect(body.query).toMatchObject({ q: "", stance: [], page: 1, pageSize: 100, description: `${count} voices` });
    expect(Object.keys(body.facets).sort()).toEqual(["ageBand", "city", "country", "kind", "region", "role", "source", "stance"]);
  });

  it("filters with repeated keys and commas alike, OR within a facet and AND across facets", async () => {
    const db = openDb();
    const expected = await db.voice.findMany({
      where: { stance: { in: ["neutral", "pro_russia"] }, placeSlug: "karaganda" },
      select: { slug: true },
      orderBy: { slug: "asc" },
    });
    await db.$disconnect();
    const repeated = await json("/api/voices?stance=neutral&stance=pro_russia&city=karaganda");
    const commas = await json("/api/voices?stance=neutral,pro_russia&city=karaganda");
    const slugs = (body: { items: Item[] }) => body.items.map((i) => i.slug).sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(slugs(repeated.body)).toEqual(expected.map((v) => v.slug));
    expect(slugs(commas.body)).toEqual(slugs(repeated.body));
    expect(repeated.body.query.description).toMatch(/^\d+ voices who support neutrality or support Russia, from Karaganda$/);
  });

  it("counts each facet without its own selection, so other values stay reachable", async () => {
    const { body: all } = await json("/api/voices");
    const { body: filtered } = await json("/api/voices?stance=neutral");
    expect(filtered.facets.stance).toEqual(all.facets.stance.map((v: FacetValue) => ({ ...v, selected: v.value === "neutral" })));
    const unknownCity = filtered.facets.city.find((v: FacetValue) => v.value === "unknown");
    expect(unknownCity.label).toBe("City not stated");
    expect(unknownCity.count).toBeGreaterThan(0);
  });

  it("searches quotes and highlights the matched words", async () => {
    const { body } = await json(`/api/voices?q=${encodeURIComponent('"blatant propaganda"')}`);
    expect(body.total).toBe(1);
    const marked = body.items[0].quote.segments.filter((s: { match: boolean }) => s.match).map((s: { text: string }) => s.text);
    expect(marked).toEqual(["blatant propaganda"]);
  });

  it.each([
    ["unbalanced quotes", '"Almaty'],
    ["a dangling operator", "work AND"],
    ["a hyphen", "e-mail"],
    ["a column filter", "city:x"],
    ["a lone star", "*"],
    ["emoji", "😀🇰🇿"],
    ["SQL", "'; DROP TABLE Voice; --"],
    ["5,000 characters", "propaganda ".repeat(455).slice(0, 5000)],
  ])("answers a search with %s with results or an empty list, never an error", async (_label, q) => {
    const { status, body } = await json(`/api/voices?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(Array.isArray(body.items)).toBe(true);
  });

  it.each([
    ["stance=pro_kazakhstan", "stance", ["pro_russia", "pro_ukraine", "neutral", "unclear"]],
    ["ageMin=abc", "ageMin", undefined],
    ["pageSize=100000", "pageSize", undefined],
    ["sort=popularity", "sort", ["relevance", "name", "age", "date", "source"]],
    ["page=0", "page", undefined],
    ["ageMin=60&ageMax=20", "ageMin", undefined],
    ["q=a&q=b", "q", undefined],
    [`q=${"x".repeat(5001)}`, "q", undefined],
    ["kind=summary", "kind", ["direct", "paraphrase"]],
  ])("rejects %s with a 400 naming the parameter", async (search, parameter, allowed) => {
    const { status, type, body } = await json(`/api/voices?${search}`);
    expect(status).toBe(400);
    expect(type).toMatch(/application\/json/);
    expect(body.error.issues.map((i: Issue) => i.parameter)).toContain(parameter);
    if (allowed) expect(body.error.issues.find((i: Issue) => i.parameter === parameter).allowed).toEqual(allowed);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w+ \(|node_modules|\/work\//);
  });

  it("ignores parameters it does not know", async () => {
    const { status } = await json("/api/voices?utm_source=newsletter");
    expect(status).toBe(200);
  });
});

describe("GET /api/voices/<slug>", () => {
  it("returns a voice with the evidence for each stated attribute", async () => {
    const { status, body } = await json("/api/voices/gulmira-karaganda");
    expect(status).toBe(200);
    expect(body).toMatchObject({ slug: "gulmira-karaganda", name: "Gulmira", age: 48, city: "Karaganda", stance: "pro_russia" });
    expect(body.evidence.map((e: { attribute: string }) => e.attribute)).toEqual(["age", "city", "occupation"]);
    expect(body.evidence[0].text).toContain("48-year-old");
  });

  it("is 404 JSON for an unknown slug", async () => {
    const { status, body } = await json("/api/voices/nobody-at-all");
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/No voice with the slug "nobody-at-all"/);
  });

  it.each(["Capital-Letters", "..%2F..%2Fetc%2Fpasswd", "semi;colon"])("is 400 for the malformed slug %s", async (slug) => {
    const { status, body } = await json(`/api/voices/${slug}`);
    expect(status).toBe(400);
    expect(body.error.issues[0].parameter).toBe("slug");
  });
});

describe("GET /api/sources and /api/sources/<slug>", () => {
  it("lists every source with its copies and counts", async () => {
    const { status, body } = await json("/api/sources");
    expect(status).toBe(200);
    const od = body.items.find((s: Item) => s.slug === "opendemocracy-kazakhstan-divided");
    expect(od.documents).toHaveLength(2);
    expect(od.voiceCount).toBeGreaterThan(0);
  });

  it("returns a source's text cut at every quote, each run linked to its quote", async () => {
    const db = openDb();
    const quote = await db.quote.findUniqueOrThrow({ where: { id: "olga-kostanai-1" } });
    await db.$disconnect();
    const { body } = await json("/api/sources/opendemocracy-kazakhstan-divided");
    const primary = body.documents.find((d: { isPrimary: boolean }) => d.isPrimary);
    const run = primary.runs.find((r: { quote: { id: string } | null }) => r.quote?.id === "olga-kostanai-1");
    expect(run.text).toBe(quote.text);
    expect(primary.runs.map((r: { text: string }) => r.text).join("").length).toBeGreaterThan(quote.end);
  });

  it("is 404 for an unknown source", async () => {
    expect((await json("/api/sources/no-such-source")).status).toBe(404);
  });
});

describe("GET /api/quotes", () => {
  it("returns quotes with their speaker, filtered like voices", async () => {
    const { status, body } = await json("/api/quotes?kind=direct&stance=pro_ukraine");
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    for (const quote of body.items) {
      expect(quote.kind).toBe("direct");
      expect(quote.voice.stance).toBe("pro_ukraine");
    }
  });

  it("with a search, returns only the quotes whose words match", async () => {
    const { body } = await json("/api/quotes?q=propaganda");
    expect(body.items.length).toBeGreaterThan(0);
    for (const quote of body.items) expect(quote.text.toLowerCase()).toContain("propaganda");
  });

  it("rejects bad parameters like /api/voices", async () => {
    expect((await json("/api/quotes?stance=x")).status).toBe(400);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every endpoint and every query parameter", async () => {
    const { status, body } = await json("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    // every route handler under app/api is described, and nothing else
    const routes = readdirSync(path.join(PROJECT_ROOT, "app/api"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => `/api/${path.dirname(file).replace(/\[(\w+)\]/g, "{$1}")}`);
    expect(Object.keys(body.paths).sort()).toEqual(routes.sort());
    const parameters: { name: string; schema: unknown }[] = body.paths["/api/voices"].get.parameters;
    expect(parameters.map((p) => p.name)).toEqual([
      "q",
      "stance",
      "city",
      "region",
      "country",
      "role",
      "ageBand",
      "ageMin",
      "ageMax",
      "source",
      "kind",
      "sort",
      "view",
      "page",
      "pageSize",
      "version",
    ]);
    expect(JSON.stringify(parameters.find((p) => p.name === "stance")!.schema)).toContain("pro_ukraine");
  });
});

describe("pages", () => {
  it.each([
    "/",
    "/?stance=nonsense&ageMin=abc&page=-3",
    "/voices/olga-kostanai",
    "/sources/opendemocracy-kazakhstan-divided",
    "/compare?v=rustem,irina",
    "/compare?v=x",
    "/insights",
    "/insights?row=nonsense&stance=neutral",
  ])("%s is served as HTML", async (path) => {
    const response = await api(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
  });

  it.each(["/voices/nobody-at-all", "/voices/NOT_A_SLUG", "/sources/nothing-here"])("%s is a 404 page", async (path) => {
    const response = await api(path);
    expect(response.status).toBe(404);
    expect((await response.text()).includes("Not found")).toBe(true);
  });

  it("works without JavaScript: the explorer is a GET form with the filters checked", async () => {
    const html = await (await api("/?stance=neutral")).text();
    expect(/<form[^>]*action="\/"[^>]*method="get"/.test(html)).toBe(true);
    expect(/<input(?=[^>]*name="stance")(?=[^>]*value="neutral")(?=[^>]*checked)[^>]*>/.test(html)).toBe(true);
    expect(/<input(?=[^>]*name="stance")(?=[^>]*value="unclear")(?=[^>]*checked)[^>]*>/.test(html)).toBe(false);
  });
});

describe("GET /api/export", () => {
  it("streams the filtered selection as a CSV attachment named for the selection and the corpus version", async () => {
    const meta = (await json("/api/meta")).body;
    const response = await api("/api/export?format=csv&stance=pro_russia&bom=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="voices-pro-russia-quotes-${meta.version}-\\d{8}T\\d{6}Z\\.csv"$`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs
    const body = new TextDecoder().decode(bytes);
    expect(body.startsWith("quote_id,")).toBe(true);
    const quotes = (await json("/api/quotes?stance=pro_russia&pageSize=100")).body;
    expect(body.trimEnd().split("\r\n")).toHaveLength(quotes.total + 1);
  });

  it.each([
    ["format=xml", "format"],
    ["", "format"],
    ["format=csv&shape=rows", "shape"],
    ["format=csv&stance=nope", "stance"],
    [`format=csv&v=${Array.from({ length: 60 }, (_, i) => `voice-${i}`).join(",")}`, "v"],
    ["format=csv&voice=Not_A_Slug", "voice"],
  ])("rejects %s with a 400 naming %s", async (search, parameter) => {
    const { status, body } = await json(`/api/export?${search}`);
    expect(status).toBe(400);
    expect(body.error.issues.map((i: Issue) => i.parameter)).toContain(parameter);
  });

  it("is a 404 for an unknown voice or quote", async () => {
    expect((await json("/api/export?format=ris&voice=nobody-at-all")).status).toBe(404);
    expect((await json("/api/export?format=ris&quote=no-such-quote")).status).toBe(404);
  });
});

describe("GET /api/meta", () => {
  it("gives the corpus version, counts and how to cite the corpus", async () => {
    const db = openDb();
    const [info, voices] = await Promise.all([db.corpusInfo.findUniqueOrThrow({ where: { id: 1 } }), db.voice.count()]);
    await db.$disconnect();
    const { body } = await json("/api/meta");
    expect(body).toMatchObject({ version: info.version, counts: { voices } });
    expect(body.citation).toContain(`corpus version ${info.version}`);
  });

  it("matches the version in the site footer", async () => {
    const { body } = await json("/api/meta");
    const footer = /<footer[\s\S]*?<\/footer>/.exec(await (await api("/")).text())?.[0] ?? "";
    expect(footer).toContain(`>${body.version}</`);
  });
});

describe("security headers", () => {
  it.each(["/", "/voices/olga-kostanai", "/insights", "/api/voices", "/api/voices?stance=bad", "/api/nope", "/voices/nobody-at-all"])(
    "are on %s",
    async (path) => {
      const response = await api(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    },
  );

  it("use a fresh nonce on every request, and give it to Next's own scripts", async () => {
    const [a, b] = await Promise.all([api("/"), api("/")]);
    const nonceOf = (r: Response) => r.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(a)}"`);
  });
});
