import { KIND_LABELS, ROLE_LABELS, STANCE_LABELS, type QuoteKind, type Role, type Stance } from "../vocabulary";
import type { ReleaseChangeView } from "./find-releases";

// How a change reads to a person: the entry in words, the field by its label, and the values
// as the pages show them (a stance by its label, a list joined).

const FIELD_LABELS: Record<string, string> = {
  stance: "Stance",
  stanceRationale: "Stance rationale",
  text: "Words",
  kind: "Quote or paraphrase",
  context: "Surrounding paragraph",
  start: "Position in the document",
  end: "End in the document",
  documentId: "Document",
  age: "Age",
  ageAsOf: "Age as of",
  cityAsPrinted: "City as printed",
  placeSlug: "Place",
  occupation: "Occupation",
  heritage: "Heritage or nationality",
  role: "Role",
  name: "Name",
  isNamed: "Named in the source",
  aliases: "Other spellings",
  title: "Title",
  authors: "Authors",
  publishedAt: "Publication date",
  url: "URL",
  publisher: "Publisher",
  sha256: "Text (SHA-256)",
};

const ENTITY_LABELS: Record<ReleaseChangeView["entity"], string> = {
  source: "Source",
  document: "Document",
  place: "Place",
  voice: "Voice",
  quote: "Quote",
  evidence: "Evidence",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function entityLabel(entity: ReleaseChangeView["entity"]): string {
  return ENTITY_LABELS[entity];
}

/** A value as the pages show it; null as "none". */
export function formatChangeValue(field: string | null, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "stance") return STANCE_LABELS[value as Stance] ?? String(value);
  if (field === "role") return ROLE_LABELS[value as Role] ?? String(value);
  if (field === "kind") return KIND_LABELS[value as QuoteKind] ?? String(value);
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
