/** One fact about a voice as the page lists it. */
export type FactRow = { attribute: string; label: string; value: string | null };

/** A sentence of the source, with the facts it states ("Age, City and Occupation"). */
export type EvidenceLine = { text: string; supports: string[] };

/**
 * The evidence under a voice's facts, each sentence once: a source often states age, city
 * and occupation in one clause ("Aleksandra, 34, a teacher from Ust-Kamenogorsk"), which
 * repeated under every fact would be read three times. Sentences keep the order of the
 * first fact they support.
 */
export function groupEvidence(rows: FactRow[], evidence: { attribute: string; text: string }[]): EvidenceLine[] {
  const lines = new Map<string, string[]>();
  for (const row of rows) {
    const span = evidence.find((e) => e.attribute === row.attribute);
    if (!span || row.value === null) continue;
    lines.set(span.text, [...(lines.get(span.text) ?? []), row.label]);
  }
  return [...lines].map(([text, supports]) => ({ text, supports }));
}

/** "Age", "Age and City", "Age, City and Occupation". */
export function joinLabels(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
