-- CreateIndex
CREATE INDEX "RequestLog_appId_consumerId_ts_idx" ON "RequestLog"("appId", "consumerId", "ts");

-- CreateIndex
CREATE INDEX "RequestLog_appId_path_ts_idx" ON "RequestLog"("appId", "path", "ts");


-- Text search over the request logs (lib/queries/log-search.ts), written by hand: Prisma has no operator classes.
-- GIN trigram indexes on the stored (base64) bodies answer the body search's LIKE '%fragment%', the one on
-- LOWER("url") the URL filter's LOWER("url") LIKE LOWER(?) (pg_trgm is a trusted extension: the database's owner
-- may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "RequestLogSearch_requestBody_idx" ON "RequestLog" USING GIN ("requestBody" gin_trgm_ops);
CREATE INDEX "RequestLogSearch_responseBody_idx" ON "RequestLog" USING GIN ("responseBody" gin_trgm_ops);
CREATE INDEX "RequestLogSearch_url_idx" ON "RequestLog" USING GIN (LOWER("url") gin_trgm_ops);
