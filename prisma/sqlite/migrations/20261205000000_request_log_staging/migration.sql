-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN "instanceUuid" TEXT;

-- CreateTable
CREATE TABLE "RequestLogFile" (
    "appId" INTEGER NOT NULL,
    "fileUuid" TEXT NOT NULL,
    "env" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" INTEGER NOT NULL,
    "leaseUntil" REAL NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("appId", "fileUuid")
);

-- CreateIndex
CREATE INDEX "RequestLogFile_leaseUntil_idx" ON "RequestLogFile"("leaseUntil");

