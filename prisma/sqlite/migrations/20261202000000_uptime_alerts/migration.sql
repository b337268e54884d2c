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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "envId")
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

    PRIMARY KEY ("appId", "envId", "ts")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "Incident" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "envId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" INTEGER NOT NULL,
    "endedAt" INTEGER,
    "cause" TEXT NOT NULL,

    PRIMARY KEY ("appId", "id")
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
    "threshold" REAL NOT NULL,
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
    "lastValue" REAL,
    "lastCheckedAt" INTEGER,
    "firedAt" INTEGER,
    "history" TEXT NOT NULL DEFAULT '[]',
    "nextCheckAt" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" REAL,
    "threshold" REAL NOT NULL,
    "at" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "AlertChannel" (
    "appId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "id")
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

    PRIMARY KEY ("appId", "id")
);

-- AlterTable (columns added in place: a rebuild of Environment would cascade-delete its children)
ALTER TABLE "Environment" ADD COLUMN "heartbeatEnabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Environment" ADD COLUMN "heartbeatSeconds" INTEGER NOT NULL DEFAULT 180;
ALTER TABLE "Environment" ADD COLUMN "heartbeatDownSince" INTEGER;

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

