import { ROLE_LABELS, STANCE_LABELS } from "../vocabulary";
import type { VoiceDetail } from "../voices/get-voice";

type CompareCell = { value: string | null; evidence: string | null };
export type CompareRow = { label: string; cells: CompareCell[]; differs: boolean };

const placeText = (v: VoiceDetail) => (v.city ? (v.place && v.place.name !== v.city ? `${v.city} (now ${v.place.name})` : v.city) : null);

const ROWS: { label: string; value(v: VoiceDetail): string | null; evidence?: "age" | "city" | "occupation" | "heritage" }[] = [
  { label: "Stance", value: (v) => STANCE_LABELS[v.stance] },
  { label: "Role", value: (v) => ROLE_LABELS[v.role] },
  { label: "Age", value: (v) => (v.age === null ? null : `${v.age}`), evidence: "age" },
  { label: "City", value: placeText, evidence: "city" },
  { label: "Region", value: (v) => v.place?.region ?? null },
  { label: "Country", value: (v) => v.place?.country ?? null },
  { label: "Occupation", value: (v) => v.occupation, evidence: "occupation" },
  { label: "Heritage or nationality", value: (v) => v.heritage, evidence: "heritage" },
  { label: "Source", value: (v) => `${v.source.publisher}${v.source.publishedAt ? `, ${v.source.publishedAt}` : ""}` },
  { label: "Quotes", value: (v) => `${v.quotes.length}` },
];

/** Every attribute as a row with one cell per voice; `differs` marks rows where the voices disagree. */
export function buildCompareRows(voices: VoiceDetail[]): CompareRow[] {
  return ROWS.map((row) => {
    const cells = voices.map((v) => ({
      value: row.value(v),
      evidence: row.evidence ? (v.evidence.find((e) => e.attribute === row.evidence)?.text ?? null) : null,
    }));
    return { label: row.label, cells, differs: new Set(cells.map((c) => c.value ?? "")).size > 1 };
  });
}
