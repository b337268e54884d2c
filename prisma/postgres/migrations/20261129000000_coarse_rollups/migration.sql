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

