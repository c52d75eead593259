-- The date of a corpus version, declared in data/corpus.yaml, so that citations of an entry
-- carry the same date on every reseed of the same data (seededAt stays: when this file was built).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CorpusInfo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" TEXT NOT NULL,
    "versionDate" TEXT NOT NULL,
    "seededAt" DATETIME NOT NULL
);
-- A database seeded before this migration has no version date: its seeding day stands in
-- (the seed always builds a new file, so only a hand-migrated old file ever takes this path).
INSERT INTO "new_CorpusInfo" ("id", "seededAt", "version", "versionDate")
SELECT "id", "seededAt", "version", COALESCE(date("seededAt"), date("seededAt" / 1000, 'unixepoch'), '1970-01-01') FROM "CorpusInfo";
DROP TABLE "CorpusInfo";
ALTER TABLE "new_CorpusInfo" RENAME TO "CorpusInfo";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
