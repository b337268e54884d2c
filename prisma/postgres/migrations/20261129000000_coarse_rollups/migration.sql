-- AlterTable
ALTER TABLE "App" ADD COLUMN     "foldedThrough" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "EndpointHourRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "EndpointHourRollup_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","statusCode")
);

-- CreateTable
CREATE TABLE "EndpointDayRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "EndpointDayRollup_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","statusCode")
);

-- CreateTable
CREATE TABLE "ConsumerHourRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "ConsumerHourRollup_pkey" PRIMARY KEY ("appId","minute","envId","consumerId","statusCode")
);

-- CreateTable
CREATE TABLE "ConsumerDayRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "ConsumerDayRollup_pkey" PRIMARY KEY ("appId","minute","envId","consumerId","statusCode")
);

-- CreateTable
CREATE TABLE "RequestDayRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "RequestDayRollup_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","consumerId","statusCode")
);

-- CreateTable
CREATE TABLE "ErrorHourRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "ErrorHourRollup_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","consumerId","statusCode")
);

-- CreateTable
CREATE TABLE "ErrorDayRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,
    "lastMinute" INTEGER NOT NULL,

    CONSTRAINT "ErrorDayRollup_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","consumerId","statusCode")
);

-- CreateTable
CREATE TABLE "AppHourBin" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "AppHourBin_pkey" PRIMARY KEY ("appId","minute","envId","kind","bin")
);

-- CreateTable
CREATE TABLE "AppDayBin" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "AppDayBin_pkey" PRIMARY KEY ("appId","minute","envId","kind","bin")
);

-- CreateTable
CREATE TABLE "EndpointHourBin" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EndpointHourBin_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","statusCode","kind","bin")
);

-- CreateTable
CREATE TABLE "EndpointDayBin" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EndpointDayBin_pkey" PRIMARY KEY ("appId","minute","envId","endpointId","statusCode","kind","bin")
);

-- Backfill: the new tables hold everything already in the per-minute tables, so existing
-- installs see their history from the coarse tables at once.
INSERT INTO "EndpointDayRollup" ("appId", "minute", "envId", "endpointId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "statusCode";
INSERT INTO "EndpointHourRollup" ("appId", "minute", "envId", "endpointId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 60) * 60, "envId", "endpointId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" GROUP BY "appId", ("minute" / 60) * 60, "envId", "endpointId", "statusCode";
INSERT INTO "ConsumerDayRollup" ("appId", "minute", "envId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "consumerId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "consumerId", "statusCode";
INSERT INTO "ConsumerHourRollup" ("appId", "minute", "envId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 60) * 60, "envId", "consumerId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" GROUP BY "appId", ("minute" / 60) * 60, "envId", "consumerId", "statusCode";
INSERT INTO "ErrorDayRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "consumerId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" WHERE "statusCode" >= 400 GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "consumerId", "statusCode";
INSERT INTO "ErrorHourRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 60) * 60, "envId", "endpointId", "consumerId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" WHERE "statusCode" >= 400 GROUP BY "appId", ("minute" / 60) * 60, "envId", "endpointId", "consumerId", "statusCode";
INSERT INTO "RequestDayRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "consumerId", "statusCode", CASE WHEN SUM("requestCount") > 2147483647 THEN 2147483647 ELSE SUM("requestCount") END, CASE WHEN SUM("requestSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("requestSizeSum") END, CASE WHEN SUM("responseSizeSum") > 9007199254740991 THEN 9007199254740991 ELSE SUM("responseSizeSum") END, MAX("minute") FROM "RequestRollup" GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "consumerId", "statusCode";
INSERT INTO "AppDayBin" ("appId", "minute", "envId", "kind", "bin", "count")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "kind", "bin", CASE WHEN SUM("count") > 2147483647 THEN 2147483647 ELSE SUM("count") END FROM "RollupBin" GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "kind", "bin";
INSERT INTO "AppHourBin" ("appId", "minute", "envId", "kind", "bin", "count")
SELECT "appId", ("minute" / 60) * 60, "envId", "kind", "bin", CASE WHEN SUM("count") > 2147483647 THEN 2147483647 ELSE SUM("count") END FROM "RollupBin" GROUP BY "appId", ("minute" / 60) * 60, "envId", "kind", "bin";
INSERT INTO "EndpointDayBin" ("appId", "minute", "envId", "endpointId", "statusCode", "kind", "bin", "count")
SELECT "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "statusCode", "kind", "bin", CASE WHEN SUM("count") > 2147483647 THEN 2147483647 ELSE SUM("count") END FROM "RollupBin" GROUP BY "appId", ("minute" / 1440) * 1440, "envId", "endpointId", "statusCode", "kind", "bin";
INSERT INTO "EndpointHourBin" ("appId", "minute", "envId", "endpointId", "statusCode", "kind", "bin", "count")
SELECT "appId", ("minute" / 60) * 60, "envId", "endpointId", "statusCode", "kind", "bin", CASE WHEN SUM("count") > 2147483647 THEN 2147483647 ELSE SUM("count") END FROM "RollupBin" GROUP BY "appId", ("minute" / 60) * 60, "envId", "endpointId", "statusCode", "kind", "bin";

-- CreateIndex (after the backfill: building it once is faster than updating it row by row)
CREATE INDEX "RequestDayRollup_appId_endpointId_minute_idx" ON "RequestDayRollup"("appId", "endpointId", "minute");
