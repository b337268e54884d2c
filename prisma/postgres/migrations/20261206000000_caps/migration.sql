-- Per-app caps (lib/store/caps.ts): live row counts and the caps hit on App, endpoints' last sighting for pruning.
ALTER TABLE "App" ADD COLUMN     "capsHit" TEXT,
ADD COLUMN     "consumerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "endpointCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "envCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "errorCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "groupCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "instanceCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Endpoint" ADD COLUMN     "lastSeen" INTEGER NOT NULL DEFAULT 0;

-- Fill the counts of existing apps; endpoints count as seen at the upgrade, so retention gives them its full period.
UPDATE "App" SET
  "envCount" = (SELECT COUNT(*) FROM "Environment" WHERE "Environment"."appId" = "App"."id"),
  "endpointCount" = (SELECT COUNT(*) FROM "Endpoint" WHERE "Endpoint"."appId" = "App"."id"),
  "consumerCount" = (SELECT COUNT(*) FROM "Consumer" WHERE "Consumer"."appId" = "App"."id"),
  "groupCount" = (SELECT COUNT(*) FROM "ConsumerGroup" WHERE "ConsumerGroup"."appId" = "App"."id"),
  "errorCount" = (SELECT COUNT(*) FROM "ValidationError" WHERE "ValidationError"."appId" = "App"."id")
    + (SELECT COUNT(*) FROM "ServerError" WHERE "ServerError"."appId" = "App"."id"),
  "instanceCount" = (SELECT COUNT(*) FROM "Instance" WHERE "Instance"."appId" = "App"."id");

UPDATE "Endpoint" SET "lastSeen" = EXTRACT(EPOCH FROM now())::integer;
