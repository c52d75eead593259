import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";

const api = (path: string) => fetch(`${inject("baseUrl")}${path}`);
const json = async (path: string) => {
  const response = await api(path);
  return { status: response.status, body: await response.json() };
};

type QuoteItem = { id: string; start: number; source: { slug: string }; voice: { name: string }; before: string; after: string };
type Facet = { value: string; count: number };

describe("GET /api/quotes: every matching quote as its own result", () => {
  it("counts quotes in its facets: each facet's counts add up to the quotes", async () => {
    const { status, body } = await json("/api/quotes?pageSize=100");
    expect(status).toBe(200);
    const sum = (facet: Facet[]) => facet.reduce((n, v) => n + v.count, 0);
    expect(sum(body.facets.kind)).toBe(body.total);
    expect(sum(body.facets.stance)).toBe(body.total);
    expect(body.query.description).toMatch(/^\d+ quotes by \d+ voices$/);
    const voices = await json("/api/voices?pageSize=1");
    expect(sum(voices.body.facets.stance)).toBe(voices.body.total); // the voices view still counts voices
    expect(body.total).toBeGreaterThan(voices.body.total);
  });

  it("lists quotes in the order the sources print them with sort=source", async () => {
    const { body } = await json("/api/quotes?pageSize=100&sort=source");
    const items = body.items as QuoteItem[];
    const sources = [...new Set(items.map((q) => q.source.slug))];
    for (const source of sources) {
      const starts = items.filter((q) => q.source.slug === source).map((q) => q.start);
      expect(starts, source).toEqual([...starts].sort((a, b) => a - b));
      // each source's quotes stand together
      const first = items.findIndex((q) => q.source.slug === source);
      expect(items.slice(first, first + starts.length).every((q) => q.source.slug === source)).toBe(true);
    }
  });

  it("sorts by speaker with sort=name", async () => {
    const names = ((await json("/api/quotes?pageSize=100&sort=name")).body.items as QuoteItem[]).map((q) => q.voice.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("gives each quote the words around it", async () => {
    const { body } = await json("/api/quotes?q=prudent");
    expect(body.items).toHaveLength(1);
    expect(body.items[0].segments.filter((s: { match: boolean }) => s.match).map((s: { text: string }) => s.text)).toEqual(["prudent"]);
    expect(body.items[0].before).toContain("Aizada");
  });

  it("answers the explorer's view parameter: /api/voices?view=quotes counts quotes too", async () => {
    const quotes = await json("/api/voices?view=quotes&kind=paraphrase");
    const direct = quotes.body.facets.kind.find((v: Facet) => v.value === "direct").count;
    const all = await json("/api/quotes?kind=direct");
    expect(direct).toBe(all.body.total);
    expect((await json("/api/voices?view=lines")).status).toBe(400);
  });
});

describe("GET /api/export?quote=…: a quote list", () => {
  it("exports exactly the listed quotes, in the list's order, with their notes", async () => {
    const ids = ["aizada-nur-sultan-2", "gulmira-karaganda-1", "aleksandra-ust-kamenogorsk-3"];
    const response = await api(
      `/api/export?format=csv&quote=${ids.join(",")}&note.gulmira-karaganda-1=${encodeURIComponent("Key, “quoted”")}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="quote-list-3-quotes-\d+\.\d+\.\d+(\+unreleased\.[0-9a-f]{12})?-\d{8}T\d{6}Z\.csv"/,
    );
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows.map((r) => r.quote_id)).toEqual(ids);
    expect(rows.map((r) => r.note)).toEqual(["", "Key, “quoted”", ""]);
  });

  it.each(["ris", "bibtex", "csl-json", "md", "json"])("carries a list's notes in %s too", async (format) => {
    const note = "Compare with Aizada";
    const response = await api(`/api/export?format=${format}&quote=irina-1,gulmira-karaganda-1&note.irina-1=${encodeURIComponent(note)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(note);
    expect(text.indexOf("irina-1")).toBeLessThan(text.indexOf("gulmira-karaganda-1"));
  });

  it("leaves out unknown and repeated ids, says so, and exports the rest", async () => {
    const response = await api("/api/export?format=json&quote=gulmira-karaganda-1,no-such-quote-9,gulmira-karaganda-1,irina-1");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.map((q: { id: string }) => q.id)).toEqual(["gulmira-karaganda-1", "irina-1"]);
    expect(body.provenance.selection).toMatch(/not found, so left out: no-such-quote-9/);
  });

  it.each([
    ["quote=Not%20An%20Id", "quote"],
    [`quote=${Array.from({ length: 201 }, (_, i) => `q-${i}`).join(",")}`, "quote"],
    [`quote=irina-1&note.irina-1=${"x".repeat(1001)}`, "note.irina-1"],
    ["quote=irina-1&voice=irina", "voice"],
  ])("rejects %s with a 400 naming %s", async (search, parameter) => {
    const { status, body } = await json(`/api/export?format=csv&${search}`);
    expect(status).toBe(400);
    expect(body.error.issues.map((i: { parameter: string }) => i.parameter)).toContain(parameter);
  });

  it("is a 404 naming the ids when none of them is known", async () => {
    const { status, body } = await json("/api/export?format=csv&quote=no-such-1,no-such-2");
    expect(status).toBe(404);
    expect(body.error.message).toContain("no-such-2");
  });
});
