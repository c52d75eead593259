import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { compareHref } from "@/lib/compare/compare-query";
import { EXPORT_FIELDS, EXPORT_FORMAT_IDS } from "@/lib/export/export-request";
import { MATRIX_DIMENSIONS } from "@/lib/insights/build-insights";
import { MULTI_VALUED, VOICE_QUERY_FIELDS } from "@/lib/search/voice-query";
import { prng } from "@/tools/synthetic-corpus/prng";
import { getText } from "../helpers/http";

// Drives every API endpoint and every page's query string with thousands of generated
// values. Seeded, so a failure replays: the failing URL is in the message. The parameters
// and the values they list come from the schemas that parse them, so a new parameter is
// fuzzed without being added here.

const random = prng(20261122);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (max: number) => Math.floor(random() * max);

const NASTY = [
  "",
  " ",
  '"',
  '"Almaty',
  "work AND",
  "OR",
  "NOT NOT",
  "NEAR(a b)",
  "*",
  "a*b*",
  "city:x",
  "^start",
  "(((",
  "e-mail",
  "' OR 1=1 --",
  '\'; DROP TABLE "Voice"; --',
  "1; SELECT * FROM Quote",
  "../../../../etc/passwd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..\\..\\windows\\win.ini",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "\u0000",
  "\u0002\u0003",
  "\u202eevil",
  "😀🇰🇿",
  "Аstana",
  "ПРОПАГАНДА",
  "-1",
  "0",
  "1e9",
  "NaN",
  "0x10",
  "999999999999999999999",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "a,b,,c,",
  ",,,",
  "neutral",
  "pro_russia,pro_ukraine",
  "30-44",
  "astana",
  "opendemocracy-kazakhstan-divided",
];

function randomUnicode(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const range = pick([
      [0x20, 0x7e],
      [0x400, 0x4ff],
      [0x600, 0x6ff],
      [0x4e00, 0x4fff],
      [0x1f300, 0x1f5ff],
      [0x0, 0x1f],
      [0x2000, 0x206f],
    ] as const);
    s += String.fromCodePoint(range[0] + int(range[1] - range[0]));
  }
  return s;
}

function value(key: string): string {
  const listed = LISTED_VALUES.get(key) ?? [];
  if (listed.length > 0 && random() < 0.3) return random() < 0.7 ? pick(listed) : `${pick(listed)},${pick(listed)}`;
  const roll = random();
  if (roll < 0.5) return pick(NASTY);
  if (roll < 0.8) return randomUnicode(1 + int(30));
  if (roll < 0.9) return pick(NASTY) + randomUnicode(int(5)) + pick(NASTY);
  return "x".repeat(pick([5000, 5001, 20_000]));
}

/** The values a field's schema lists (an enum, or an array of one), to mix valid input into the noise. */
function listedValues(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return listedValues(schema.def.innerType as z.ZodType);
  if (schema instanceof z.ZodArray) return listedValues(schema.element as z.ZodType);
  if (schema instanceof z.ZodPipe) return listedValues(schema.def.in as z.ZodType);
  return [];
}

const QUERY_KEYS = Object.keys(VOICE_QUERY_FIELDS);
const EXPORT_KEYS = Object.keys(EXPORT_FIELDS);
/** The compare page's parameter, read off the function that builds every compare link. */
const COMPARE_KEYS = [...new URL(compareHref(["a", "b"]), "http://localhost").searchParams.keys()];
/** A facet's list of values: the explorer's parameters and its own (its search and page). */
const FACET_KEYS = [...QUERY_KEYS, "facetQ", "facetPage"];
const facetName = () => (random() < 0.7 ? pick(MULTI_VALUED) : segment());
/** The insights page's own parameter: which facet its matrix has as rows. */
const INSIGHTS_KEYS = [...QUERY_KEYS, "row"];
const LISTED_VALUES = new Map<string, string[]>([
  ...Object.entries({ ...VOICE_QUERY_FIELDS, ...EXPORT_FIELDS }).map(([key, field]): [string, string[]] => [key, listedValues(field)]),
  ["row", [...MATRIX_DIMENSIONS]],
]);

