-- Columns named for what they hold: the permalinks of sources, places and voices are
-- slugs, and so are the keys that point at them. RENAME COLUMN keeps the data, the
-- foreign keys and the search-index triggers (which read rowid and text columns only);
-- the indexes are recreated under the names Prisma gives them.
ALTER TABLE "Source" RENAME COLUMN "id" TO "slug";
ALTER TABLE "Place" RENAME COLUMN "id" TO "slug";
ALTER TABLE "Voice" RENAME COLUMN "id" TO "slug";
ALTER TABLE "Voice" RENAME COLUMN "sourceId" TO "sourceSlug";
ALTER TABLE "Voice" RENAME COLUMN "placeId" TO "placeSlug";
ALTER TABLE "Document" RENAME COLUMN "sourceId" TO "sourceSlug";
ALTER TABLE "Quote" RENAME COLUMN "voiceId" TO "voiceSlug";
ALTER TABLE "Evidence" RENAME COLUMN "voiceId" TO "voiceSlug";

DROP INDEX "Document_sourceId_idx";
CREATE INDEX "Document_sourceSlug_idx" ON "Document"("sourceSlug");
DROP INDEX "Voice_sourceId_idx";
CREATE INDEX "Voice_sourceSlug_idx" ON "Voice"("sourceSlug");
DROP INDEX "Voice_placeId_idx";
CREATE INDEX "Voice_placeSlug_idx" ON "Voice"("placeSlug");
DROP INDEX "Quote_voiceId_idx";
CREATE INDEX "Quote_voiceSlug_idx" ON "Quote"("voiceSlug");
