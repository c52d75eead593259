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

/** What each role category covers; the README repeats this table for annotators. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  citizen: "A private person speaking for themselves, whatever their job",
  activist: "Speaks as a campaigner or civil activist",
  fighter: "Serves or fought in an armed force in the war, on either side",
  official: "Speaks for a state body: head of state, minister, civil servant, press officer",
  politician: "Elected or party politician speaking for themselves",
  analyst: "Political scientist, observer or commentator quoted for their analysis",
  journalist: "Journalist or blogger",
};

export const QUOTE_KINDS = ["direct", "paraphrase"] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** Attributes of a voice that must each carry the span of text that states them. */
export const EVIDENCED_ATTRIBUTES = ["age", "city", "occupation", "heritage"] as const;
export type EvidencedAttribute = (typeof EVIDENCED_ATTRIBUTES)[number];
