-- AlterTable
ALTER TABLE "App" ADD COLUMN "writeToken" TEXT;

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN "countsFrom" TEXT;

-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN "clientIp" TEXT;

-- CreateTable
CREATE TABLE "RequestAppLog" (
    "appId" INTEGER NOT NULL,
    "requestUuid" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "ts" REAL NOT NULL,
    "logger" TEXT,
    "level" TEXT,
    "message" TEXT NOT NULL,
    "file" TEXT,
    "line" INTEGER,
    "spanId" TEXT,

    PRIMARY KEY ("appId", "requestUuid", "id")
);

-- CreateIndex
CREATE INDEX "RequestAppLog_appId_ts_idx" ON "RequestAppLog"("appId", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "App_writeToken_key" ON "App"("writeToken");

