-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "authors" JSONB NOT NULL,
    "publishedAt" TEXT,
    "url" TEXT,
    "position" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedAt" TEXT,
    "isPrimary" BOOLEAN NOT NULL,
    "note" TEXT,
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "Document_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "Voice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isNamed" BOOLEAN NOT NULL,
    "age" INTEGER,
    "ageAsOf" TEXT,
    "cityAsPrinted" TEXT,
    "placeId" TEXT,
    "occupation" TEXT,
    "heritage" TEXT,
    "role" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "stanceRationale" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Voice_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Voice_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voiceId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "context" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Quote_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Voice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quote_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "voiceId" TEXT NOT NULL,
    "attribute" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    PRIMARY KEY ("voiceId", "attribute"),
    CONSTRAINT "Evidence_voiceId_fkey" FOREIGN KEY ("voiceId") REFERENCES "Voice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Document_sourceId_idx" ON "Document"("sourceId");

-- CreateIndex
CREATE INDEX "Voice_sourceId_idx" ON "Voice"("sourceId");

-- CreateIndex
CREATE INDEX "Voice_placeId_idx" ON "Voice"("placeId");

-- CreateIndex
CREATE INDEX "Voice_stance_idx" ON "Voice"("stance");

-- CreateIndex
CREATE INDEX "Quote_voiceId_idx" ON "Quote"("voiceId");

-- CreateIndex
CREATE INDEX "Quote_documentId_idx" ON "Quote"("documentId");

-- CreateIndex
CREATE INDEX "Evidence_documentId_idx" ON "Evidence"("documentId");

