-- CreateTable
CREATE TABLE "Release" (
    "version" TEXT NOT NULL PRIMARY KEY,
    "date" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "counts" JSONB NOT NULL
);

-- CreateTable
CREATE TABLE "ReleaseChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "releaseVersion" TEXT,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "voiceSlug" TEXT,
    "change" TEXT NOT NULL,
    "field" TEXT,
    "before" JSONB,
    "after" JSONB,
    "label" TEXT NOT NULL,
    CONSTRAINT "ReleaseChange_releaseVersion_fkey" FOREIGN KEY ("releaseVersion") REFERENCES "Release" ("version") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CorpusInfo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" TEXT NOT NULL,
    "versionDate" TEXT NOT NULL,
    "release" TEXT,
    "contentHash" TEXT NOT NULL,
    "seededAt" DATETIME NOT NULL
);
INSERT INTO "new_CorpusInfo" ("id", "seededAt", "version", "versionDate", "contentHash") SELECT "id", "seededAt", "version", "versionDate", "version" FROM "CorpusInfo";
DROP TABLE "CorpusInfo";
ALTER TABLE "new_CorpusInfo" RENAME TO "CorpusInfo";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReleaseChange_releaseVersion_idx" ON "ReleaseChange"("releaseVersion");

-- CreateIndex
CREATE INDEX "ReleaseChange_voiceSlug_idx" ON "ReleaseChange"("voiceSlug");

-- CreateIndex
CREATE INDEX "ReleaseChange_entity_key_idx" ON "ReleaseChange"("entity", "key");
