/**
 * The FTS5 search indexes that migrations create (prisma/migrations/*_search_index)
 * but Prisma cannot model. Prisma's diff would call them drift, so the drift check
 * compares the schema with a copy of the database without them.
 */
export const SEARCH_INDEX_TABLES = ["QuoteSearch", "QuoteExact", "VoiceSearch", "VoiceExact", "PlaceSearch", "PlaceExact"] as const;
