-- What the in-memory search index needs per quote (its voice, kind, length, start and position),
-- as typed arrays the seed computes once, so that the server loads them instead of scanning every
-- quote's text at start (docs/decisions/021-search-index-written-by-the-seed.md).
-- CreateTable
CREATE TABLE "SearchIndexPart" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "data" BLOB NOT NULL
);
