import { QUOTE_KINDS, ROLES, STANCES, STANCE_LABELS, type QuoteKind, type Role, type Stance } from "../corpus/vocabulary";
import type { VoiceFacts } from "./voice-facts";
import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand, type MultiKey } from "./voice-query";

// Filters are data: each facet knows which values a voice has, how to label a value,
// and how to say a selection in words. Filtering, counting, chips and the sentence
// above the results all read this one table.

export const UNKNOWN = "unknown";

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return "unknown";
  if (age < 30) return "under-30";
  if (age < 45) return "30-44";
  if (age < 60) return "45-59";
  return "60-plus";
}

export const ROLE_LABELS: Record<Role, string> = {
  citizen: "Citizen",
  activist: "Activist",
  fighter: "Fighter",
  official: "Official",
  politician: "Politician",
  analyst: "Analyst",
  journalist: "Journalist or blogger",
};

const KIND_LABELS: Record<QuoteKind, string> = { direct: "Direct quotation", paraphrase: "Paraphrase" };

const STANCE_PHRASES: Record<Stance, [one: string, many: string]> = {
  pro_russia: ["supports Russia", "support Russia"],
  pro_ukraine: ["supports Ukraine", "support Ukraine"],
  neutral: ["supports neutrality", "support neutrality"],
  unclear: ["takes no clear side", "take no clear side"],
};

const ROLE_PHRASES: Record<Role, [one: string, many: string]> = {
  citizen: ["a citizen", "citizens"],
  activist: ["an activist", "activists"],
  fighter: ["a fighter", "fighters"],
  official: ["an official", "officials"],
  politician: ["a politician", "politicians"],
  analyst: ["an analyst", "analysts"],
  journalist: ["a journalist or blogger", "journalists or bloggers"],
};

export type Facet = {
  key: MultiKey;
  label: string;
  /** The facet's values for one voice (a voice has several kinds when it has both kinds of quote). */
  valuesOf(voice: VoiceFacts): string[];
  /** Every value in a fixed order; facets over open lists take theirs from the corpus. */
  fixedValues?: readonly string[];
  labelOf(value: string, facts: VoiceFacts[]): string;
  /** The selected values as a clause of the sentence describing the results (about one voice, or several). */
  phrase(values: string[], labelOf: (value: string) => string, one: boolean): string;
};

const or = (words: string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`);

/** The label of an open-list value, read off the first voice that has it. */
const labelFromFacts =
  (pick: (v: VoiceFacts) => string | null, label: (v: VoiceFacts) => string | null, unknown: string) =>
  (value: string, facts: VoiceFacts[]) => {
    if (value === UNKNOWN) return unknown;
    const found = facts.find((v) => pick(v) === value);
    return (found && label(found)) || value;
  };

const AGE_PHRASES: Record<AgeBand, string> = {
  "under-30": "under 30",
  "30-44": "30–44",
  "45-59": "45–59",
  "60-plus": "60 or over",
  unknown: "unknown",
};

export const FACETS: Facet[] = [
  {
    key: "stance",
    label: "Stance",
    valuesOf: (v) => [v.stance],
    fixedValues: STANCES,
    labelOf: (value) => STANCE_LABELS[value as Stance] ?? value,
    phrase: (values, _label, one) => `who ${or(values.map((v) => STANCE_PHRASES[v as Stance][one ? 0 : 1]))}`,
  },
  {
    key: "city",
    label: "City",
    valuesOf: (v) => [v.placeId ?? UNKNOWN],
    labelOf: labelFromFacts(
      (v) => v.placeId,
      (v) => v.placeName,
      "City not stated",
    ),
    phrase: (values, labelOf) =>
      values.length === 1 && values[0] === UNKNOWN ? "whose city is not stated" : `from ${or(values.map(labelOf))}`,
  },
  {
    key: "region",
    label: "Region",
    valuesOf: (v) => [v.region ?? UNKNOWN],
    labelOf: labelFromFacts(
      (v) => v.region,
      (v) => v.region,
      "Region not stated",
    ),
    phrase: (values, labelOf) => `in ${or(values.map(labelOf))}`,
  },
  {
    key: "country",
    label: "Country",
    valuesOf: (v) => [v.country ?? UNKNOWN],
    labelOf: labelFromFacts(
      (v) => v.country,
      (v) => v.country,
      "Country not stated",
    ),
    phrase: (values, labelOf) => `located in ${or(values.map(labelOf))}`,
  },
  {
    key: "role",
    label: "Role",
    valuesOf: (v) => [v.role],
    fixedValues: ROLES,
    labelOf: (value) => ROLE_LABELS[value as Role] ?? value,
    phrase: (values, _label, one) => `who ${one ? "is" : "are"} ${or(values.map((v) => ROLE_PHRASES[v as Role][one ? 0 : 1]))}`,
  },
  {
    key: "ageBand",
    label: "Age",
    valuesOf: (v) => [ageBandOf(v.age)],
    fixedValues: AGE_BANDS,
    labelOf: (value) => AGE_BAND_LABELS[value as AgeBand] ?? value,
    phrase: (values) => `aged ${or(values.map((v) => AGE_PHRASES[v as AgeBand]))}`,
  },
  {
    key: "source",
    label: "Source",
    valuesOf: (v) => [v.sourceId],
    labelOf: labelFromFacts(
      (v) => v.sourceId,
      (v) => v.sourceLabel,
      "Unknown source",
    ),
    phrase: (values, labelOf) => `quoted by ${or(values.map(labelOf))}`,
  },
  {
    key: "kind",
    label: "Quote kind",
    valuesOf: (v) => v.kinds,
    fixedValues: QUOTE_KINDS,
    labelOf: (value) => KIND_LABELS[value as QuoteKind] ?? value,
    phrase: (values) => `with ${or(values.map((v) => (v === "direct" ? "direct quotations" : "paraphrases")))}`,
  },
];
