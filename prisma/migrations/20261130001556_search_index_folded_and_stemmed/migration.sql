-- Search that finds what people type (issue 12; docs/decisions/008-stemmed-and-exact-search-indexes.md).
--
-- 1. Each searched table gets a "searchText" column: its words folded by lib/search/fold-text.ts
--    (case, diacritics, Cyrillic letters that look Latin), computed by the seed. The stored text
--    never changes; Quote."searchText" is exactly as long as Quote."text", so highlight offsets
--    hold in both. Place gets its other spellings ("aliases") to search and filter by.
-- 2. Two full-text indexes per table over that column: *Search stems English words with FTS5's
--    porter tokenizer ("wars" finds "war"); *Exact does not, and answers "quoted phrases" and
--    prefixes, which must match the words as typed.
--
-- The old indexes and their triggers go first: redefining a table drops its triggers.
-- Rows already in a table get a lowercased stand-in for "searchText"; the seed folds properly.

DROP TRIGGER "Quote_search_insert";
DROP TRIGGER "Quote_search_delete";
DROP TRIGGER "Quote_search_update";
DROP TRIGGER "Voice_search_insert";
DROP TRIGGER "Voice_search_delete";
DROP TRIGGER "Voice_search_update";
DROP TRIGGER "Place_search_insert";
DROP TRIGGER "Place_search_delete";
DROP TRIGGER "Place_search_update";
DROP TABLE "QuoteSearch";
DROP TABLE "VoiceSearch";
DROP TABLE "PlaceSearch";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Place" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "note" TEXT,
    "aliases" JSONB NOT NULL,
    "searchText" TEXT NOT NULL
);
INSERT INTO "new_Place" ("country", "latitude", "longitude", "name", "note", "region", "slug", "aliases", "searchText") SELECT "country", "latitude", "longitude", "name", "note", "region", "slug", '[]', lower("name" || ' ' || "region" || ' ' || "country") FROM "Place";
DROP TABLE "Place";
ALTER TABLE "new_Place" RENAME TO "Place";
CREATE TABLE "new_Quote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voiceSlug" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "context" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL,
    CONSTRAINT "Quote_voiceSlug_fkey" FOREIGN KEY ("voiceSlug") REFERENCES "Voice" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quote_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Quote" ("context", "documentId", "end", "id", "kind", "position", "start", "text", "voiceSlug", "searchText") SELECT "context", "documentId", "end", "id", "kind", "position", "start", "text", "voiceSlug", lower("text") FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_voiceSlug_idx" ON "Quote"("voiceSlug");
CREATE INDEX "Quote_documentId_idx" ON "Quote"("documentId");
CREATE TABLE "new_Voice" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isNamed" BOOLEAN NOT NULL,
    "age" INTEGER,
    "ageAsOf" TEXT,
    "cityAsPrinted" TEXT,
    "placeSlug" TEXT,
    "occupation" TEXT,
    "heritage" TEXT,
    "role" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "stanceRationale" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL,
    CONSTRAINT "Voice_placeSlug_fkey" FOREIGN KEY ("placeSlug") REFERENCES "Place" ("slug") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Voice_sourceSlug_fkey" FOREIGN KEY ("sourceSlug") REFERENCES "Source" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Voice" ("age", "ageAsOf", "cityAsPrinted", "heritage", "isNamed", "name", "occupation", "placeSlug", "position", "role", "slug", "sourceSlug", "stance", "stanceRationale", "searchText") SELECT "age", "ageAsOf", "cityAsPrinted", "heritage", "isNamed", "name", "occupation", "placeSlug", "position", "role", "slug", "sourceSlug", "stance", "stanceRationale", lower(concat_ws(' ', "name", "occupation", "cityAsPrinted", "heritage")) FROM "Voice";
DROP TABLE "Voice";
ALTER TABLE "new_Voice" RENAME TO "Voice";
CREATE INDEX "Voice_sourceSlug_idx" ON "Voice"("sourceSlug");
CREATE INDEX "Voice_placeSlug_idx" ON "Voice"("placeSlug");
CREATE INDEX "Voice_stance_idx" ON "Voice"("stance");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


CREATE VIRTUAL TABLE "QuoteSearch" USING fts5(
    "searchText",
    content = 'Quote', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "QuoteExact" USING fts5(
    "searchText",
    content = 'Quote', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER "QuoteSearch_insert" AFTER INSERT ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "QuoteSearch_delete" AFTER DELETE ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"("QuoteSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "QuoteSearch_update" AFTER UPDATE OF "searchText" ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"("QuoteSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "QuoteSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "QuoteExact_insert" AFTER INSERT ON "Quote" BEGIN
    INSERT INTO "QuoteExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "QuoteExact_delete" AFTER DELETE ON "Quote" BEGIN
    INSERT INTO "QuoteExact"("QuoteExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "QuoteExact_update" AFTER UPDATE OF "searchText" ON "Quote" BEGIN
    INSERT INTO "QuoteExact"("QuoteExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "QuoteExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "QuoteSearch"("QuoteSearch") VALUES ('rebuild');
INSERT INTO "QuoteExact"("QuoteExact") VALUES ('rebuild');

CREATE VIRTUAL TABLE "VoiceSearch" USING fts5(
    "searchText",
    content = 'Voice', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "VoiceExact" USING fts5(
    "searchText",
    content = 'Voice', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER "VoiceSearch_insert" AFTER INSERT ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "VoiceSearch_delete" AFTER DELETE ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"("VoiceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "VoiceSearch_update" AFTER UPDATE OF "searchText" ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"("VoiceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "VoiceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "VoiceExact_insert" AFTER INSERT ON "Voice" BEGIN
    INSERT INTO "VoiceExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "VoiceExact_delete" AFTER DELETE ON "Voice" BEGIN
    INSERT INTO "VoiceExact"("VoiceExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "VoiceExact_update" AFTER UPDATE OF "searchText" ON "Voice" BEGIN
    INSERT INTO "VoiceExact"("VoiceExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "VoiceExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "VoiceSearch"("VoiceSearch") VALUES ('rebuild');
INSERT INTO "VoiceExact"("VoiceExact") VALUES ('rebuild');

CREATE VIRTUAL TABLE "PlaceSearch" USING fts5(
    "searchText",
    content = 'Place', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "PlaceExact" USING fts5(
    "searchText",
    content = 'Place', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER "PlaceSearch_insert" AFTER INSERT ON "Place" BEGIN
    INSERT INTO "PlaceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "PlaceSearch_delete" AFTER DELETE ON "Place" BEGIN
    INSERT INTO "PlaceSearch"("PlaceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "PlaceSearch_update" AFTER UPDATE OF "searchText" ON "Place" BEGIN
    INSERT INTO "PlaceSearch"("PlaceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "PlaceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "PlaceExact_insert" AFTER INSERT ON "Place" BEGIN
    INSERT INTO "PlaceExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "PlaceExact_delete" AFTER DELETE ON "Place" BEGIN
    INSERT INTO "PlaceExact"("PlaceExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "PlaceExact_update" AFTER UPDATE OF "searchText" ON "Place" BEGIN
    INSERT INTO "PlaceExact"("PlaceExact", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "PlaceExact"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "PlaceSearch"("PlaceSearch") VALUES ('rebuild');
INSERT INTO "PlaceExact"("PlaceExact") VALUES ('rebuild');
