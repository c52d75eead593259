import { z } from "zod";
import { QUOTE_KINDS, ROLES, SLUG_PATTERN, STANCES } from "../vocabulary";

// zod schemas for the annotation files in data/. They check each file on its own;
// checks across files (unique slugs, known documents and places) and against the
// document texts live in verify-corpus.ts.

const Slug = z.string().regex(SLUG_PATTERN, { error: "must be lowercase words joined by hyphens, e.g. olga-kostanai" });

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: "is not a real calendar date",
  });

const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: "must be a file name in data/documents without .txt" });

const Text = z.string().trim().min(1, { error: "must not be empty" });

/** Where a span is: a document other than the source's primary copy, and which match when it repeats. */
const Locator = {
  document: DocumentIdSchema.optional(),
  occurrence: z.number().int().positive().optional(),
};

const EvidencedTextSchema = z.strictObject({ value: Text, evidence: Text, ...Locator });

const AgeSchema = z.strictObject({
  value: z.number().int().min(1).max(120),
  /** The date the age was true (the source's date); null when the source prints none. */
  asOf: IsoDate.nullable(),
  evidence: Text,
  ...Locator,
});

const QuoteEntrySchema = z.strictObject({
  id: Slug,
  kind: z.enum(QUOTE_KINDS),
  text: Text,
  ...Locator,
});

const VoiceEntrySchema = z.strictObject({
  slug: Slug,
  name: Text,
  /** false for people the source only describes ("a press officer"); `name` then holds that description. */
  named: z.boolean().default(true),
  age: AgeSchema.optional(),
  city: EvidencedTextSchema.optional(),
  occupation: EvidencedTextSchema.optional(),
  heritage: EvidencedTextSchema.optional(),
  role: z.enum(ROLES),
  stance: z.enum(STANCES),
  stanceRationale: Text,
  quotes: z.array(QuoteEntrySchema).min(1, { error: "a voice needs at least one quote" }),
});

const DocumentEntrySchema = z.strictObject({
  id: DocumentIdSchema,
  publisher: Text.nullable(),
  publishedAt: IsoDate.nullable(),
  primary: z.boolean().default(false),
  note: Text.optional(),
});

const SOURCE_TYPES = ["article", "blog-post"] as const;

export const SourceFileSchema = z.strictObject({
  slug: Slug,
  /** How citations describe the work: a news or analysis article (default) or a blog post. */
  type: z.enum(SOURCE_TYPES).default("article"),
  title: Text,
  publisher: Text,
  authors: z.array(Text),
  publishedAt: IsoDate.nullable(),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  documents: z
    .array(DocumentEntrySchema)
    .min(1)
    .refine((docs) => docs.filter((d) => d.primary).length === 1, {
      error: "exactly one document must be marked primary: true",
    }),
  voices: z.array(VoiceEntrySchema).min(1),
  /** People reviewed and deliberately left out, with the reason: not loaded, kept for reviewers. */
  excluded: z.array(z.strictObject({ who: Text, why: Text })).default([]),
});

const PlaceSchema = z.strictObject({
  slug: Slug,
  name: Text,
  aliases: z.array(Text).default([]),
  note: Text.optional(),
  region: Text,
  country: Text,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const PlacesFileSchema = z.array(PlaceSchema);

/** data/corpus.yaml: the corpus as a whole. */
export const CorpusFileSchema = z.strictObject({
  /** The date of this corpus version: what every citation of an entry gives as its date. */
  date: IsoDate,
});

export type VoiceEntry = z.infer<typeof VoiceEntrySchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;
export type Place = z.infer<typeof PlaceSchema>;
