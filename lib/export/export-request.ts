import { z } from "zod";
import { invalidInput, VoicesError, type ErrorIssue } from "../errors";
import { parseQuoteNotes, QuoteIdsSchema } from "../quotes/quote-list";
import { MULTI_VALUED, parseVoiceQuery, VOICE_QUERY_FIELDS, type RawParams, type VoiceQuery } from "../search/voice-query";
import { VersionSchema } from "../releases/release-files";
import { EXPORT_LIMITS, SLUG_PATTERN } from "../vocabulary";

export const EXPORT_FORMAT_IDS = ["csv", "json", "jsonl", "md", "bibtex", "ris", "csl-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];
const EXPORT_SHAPES = ["quotes", "voices"] as const;
export type ExportShape = (typeof EXPORT_SHAPES)[number];

const slug = z.string().regex(SLUG_PATTERN, { error: "must be a slug (lowercase words joined by hyphens)" });

/** The export's own parameters; the rest of the query string is the explorer's filters. */
export const EXPORT_FIELDS = {
  format: z.enum(EXPORT_FORMAT_IDS),
  shape: z.enum(EXPORT_SHAPES).default("quotes"),
  bom: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  voice: slug.optional(),
  quote: QuoteIdsSchema.optional(),
  v: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(slug)
        .min(1, { error: "name at least one voice" })
        .max(EXPORT_LIMITS.compareSetMax, { error: `at most ${EXPORT_LIMITS.compareSetMax} voices` }),
    )
    .optional(),
  /** A release to export from instead of the working data. */
  version: VersionSchema.optional(),
};

/** Explorer parameters an export has no use for: it holds every match, not one page of them. */
const PAGING: readonly string[] = ["page", "pageSize"];

/**
 * Every parameter an export takes, read off the schemas (the export's own, then the
 * explorer's filters), so the export CLI's flags follow a new parameter without retyping
 * it. Multi-valued filters repeat (`--stance a --stance b`) or take commas.
 */
export const EXPORT_PARAMETERS: readonly { name: string; multiple: boolean }[] = [
  ...Object.keys(EXPORT_FIELDS),
  ...Object.keys(VOICE_QUERY_FIELDS).filter((key) => !PAGING.includes(key)),
].map((name) => ({ name, multiple: (MULTI_VALUED as readonly string[]).includes(name) }));

const ExportOptionsSchema = z.object(EXPORT_FIELDS).refine((o) => [o.voice, o.quote, o.v].filter((x) => x !== undefined).length <= 1, {
  error: "give at most one of voice, quote and v",
  path: ["voice"],
});

/** What to export: the explorer's filters, a compare set, one voice, or a list of quotes in its order with notes. */
export type ExportSelection =
  | { kind: "query"; query: VoiceQuery }
  | { kind: "voices"; slugs: string[] }
  | { kind: "quotes"; ids: string[]; notes: Map<string, string> };

export type ExportRequest = { format: ExportFormat; shape: ExportShape; bom: boolean; selection: ExportSelection; version: string | null };

/** Parses an export request; throws VoicesError "invalid_input" naming each bad parameter. */
export function parseExportRequest(raw: RawParams): ExportRequest {
  const params =
    raw instanceof URLSearchParams
      ? raw
      : new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x]))));
  const single: Record<string, string> = {};
  const issues: ErrorIssue[] = [];
  for (const key of Object.keys(EXPORT_FIELDS)) {
    const values = params.getAll(key);
    if (values.length > 1) issues.push({ parameter: key, message: "give one value, not several" });
    else if (values.length === 1) single[key] = values[0]!;
  }
  const parsed = ExportOptionsSchema.safeParse(single);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0] ?? "format");
      const allowed = parameter === "format" ? EXPORT_FORMAT_IDS : parameter === "shape" ? EXPORT_SHAPES : undefined;
      issues.push({
        parameter,
        message: parameter === "format" && single.format === undefined ? "is required" : issue.message,
        ...(allowed ? { allowed } : {}),
      });
    }
  }
  let query: VoiceQuery | undefined;
  try {
    query = parseVoiceQuery(params);
  } catch (error) {
    if (!(error instanceof VoicesError && error.code === "invalid_input")) throw error;
    issues.push(...error.issues);
  }
  const quoteIds = parsed.success && parsed.data.quote ? [...new Set(parsed.data.quote)] : [];
  const { notes, issues: noteIssues } = parseQuoteNotes(params, quoteIds);
  issues.push(...noteIssues);
  if (issues.length > 0 || !parsed.success || !query) throw invalidInput(issues);
  const o = parsed.data;
  const selection: ExportSelection = o.quote
    ? { kind: "quotes", ids: quoteIds, notes }
    : o.voice
      ? { kind: "voices", slugs: [o.voice] }
      : o.v
        ? { kind: "voices", slugs: o.v }
        : { kind: "query", query };
  return { format: o.format, shape: o.quote ? "quotes" : o.shape, bom: o.bom, selection, version: o.version ?? null };
}
