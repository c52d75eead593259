-- CreateTable
CREATE TABLE "CorpusInfo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" TEXT NOT NULL,
    "seededAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL DEFAULT 'article',
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "authors" JSONB NOT NULL,
    "publishedAt" TEXT,
    "url" TEXT,
    "position" INTEGER NOT NULL
);
INSERT INTO "new_Source" ("authors", "id", "position", "publishedAt", "publisher", "title", "url") SELECT "authors", "id", "position", "publishedAt", "publisher", "title", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
