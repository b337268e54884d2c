-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" INTEGER NOT NULL,
    "lockedUntil" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "App" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "apdexTMs" INTEGER NOT NULL DEFAULT 500,
    "nextEnvId" INTEGER NOT NULL DEFAULT 1,
    "nextEndpointId" INTEGER NOT NULL DEFAULT 1,
    "nextConsumerId" INTEGER NOT NULL DEFAULT 1,
    "nextGroupId" INTEGER NOT NULL DEFAULT 1,
    "nextErrorId" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "App_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Environment" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "id"),
    CONSTRAINT "Environment_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Instance" (
    "appId" INTEGER NOT NULL,
    "uuid" TEXT NOT NULL,
    "envId" INTEGER NOT NULL,
    "client" TEXT,
    "versions" TEXT,
    "firstSeen" INTEGER NOT NULL,
    "lastSyncAt" INTEGER,
    "startupAt" INTEGER,

    PRIMARY KEY ("appId", "uuid")
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "summary" TEXT,
    "description" TEXT,
    "apdexTMs" INTEGER,
    "inStartup" BOOLEAN NOT NULL DEFAULT false,
    "firstSeen" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "AppSpec" (
    "appId" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "openapi" TEXT NOT NULL,
    "updatedAt" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "envId")
);

-- CreateTable
CREATE TABLE "ConsumerGroup" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "Consumer" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "identifier" TEXT NOT NULL,
    "name" TEXT,
    "groupId" INTEGER,
    "nameByUser" BOOLEAN NOT NULL DEFAULT false,
    "groupByUser" BOOLEAN NOT NULL DEFAULT false,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" INTEGER,
    "firstSeen" INTEGER NOT NULL,
    "lastSeen" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "IngestReceipt" (
    "appId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "uuid" TEXT NOT NULL,
    "receivedAt" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "kind", "uuid")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "RequestRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "requestSizeSum" BIGINT NOT NULL,
    "responseSizeSum" BIGINT NOT NULL,

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "RollupBin" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "bin" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "ValidationError" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "loc" TEXT NOT NULL,
    "msg" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "firstSeen" INTEGER NOT NULL,
    "lastSeen" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "ValidationErrorRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "errorId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "minute", "envId", "errorId", "consumerId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "ServerError" (
    "appId" INTEGER NOT NULL,
    "id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "msg" TEXT NOT NULL,
    "traceback" TEXT,
    "sentryEventId" TEXT,
    "firstSeen" INTEGER NOT NULL,
    "lastSeen" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "ServerErrorRollup" (
    "appId" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "envId" INTEGER NOT NULL,
    "errorId" INTEGER NOT NULL,
    "consumerId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("appId", "minute", "envId", "errorId", "consumerId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "ResourceSample" (
    "appId" INTEGER NOT NULL,
    "instanceUuid" TEXT NOT NULL,
    "ts" INTEGER NOT NULL,
    "cpuPercent" REAL NOT NULL,
    "memoryRss" BIGINT NOT NULL,

    PRIMARY KEY ("appId", "instanceUuid", "ts")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "RequestLog" (
    "appId" INTEGER NOT NULL,
    "uuid" TEXT NOT NULL,
    "envId" INTEGER NOT NULL,
    "fileUuid" TEXT NOT NULL,
    "ts" REAL NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT,
    "url" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "responseTimeMs" REAL NOT NULL,
    "consumerId" INTEGER NOT NULL DEFAULT 0,
    "requestSize" INTEGER,
    "responseSize" INTEGER,
    "requestHeaders" TEXT,
    "responseHeaders" TEXT,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "exception" TEXT,
    "logs" TEXT,
    "spans" TEXT,
    "traceId" TEXT,

    PRIMARY KEY ("appId", "uuid")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "App_clientId_key" ON "App"("clientId");

-- CreateIndex
CREATE INDEX "App_ownerId_idx" ON "App"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_appId_name_key" ON "Environment"("appId", "name");

-- CreateIndex
CREATE INDEX "Instance_appId_lastSyncAt_idx" ON "Instance"("appId", "lastSyncAt");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_appId_method_path_key" ON "Endpoint"("appId", "method", "path");

-- CreateIndex
CREATE UNIQUE INDEX "ConsumerGroup_appId_name_key" ON "ConsumerGroup"("appId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Consumer_appId_identifier_key" ON "Consumer"("appId", "identifier");

-- CreateIndex
CREATE INDEX "IngestReceipt_receivedAt_idx" ON "IngestReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ValidationError_appId_fingerprint_key" ON "ValidationError"("appId", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "ServerError_appId_fingerprint_key" ON "ServerError"("appId", "fingerprint");

-- CreateIndex
CREATE INDEX "RequestLog_appId_ts_idx" ON "RequestLog"("appId", "ts");

