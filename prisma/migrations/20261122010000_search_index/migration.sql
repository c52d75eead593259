-- Full-text search with SQLite FTS5 (Prisma has none for SQLite).
-- Three external-content indexes, so the words live once, in the real tables:
--   QuoteSearch  over Quote.text
--   VoiceSearch  over Voice.name, occupation, cityAsPrinted, heritage
--   PlaceSearch  over Place.name, region, country (finds "Astana" for a voice printed "Nur-Sultan")
-- unicode61 with remove_diacritics folds case for Cyrillic as well as Latin text.
-- Triggers keep each index in step with its table. Prisma does not model virtual tables,
-- so the drift check (lib/db/migrate-database.ts) leaves them out of the comparison.

CREATE VIRTUAL TABLE "QuoteSearch" USING fts5(
    "text",
    content = 'Quote', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE VIRTUAL TABLE "VoiceSearch" USING fts5(
    "name", "occupation", "cityAsPrinted", "heritage",
    content = 'Voice', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE VIRTUAL TABLE "PlaceSearch" USING fts5(
    "name", "region", "country",
    content = 'Place', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER "Quote_search_insert" AFTER INSERT ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "Quote_search_delete" AFTER DELETE ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"("QuoteSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
END;
CREATE TRIGGER "Quote_search_update" AFTER UPDATE ON "Quote" BEGIN
    INSERT INTO "QuoteSearch"("QuoteSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
    INSERT INTO "QuoteSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;

CREATE TRIGGER "Voice_search_insert" AFTER INSERT ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"(rowid, "name", "occupation", "cityAsPrinted", "heritage")
    VALUES (new.rowid, new."name", new."occupation", new."cityAsPrinted", new."heritage");
END;
CREATE TRIGGER "Voice_search_delete" AFTER DELETE ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"("VoiceSearch", rowid, "name", "occupation", "cityAsPrinted", "heritage")
    VALUES ('delete', old.rowid, old."name", old."occupation", old."cityAsPrinted", old."heritage");
END;
CREATE TRIGGER "Voice_search_update" AFTER UPDATE ON "Voice" BEGIN
    INSERT INTO "VoiceSearch"("VoiceSearch", rowid, "name", "occupation", "cityAsPrinted", "heritage")
    VALUES ('delete', old.rowid, old."name", old."occupation", old."cityAsPrinted", old."heritage");
    INSERT INTO "VoiceSearch"(rowid, "name", "occupation", "cityAsPrinted", "heritage")
    VALUES (new.rowid, new."name", new."occupation", new."cityAsPrinted", new."heritage");
END;

CREATE TRIGGER "Place_search_insert" AFTER INSERT ON "Place" BEGIN
    INSERT INTO "PlaceSearch"(rowid, "name", "region", "country") VALUES (new.rowid, new."name", new."region", new."country");
END;
CREATE TRIGGER "Place_search_delete" AFTER DELETE ON "Place" BEGIN
    INSERT INTO "PlaceSearch"("PlaceSearch", rowid, "name", "region", "country")
    VALUES ('delete', old.rowid, old."name", old."region", old."country");
END;
CREATE TRIGGER "Place_search_update" AFTER UPDATE ON "Place" BEGIN
    INSERT INTO "PlaceSearch"("PlaceSearch", rowid, "name", "region", "country")
    VALUES ('delete', old.rowid, old."name", old."region", old."country");
    INSERT INTO "PlaceSearch"(rowid, "name", "region", "country") VALUES (new.rowid, new."name", new."region", new."country");
END;
