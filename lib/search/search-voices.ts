import type { Database } from "../db/create-prisma-client";
import { filterVoices, sortVoices, type TextMatch } from "./filter-voices";
import { findTextMatches } from "./find-text-matches";
import { buildFtsQuery } from "./fts-query";
import { loadVoiceFacts } from "./voice-facts";
import type { VoiceQuery } from "./voice-query";

/**
 * The part of a search shared by voices, quotes and exports: text matches, the
 * filtered and sorted voices, and the facet counts.
 */
export async function searchVoices(db: Database, query: VoiceQuery) {
  const facts = await loadVoiceFacts(db);
  const ftsQuery = query.q.trim() ? buildFtsQuery(query.q) : null;
  const unsearchable = query.q.trim() !== "" && ftsQuery === null;
  const found = ftsQuery && !unsearchable ? await findTextMatches(db, ftsQuery, query.kind) : null;
  const matches: Map<string, TextMatch> | null = unsearchable ? new Map() : (found?.matches ?? null);
  const { results, facets } = filterVoices(facts, query, matches);
  sortVoices(results, query, matches);
  return { facts, ftsQuery, matches, truncated: found?.truncated ?? false, results, facets, unsearchable };
}
