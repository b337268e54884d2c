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

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "statusCode")
) WITHOUT ROWID;

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

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "statusCode")
) WITHOUT ROWID;

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

    PRIMARY KEY ("appId", "minute", "envId", "consumerId", "statusCode")
) WITHOUT ROWID;

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

    PRIMARY KEY ("appId", "minute", "envId", "consumerId", "statusCode")
) WITHOUT ROWID;

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

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "statusCode", "kind", "bin")
) WITHOUT ROWID;

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

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "statusCode", "kind", "bin")
) WITHOUT ROWID;

-- AlterTable (ADD COLUMN rather than Prisma's table rebuild: rebuilding App would cascade-delete its children)
ALTER TABLE "App" ADD COLUMN "foldedThrough" INTEGER NOT NULL DEFAULT 0;
