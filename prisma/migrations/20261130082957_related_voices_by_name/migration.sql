-- A voice's page lists the first voices from its place and with its stance by name: with the name in
-- the index, that is a walk of a dozen index entries, not a sort of every such voice (a third of
-- a hundred thousand voices share a stance). The old single-column indexes are their prefixes.
-- DropIndex
DROP INDEX "Voice_stance_idx";

-- DropIndex
DROP INDEX "Voice_placeSlug_idx";

-- CreateIndex
CREATE INDEX "Voice_placeSlug_name_idx" ON "Voice"("placeSlug", "name");

-- CreateIndex
CREATE INDEX "Voice_stance_name_idx" ON "Voice"("stance", "name");
