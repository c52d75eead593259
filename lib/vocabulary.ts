// The closed vocabularies, their labels, the limits on input and the slug pattern: one
// module that the annotation schema, the database, the API, the CLI and the UI (client
// components included) all read. It imports nothing, so a client bundle gets no zod.
// The database's enums (prisma/schema.prisma) hold the same values; a test checks they agree.

export const STANCES = ["pro_russia", "pro_ukraine", "neutral", "unclear"] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  pro_russia: "Supports Russia",
  pro_ukraine: "Supports Ukraine",
  neutral: "Supports neutrality",
  unclear: "Unclear",
};

/** What each stance means, as the annotators apply it (docs/corpus-format.md). */
export const STANCE_DESCRIPTIONS: Record<Stance, string> = {
  pro_russia: "The person's words take Russia's side: they justify the invasion or wish Russia to win.",
  pro_ukraine: "The person's words take Ukraine's side: they condemn the invasion, or support Ukraine or those who fight for it.",
  neutral: "The person's words call for staying out of the war: Kazakhstan's neutrality, not taking either side.",
  unclear:
    "The words take no side: grief, analysis or description. This is the honest answer when a person is quoted without saying where they stand.",
};

export const ROLES = ["citizen", "activist", "fighter", "official", "politician", "analyst", "journalist"] as const;
export type Role = (typeof ROLES)[number];

export const QUOTE_KINDS = ["direct", "paraphrase"] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** Attributes of a voice that must each carry the span of text that states them. */
export const EVIDENCED_ATTRIBUTES = ["age", "city", "occupation", "heritage"] as const;
export type EvidencedAttribute = (typeof EVIDENCED_ATTRIBUTES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  citizen: "Citizen",
  activist: "Activist",
  fighter: "Fighter",
  official: "Official",
  politician: "Politician",
  analyst: "Analyst",
  journalist: "Journalist or blogger",
};

export const KIND_LABELS: Record<QuoteKind, string> = { direct: "Direct quotation", paraphrase: "Paraphrase" };

export const AGE_BANDS = ["under-30", "30-44", "45-59", "60-plus", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  "under-30": "Under 30",
  "30-44": "30–44",
  "45-59": "45–59",
  "60-plus": "60+",
  unknown: "Age not stated",
};

export const SORTS = ["relevance", "name", "age", "date", "source"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Relevance",
  name: "Name of the speaker",
  age: "Age",
  date: "Source date (newest first)",
  source: "Source order (as printed)",
};

/** The explorer lists voices (one card per person) or quotes (one result per quote). */
export const VIEWS = ["voices", "quotes"] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_LABELS: Record<View, string> = { voices: "Voices", quotes: "Quotes" };

/** Source, voice and place permalinks: lowercase words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 200;
export const isSlug = (value: string) => value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);

/** Limits on the explorer's query string (the API rejects more; pages cut it back). */
export const QUERY_LIMITS = { qMaxLength: 5000, pageSizeMax: 100, pageMax: 10_000, valuesPerFilter: 50, valueMaxLength: 200 };
/** How many voices compare side by side. */
export const COMPARE_LIMITS = { min: 2, max: 4 };
/** Per request: how many voices a `v=` set may name, and how many rows one export may hold. */
export const EXPORT_LIMITS = { compareSetMax: 50, maxRows: 2_000_000 };
/** A quote list (/list, and `quote=` in exports): how many quotes, and how long each note. */
export const QUOTE_LIST_LIMITS = { quotesMax: 200, noteMaxLength: 1000 };
