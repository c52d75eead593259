// The closed vocabularies of the corpus. Annotation files, the database, the
// API and the UI all take their values and labels from here.

export const STANCES = ["pro_russia", "pro_ukraine", "neutral", "unclear"] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  pro_russia: "Supports Russia",
  pro_ukraine: "Supports Ukraine",
  neutral: "Supports neutrality",
  unclear: "Unclear",
};

export const ROLES = ["citizen", "activist", "fighter", "official", "politician", "analyst", "journalist"] as const;
export type Role = (typeof ROLES)[number];

export const QUOTE_KINDS = ["direct", "paraphrase"] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** Attributes of a voice that must each carry the span of text that states them. */
export type EvidencedAttribute = "age" | "city" | "occupation" | "heritage";
