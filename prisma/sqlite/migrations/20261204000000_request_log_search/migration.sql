-- CreateIndex
CREATE INDEX "RequestLog_appId_consumerId_ts_idx" ON "RequestLog"("appId", "consumerId", "ts");

-- CreateIndex
CREATE INDEX "RequestLog_appId_path_ts_idx" ON "RequestLog"("appId", "path", "ts");


-- Text search over the request logs (lib/queries/log-search.ts), written by hand: Prisma has no FTS5.
-- A trigram index of the stored (base64) bodies and of the URL, for "body contains" and "URL contains". External
-- content: the text stays in "RequestLog" (by rowid), the index keeps only trigrams, without positions
-- (detail=none). Case-insensitive (trigram's default), so LIKE '%…%' is answered from it: a superset for the
-- case-sensitive body search, which the list confirms row by row. Kept by the triggers below; filled here from the
-- logs already stored.
CREATE VIRTUAL TABLE "RequestLogSearch" USING fts5(
    "requestBody", "responseBody", "url",
    content='RequestLog', content_rowid='rowid', tokenize='trigram', detail='none'
);

CREATE TRIGGER "RequestLogSearch_insert" AFTER INSERT ON "RequestLog" BEGIN
    INSERT INTO "RequestLogSearch" (rowid, "requestBody", "responseBody", "url")
    VALUES (new.rowid, new."requestBody", new."responseBody", new."url");
END;

-- Retention deletes logs a day at a time: their trigrams go with them.
CREATE TRIGGER "RequestLogSearch_delete" AFTER DELETE ON "RequestLog" BEGIN
    INSERT INTO "RequestLogSearch" ("RequestLogSearch", rowid, "requestBody", "responseBody", "url")
    VALUES ('delete', old.rowid, old."requestBody", old."responseBody", old."url");
END;

CREATE TRIGGER "RequestLogSearch_update" AFTER UPDATE OF "requestBody", "responseBody", "url" ON "RequestLog" BEGIN
    INSERT INTO "RequestLogSearch" ("RequestLogSearch", rowid, "requestBody", "responseBody", "url")
    VALUES ('delete', old.rowid, old."requestBody", old."responseBody", old."url");
    INSERT INTO "RequestLogSearch" (rowid, "requestBody", "responseBody", "url")
    VALUES (new.rowid, new."requestBody", new."responseBody", new."url");
END;

INSERT INTO "RequestLogSearch" ("RequestLogSearch") VALUES ('rebuild');
