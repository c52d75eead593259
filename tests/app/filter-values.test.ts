import { describe, expect, inject, it } from "vitest";

// Filters never fail silently (issue 12): a city, region, country or source is selected by
// its slug, name or any spelling; a value that names nothing is a 400 in every JSON route
// that takes the explorer's filters and in the export, and a visible notice on pages.

const api = (path: string) => fetch(`${inject("baseUrl")}${path}`);

async function json(path: string) {
  const response = await api(path);
  return { status: response.status, body: await response.json() };
}

type Issue = { parameter: string; message: string; allowed?: string[] };
type Item = { slug: string };

const slugsOf = async (path: string) => ((await json(path)).body.items as Item[]).map((i) => i.slug);

describe("open-list filters select by name and spelling", () => {
  it.each([
    ["city=Karaganda", "city=karaganda"],
    ["city=KARAGANDA", "city=karaganda"],
    ["city=Qaraghandy", "city=karaganda"],
    ["city=Караганда", "city=karaganda"],
    ["city=Nur-Sultan", "city=astana"],
    ["city=Ust-Kamenogorsk", "city=oskemen"],
    ["region=karaganda%20region", "region=Karaganda%20Region"],
    ["country=kazakhstan", "country=Kazakhstan"],
    ["source=The%20Diplomat", "source=diplomat-kazakhstanis-picking-sides"],
  ])("/api/voices?%s = ?%s", async (given, canonical) => {
    const expected = await slugsOf(`/api/voices?pageSize=100&${canonical}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await slugsOf(`/api/voices?pageSize=100&${given}`)).toEqual(expected);
  });

  it("echoes the value it selected and says it in words", async () => {
    const { status, body } = await json("/api/voices?city=Karaganda");
    expect(status).toBe(200);
    expect(body.query.city).toEqual(["karaganda"]);
    expect(body.query.description).toMatch(/from Karaganda$/);
    expect(body.total).toBeGreaterThan(0);
  });
});

describe("a filter value that names nothing", () => {
  const BAD = [
    ["city", "Atlantis"],
    ["region", "Mordor"],
    ["country", "Narnia"],
    ["source", "no-such-source"],
  ] as const;
  const ROUTES = ["/api/voices?", "/api/quotes?", "/api/export?format=csv&"];

  it.each(ROUTES.flatMap((route) => BAD.map(([parameter, value]) => [route, parameter, value] as const)))(
    "%s%s=%s is a 400 naming the parameter and what it accepts",
    async (route, parameter, value) => {
      const { status, body } = await json(`${route}${parameter}=${encodeURIComponent(value)}`);
      expect(status).toBe(400);
      const issue = (body.error.issues as Issue[]).find((i) => i.parameter === parameter)!;
      expect(issue.message).toContain(`"${value}" is not recognised`);
      expect(issue.allowed!.length).toBeGreaterThan(0);
    },
  );

  it("lists the places' slugs as the cities allowed", async () => {
    const { body } = await json("/api/voices?city=Atlantis");
    expect(body.error.issues[0].allowed).toEqual(expect.arrayContaining(["astana", "karaganda", "unknown"]));
  });

  it.each([
    ["/?city=Atlantis", "City: “Atlantis”"],
    ["/?city=Karaganda&region=Mordor", "Region: “Mordor”"],
    ["/insights?source=no-such-source", "Source: “no-such-source”"],
  ])("is named in a notice on the page %s", async (path, named) => {
    const response = await api(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("not recognised");
    expect(html).toContain(named);
  });

  it("leaves the page showing the values it knows", async () => {
    const html = await (await api("/?city=Karaganda&city=Atlantis")).text();
    expect(html).toMatch(/voices? from Karaganda/);
    expect(/<input(?=[^>]*name="city")(?=[^>]*value="karaganda")(?=[^>]*checked)[^>]*>/.test(html)).toBe(true);
  });
});
