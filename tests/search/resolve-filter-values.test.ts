import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-prisma-client";
import { VoicesError } from "@/lib/errors";
import { findVoices } from "@/lib/search/find-voices";
import { resolveFilterValues } from "@/lib/search/resolve-filter-values";
import { parseVoiceQuery } from "@/lib/search/voice-query";
import { copyBaseDatabase } from "../helpers/base-database";

let db: Database;
beforeAll(() => {
  ({ db } = copyBaseDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

const resolve = (params: string, mode: "strict" | "lenient" = "strict") =>
  resolveFilterValues(db, parseVoiceQuery(new URLSearchParams(params)), mode);

describe("resolveFilterValues", () => {
  it.each([
    ["the slug", "city=karaganda", ["karaganda"]],
    ["the name", "city=Karaganda", ["karaganda"]],
    ["the name in any case", "city=KARAGANDA", ["karaganda"]],
    ["a transliteration", "city=Qaraghandy", ["karaganda"]],
    ["another transliteration", "city=Karagandy", ["karaganda"]],
    ["the Russian Cyrillic", "city=Караганда", ["karaganda"]],
    ["the Kazakh Cyrillic", "city=Қарағанды", ["karaganda"]],
    ["a former name", "city=Nur-Sultan", ["astana"]],
    ["a former name, lower case, without the hyphen", "city=nur sultan", ["astana"]],
    ["the Russian name of Oskemen", "city=Ust-Kamenogorsk", ["oskemen"]],
    ["no stated city", "city=unknown", ["unknown"]],
    ["several values at once", "city=Kiev,Almaty", ["kyiv", "almaty"]],
    ["a region's name in any case", "region=karaganda region", ["Karaganda Region"]],
    ["a country's name", "country=kazakhstan", ["Kazakhstan"]],
    ["a source's slug", "source=diplomat-kazakhstanis-picking-sides", ["diplomat-kazakhstanis-picking-sides"]],
    ["a publisher's name", "source=the diplomat", ["diplomat-kazakhstanis-picking-sides"]],
  ])("selects by %s", async (_label, params, expected) => {
    const { query, unrecognised } = await resolve(params);
    const key = params.split("=")[0] as "city" | "region" | "country" | "source";
    expect(query[key]).toEqual(expected);
    expect(unrecognised).toEqual([]);
  });

  it.each([
    ["city", "city=Atlantis"],
    ["region", "region=Mordor"],
    ["country", "country=Narnia"],
    ["source", "source=no-such-source"],
  ])("rejects a %s that names nothing, naming the parameter and what it accepts", async (parameter, params) => {
    const error = await resolve(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoicesError);
    const issue = (error as VoicesError).issues[0]!;
    expect(issue.parameter).toBe(parameter);
    expect(issue.message).toMatch(/is not recognised/);
    expect(issue.allowed!.length).toBeGreaterThan(0);
  });

  it("on pages, keeps the values it knows and reports the others", async () => {
    const { query, unrecognised } = await resolve("city=Karaganda&city=Atlantis", "lenient");
    expect(query.city).toEqual(["karaganda"]);
    expect(unrecognised).toEqual([expect.objectContaining({ parameter: "city", value: "Atlantis" })]);
  });

  it("makes city=Karaganda show Karaganda's voices, as city=karaganda does", async () => {
    const byName = await findVoices(db, (await resolve("city=Karaganda")).query);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.description).toMatch(/from Karaganda$/);
    expect(byName.items.map((v) => v.slug)).toEqual(
      (await findVoices(db, (await resolve("city=karaganda")).query)).items.map((v) => v.slug),
    );
  });
});
