import { z } from "zod";
import { invalidInput, type ErrorIssue } from "../errors";
import { AGE_BANDS, QUERY_LIMITS, QUOTE_KINDS, ROLES, SORTS, STANCES, VIEWS } from "../vocabulary";
import { cutText } from "../text/cut-text";

// One schema for the explorer's query string, shared by the pages, the JSON API and
// the export. The API rejects bad values with a 400 naming the parameter; pages
// degrade a hand-edited URL to defaults (parseVoiceQuery's "lenient" mode).

const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be at least ${min}` })
        .max(max, { error: `${name} must be at most ${max}` }),
    );

const freeValues = z
  .array(z.string().max(QUERY_LIMITS.valueMaxLength, { error: `values are at most ${QUERY_LIMITS.valueMaxLength} characters` }))
  .max(QUERY_LIMITS.valuesPerFilter, { error: `at most ${QUERY_LIMITS.valuesPerFilter} values` });

const enumValues = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(QUERY_LIMITS.valuesPerFilter, { error: `at most ${QUERY_LIMITS.valuesPerFilter} values` });

/** The parameters, each with what it accepts. Multi-valued ones take repeated keys or commas. */
export const VOICE_QUERY_FIELDS = {
  q: z
    .string()
    .max(QUERY_LIMITS.qMaxLength, { error: `q is at most ${QUERY_LIMITS.qMaxLength} characters` })
    .default(""),
  stance: enumValues(STANCES).default([]),
  city: freeValues.default([]),
  region: freeValues.default([]),
  country: freeValues.default([]),
  role: enumValues(ROLES).default([]),
  ageBand: enumValues(AGE_BANDS).default([]),
  ageMin: whole("ageMin", 0, 120).optional(),
  ageMax: whole("ageMax", 0, 120).optional(),
  source: freeValues.default([]),
  kind: enumValues(QUOTE_KINDS).default([]),
  sort: z.enum(SORTS).default("relevance"),
  view: z.enum(VIEWS).default("voices"),
  page: whole("page", 1, QUERY_LIMITS.pageMax).default(1),
  // ten, not twenty: at a million quotes twenty cards made the explorer twice its weight target (decision 026)
  pageSize: whole("pageSize", 1, QUERY_LIMITS.pageSizeMax).default(10),
};

export const MULTI_VALUED = ["stance", "city", "region", "country", "role", "ageBand", "source", "kind"] as const;
export type MultiKey = (typeof MULTI_VALUED)[number];
type Key = keyof typeof VOICE_QUERY_FIELDS;
const KEYS = Object.keys(VOICE_QUERY_FIELDS) as Key[];

const VoiceQuerySchema = z
  .object(VOICE_QUERY_FIELDS)
  .refine((q) => q.ageMin === undefined || q.ageMax === undefined || q.ageMin <= q.ageMax, {
    error: "ageMin must not be greater than ageMax",
    path: ["ageMin"],
  });

export type VoiceQuery = z.infer<typeof VoiceQuerySchema>;

export const DEFAULT_VOICE_QUERY: VoiceQuery = VoiceQuerySchema.parse({});

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** All values given for each key; multi-valued keys also split on commas. */
function collect(raw: RawParams): Map<string, string[]> {
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
  const values = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const parts = (MULTI_VALUED as readonly string[]).includes(key)
      ? value
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [value];
    values.set(key, [...(values.get(key) ?? []), ...parts]);
  }
  for (const [key, list] of values) values.set(key, [...new Set(list)]);
  return values;
}

function allowedValues(key: Key): readonly string[] | undefined {
  const field = VOICE_QUERY_FIELDS[key];
  const inner = field instanceof z.ZodDefault ? field.def.innerType : field;
  if (inner instanceof z.ZodEnum) return inner.options as string[];
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodEnum) return inner.element.options as string[];
  return undefined;
}

/**
 * Parses query parameters. "strict" (the API) throws VoicesError "invalid_input" naming every bad
 * parameter; "lenient" (pages) drops bad values so a mangled URL still shows something.
 * Unknown parameters are ignored in both.
 */
export function parseVoiceQuery(raw: RawParams, mode: "strict" | "lenient" = "strict"): VoiceQuery {
  const values = collect(raw);
  const input: Record<string, unknown> = {};
  const issues: ErrorIssue[] = [];
  for (const key of KEYS) {
    const given = values.get(key);
    if (!given) continue;
    if ((MULTI_VALUED as readonly string[]).includes(key)) {
      input[key] = given;
    } else if (given.length > 1) {
      issues.push({ parameter: key, message: "give one value, not several" });
    } else {
      input[key] = given[0];
    }
  }

  if (mode === "lenient") {
    const cleaned: Record<string, unknown> = {};
    for (const key of KEYS) {
      if (input[key] === undefined) continue;
      const field = VOICE_QUERY_FIELDS[key];
      if (Array.isArray(input[key])) {
        const kept = (input[key] as string[]).filter((v) => field.safeParse([v]).success);
        cleaned[key] = kept.slice(0, QUERY_LIMITS.valuesPerFilter);
      } else if (key === "q") {
        cleaned.q = cutText(String(input.q), QUERY_LIMITS.qMaxLength);
      } else if (field.safeParse(input[key]).success) {
        cleaned[key] = input[key];
      }
    }
    const parsed = VoiceQuerySchema.safeParse(cleaned);
    return parsed.success ? parsed.data : { ...VoiceQuerySchema.parse({ ...cleaned, ageMin: undefined, ageMax: undefined }) };
  }

  const parsed = VoiceQuerySchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0] ?? "query");
      const allowed = allowedValues(parameter as Key);
      issues.push({ parameter, message: issue.message, ...(allowed ? { allowed } : {}) });
    }
  }
  if (issues.length > 0 || !parsed.success) throw invalidInput(issues);
  return parsed.data;
}

/** The query as URL parameters, leaving out defaults; multi-valued filters as repeated keys. */
export function toSearchParams(query: VoiceQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = query[key];
    if (value === undefined || value === DEFAULT_VOICE_QUERY[key]) continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else if (value !== "") params.set(key, String(value));
  }
  return params;
}

/** A link to `path` showing `query` with `changes` applied; any filter change returns to page 1. */
export function buildQueryHref(path: string, query: VoiceQuery, changes: Partial<VoiceQuery> = {}): string {
  const next = { ...query, ...changes };
  if (!("page" in changes)) next.page = 1;
  const search = toSearchParams(next).toString();
  return search ? `${path}?${search}` : path;
}

/** The query with one value of a multi-valued filter added or removed. */
export function toggleValue(query: VoiceQuery, key: MultiKey, value: string): Partial<VoiceQuery> {
  const current = query[key] as string[];
  return { [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] } as Partial<VoiceQuery>;
}
