import { cutText } from "../text/cut-text";
import { FACETS } from "./facets";
import type { VoiceFacts } from "./voice-facts";
import type { VoiceQuery } from "./voice-query";

/**
 * The results in one sentence, e.g. "7 voices who support neutrality, aged 30–44,
 * quoted by openDemocracy", or with `quotes` given, "12 quotes by 7 voices who …".
 * Shown above the results and carried into exports.
 */
export function describeQuery(total: number, query: VoiceQuery, facts: VoiceFacts[], quotes?: number): string {
  const clauses: string[] = [];
  const q = query.q.trim();
  if (q) clauses.push(`matching “${cutText(q, 80)}${q.length > 80 ? "…" : ""}”`);
  for (const facet of FACETS) {
    const selected = query[facet.key] as string[];
    if (selected.length > 0) clauses.push(facet.phrase(selected, (value) => facet.labelOf(value, facts), total === 1));
  }
  if (query.ageMin !== undefined && query.ageMax !== undefined) clauses.push(`aged ${query.ageMin} to ${query.ageMax}`);
  else if (query.ageMin !== undefined) clauses.push(`aged ${query.ageMin} or over`);
  else if (query.ageMax !== undefined) clauses.push(`aged up to ${query.ageMax}`);
  const voices = `${total} ${total === 1 ? "voice" : "voices"}`;
  const subject = quotes === undefined ? voices : `${quotes} ${quotes === 1 ? "quote" : "quotes"} by ${voices}`;
  return clauses.length ? `${subject} ${clauses.join(", ")}` : subject;
}
