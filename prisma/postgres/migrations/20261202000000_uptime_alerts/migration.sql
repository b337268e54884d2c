-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "heartbeatDownSince" INTEGER,
ADD COLUMN     "heartbeatEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "heartbeatSeconds" INTEGER NOT NULL DEFAULT 180;

-- CreateTable
CREATE TABLE "HealthCheck" (
    "appId" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'GET',
    "intervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "timeoutMs" INTEGER NOT NULL DEFAULT 5000,
    "expectedStatus" INTEGER,
    "bodyContains" TEXT,
    "headers" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" INTEGER NOT NULL DEFAULT 0,
    "downSince" INTEGER,
    "lastRunAt" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthCheck_pkey" PRIMARY KEY ("appId","envId")
);

-- CreateTable
CREATE TABLE "HealthCheckResult" (
    "appId" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "ts" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "HealthCheckResult_pkey" PRIMARY KEY ("appId","envId","ts")
);

-- CreateTable
CREATE TABLE "Incident" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "envId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" INTEGER NOT NULL,
    "endedAt" INTEGER,
    "cause" TEXT NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("appId","id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "envId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "operator" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "consumerId" INTEGER,
    "groupId" INTEGER,
    "endpointId" INTEGER,
    "checkEveryMinutes" INTEGER NOT NULL DEFAULT 1,
    "notifyAfter" INTEGER NOT NULL DEFAULT 1,
    "resolveAfter" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channelIds" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT 'ok',
    "breaches" INTEGER NOT NULL DEFAULT 0,
    "clears" INTEGER NOT NULL DEFAULT 0,
    "lastValue" DOUBLE PRECISION,
    "lastCheckedAt" INTEGER,
    "firedAt" INTEGER,
    "history" TEXT NOT NULL DEFAULT '[]',
    "nextCheckAt" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("appId","id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "at" INTEGER NOT NULL,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("appId","id")
);

-- CreateTable
CREATE TABLE "AlertChannel" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("appId","id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "ruleId" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" INTEGER NOT NULL,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" INTEGER NOT NULL,
    "sentAt" INTEGER,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("appId","id")
);

-- CreateIndex
CREATE INDEX "HealthCheck_nextRunAt_idx" ON "HealthCheck"("nextRunAt");

-- CreateIndex
CREATE INDEX "Incident_appId_envId_startedAt_idx" ON "Incident"("appId", "envId", "startedAt");

-- CreateIndex
CREATE INDEX "AlertRule_nextCheckAt_idx" ON "AlertRule"("nextCheckAt");

-- CreateIndex
CREATE INDEX "AlertEvent_appId_at_idx" ON "AlertEvent"("appId", "at");

-- CreateIndex
CREATE INDEX "AlertDelivery_status_nextAttemptAt_idx" ON "AlertDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_appId_createdAt_idx" ON "AlertDelivery"("appId", "createdAt");

