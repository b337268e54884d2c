-- Teams (issue 11). Every user gets a personal team they own, named after them, and their
-- apps move into it; the oldest account becomes the instance admin. The App table is rebuilt to
-- drop its owner column: lib/db/migrate.ts sees the PRAGMA below and turns foreign keys off
-- around this migration (inside a transaction the PRAGMA does nothing), so dropping the old
-- table does not cascade to its children, and checks them all before committing.
PRAGMA foreign_keys=OFF;

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Membership" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("teamId", "userId"),
    CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invitedById" TEXT,
    "acceptedAt" DATETIME,
    CONSTRAINT "Invitation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "appIds" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing accounts
ALTER TABLE "User" ADD COLUMN "isAdmin" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "currentTeamId" TEXT;

INSERT INTO "Team" ("id", "name", "createdAt")
SELECT "id", COALESCE(NULLIF("name", ''), substr("email", 1, instr("email", '@') - 1)) || '''s team', "createdAt" FROM "User";
INSERT INTO "Membership" ("teamId", "userId", "role", "createdAt") SELECT "id", "id", 'owner', "createdAt" FROM "User";
UPDATE "User" SET "currentTeamId" = "id";
UPDATE "User" SET "isAdmin" = true WHERE "id" = (SELECT "id" FROM "User" ORDER BY "createdAt", "id" LIMIT 1);

-- Apps: owner → team
CREATE TABLE "new_App" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "foldedThrough" INTEGER NOT NULL DEFAULT 0,
    "writeToken" TEXT,
    "teamId" TEXT NOT NULL,
    "previousClientId" TEXT,
    "previousClientIdUntil" INTEGER,
    "previousWriteToken" TEXT,
    "previousWriteTokenUntil" INTEGER,
    CONSTRAINT "App_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_App" ("apdexTMs", "clientId", "createdAt", "foldedThrough", "framework", "id", "name", "nextConsumerId", "nextEndpointId", "nextEnvId", "nextErrorId", "nextGroupId", "writeToken", "teamId")
SELECT "apdexTMs", "clientId", "createdAt", "foldedThrough", "framework", "id", "name", "nextConsumerId", "nextEndpointId", "nextEnvId", "nextErrorId", "nextGroupId", "writeToken", "ownerId" FROM "App";
DROP TABLE "App";
ALTER TABLE "new_App" RENAME TO "App";
CREATE UNIQUE INDEX "App_clientId_key" ON "App"("clientId");
CREATE UNIQUE INDEX "App_writeToken_key" ON "App"("writeToken");
CREATE UNIQUE INDEX "App_previousClientId_key" ON "App"("previousClientId");
CREATE UNIQUE INDEX "App_previousWriteToken_key" ON "App"("previousWriteToken");
CREATE INDEX "App_teamId_idx" ON "App"("teamId");


-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_teamId_idx" ON "Invitation"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_teamId_idx" ON "ApiKey"("teamId");

