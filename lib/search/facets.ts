import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  type AgeBand,
  KIND_LABELS,
  QUOTE_KINDS,
  ROLES,
  ROLE_LABELS,
  type Role,
  STANCES,
  STANCE_LABELS,
  type Stance,
} from "../vocabulary";
import type { VoiceFacts } from "./voice-facts";
import { type MultiKey } from "./voice-query";

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

/** A fixed list's entry for a value, or the value itself when the list has none: no cast from string. */
const lookup =
  <T>(table: Readonly<Record<string, T>>) =>
  (value: string): T | undefined =>
    Object.hasOwn(table, value) ? table[value] : undefined;
const label = (table: Readonly<Record<string, string>>) => (value: string) => lookup(table)(value) ?? value;
const phraseIn = (table: Readonly<Record<string, readonly [string, string]>>, one: boolean) => (value: string) =>
  lookup(table)(value)?.[one ? 0 : 1] ?? value;

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
    labelOf: label(STANCE_LABELS),
    phrase: (values, _label, one) => `who ${or(values.map(phraseIn(STANCE_PHRASES, one)))}`,
  },
  {
    key: "city",
    label: "City",
    valuesOf: (v) => [v.placeSlug ?? UNKNOWN],
    labelOf: labelFromFacts(
      (v) => v.placeSlug,
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
    labelOf: label(ROLE_LABELS),
    phrase: (values, _label, one) => `who ${one ? "is" : "are"} ${or(values.map(phraseIn(ROLE_PHRASES, one)))}`,
  },
  {
    key: "ageBand",
    label: "Age",
    valuesOf: (v) => [ageBandOf(v.age)],
    fixedValues: AGE_BANDS,
    labelOf: label(AGE_BAND_LABELS),
    phrase: (values) => `aged ${or(values.map(label(AGE_PHRASES)))}`,
  },
  {
    key: "source",
    label: "Source",
    valuesOf: (v) => [v.sourceSlug],
    labelOf: labelFromFacts(
      (v) => v.sourceSlug,
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
    labelOf: label(KIND_LABELS),
    phrase: (values) => `with ${or(values.map((v) => (v === "direct" ? "direct quotations" : "paraphrases")))}`,
  },
];