function queryString(keys: string[]): string {
  const params = new URLSearchParams();
  const count = int(5);
  for (let i = 0; i < count; i++) {
    const key = random() < 0.85 ? pick(keys) : pick([randomUnicode(3), "stance[]", "__proto__", "constructor", ""]);
    const repeats = random() < 0.2 ? 2 + int(3) : 1;
    for (let r = 0; r < repeats; r++) params.append(key, value(key));
  }
  return params.toString();
}

const segment = () => encodeURIComponent(value("slug")).slice(0, 3000);

type Case = { url: string; api: boolean; keys: string[] };

function cases(): Case[] {
  const list: Case[] = [];
  for (let i = 0; i < 450; i++) list.push({ url: `/api/voices?${queryString(QUERY_KEYS)}`, api: true, keys: QUERY_KEYS });
  for (let i = 0; i < 300; i++) list.push({ url: `/api/quotes?${queryString(QUERY_KEYS)}`, api: true, keys: QUERY_KEYS });
  for (let i = 0; i < 400; i++) {
    const format = random() < 0.7 ? pick(EXPORT_FORMAT_IDS) : value("format");
    list.push({
      url: `/api/export?format=${encodeURIComponent(format)}&${queryString([...EXPORT_KEYS, ...QUERY_KEYS])}`,
      api: true,
      keys: [...EXPORT_KEYS, ...QUERY_KEYS],
    });
  }
  for (let i = 0; i < 150; i++) list.push({ url: `/api/voices/${segment()}`, api: true, keys: ["slug"] });
  for (let i = 0; i < 150; i++) list.push({ url: `/api/sources/${segment()}`, api: true, keys: ["slug"] });
  for (let i = 0; i < 50; i++)
    list.push({ url: `/api/${pick(["meta", "sources", "openapi.json"])}?${queryString(QUERY_KEYS)}`, api: true, keys: QUERY_KEYS });
  for (let i = 0; i < 250; i++) list.push({ url: `/?${queryString(QUERY_KEYS)}`, api: false, keys: [] });
  for (let i = 0; i < 120; i++) list.push({ url: `/insights?${queryString(INSIGHTS_KEYS)}`, api: false, keys: [] });
  for (let i = 0; i < 100; i++) list.push({ url: `/compare?${queryString(COMPARE_KEYS)}`, api: false, keys: [] });
  for (let i = 0; i < 60; i++) list.push({ url: `/voices/${segment()}?${queryString(QUERY_KEYS)}`, api: false, keys: [] });
  for (let i = 0; i < 60; i++) list.push({ url: `/sources/${segment()}`, api: false, keys: [] });
  for (let i = 0; i < 100; i++)
    list.push({ url: `/api/facets/${facetName()}?${queryString(FACET_KEYS)}`, api: true, keys: [...FACET_KEYS, "facet"] });
  for (let i = 0; i < 60; i++) list.push({ url: `/facets/${facetName()}?${queryString(FACET_KEYS)}`, api: false, keys: [] });
  return list;
}

const LEAKS = /\n\s+at [\w.<>]+ \(|node_modules\/|\/work\/|\.tsx?:\d+|PrismaClient|SQLITE_|Error: /;

describe("fuzzing every endpoint and page", () => {
  it("never answers 5xx, names the parameter in every rejection, and leaks nothing", { timeout: 300_000 }, async () => {
    const all = cases();
    const failures: string[] = [];
    let rejected = 0;
    const queue = [...all];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const response = await getText(inject("baseUrl") + next.url);
          const body = response.body;
          const where = `${response.status} ${next.url.slice(0, 300)}`;
          if (response.status >= 500) failures.push(`5xx: ${where}`);
          if (LEAKS.test(body)) failures.push(`leak: ${where}: ${body.match(LEAKS)![0]}`);
          if (next.api && response.status === 400) {
            rejected++;
            const issues: { parameter?: string }[] = JSON.parse(body).error?.issues ?? [];
            if (issues.length === 0 || issues.some((i) => typeof i.parameter !== "string" || !next.keys.includes(i.parameter)))
              failures.push(`rejection not naming one of its parameters: ${where}: ${body.slice(0, 200)}`);
          }
          if (response.status >= 400 && response.status < 500 && ![400, 404, 414, 431].includes(response.status))
            failures.push(`unexpected ${where}`);
        }
      }),
    );
    console.log(`fuzz: ${all.length} cases tried, ${rejected} rejected with a 400 naming the parameter`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(all.length).toBeGreaterThan(2000);
  });
});
