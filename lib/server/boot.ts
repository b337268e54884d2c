import { sql } from "../db";
import { migrate } from "../db/migrate";
import { databaseUrl, dbKind } from "../db/url";
import { ensureAuthSecret } from "../auth/secret";
import { retentionConfig } from "../retention/config";
import { startRetentionSchedule } from "../retention/schedule";

export async function bootServer() {
  ensureAuthSecret();
  const retention = retentionConfig(); // a bad setting stops the boot here, not the first pass
  const applied = await migrate(sql());
  const where = dbKind() === "sqlite" ? databaseUrl() : "PostgreSQL";
  console.log(`[tallyhub] database ready (${where})${applied.length ? `, applied ${applied.join(", ")}` : ""}`);
  if (startRetentionSchedule()) {
    console.log(`[tallyhub] retention: per-minute rows ${retention.minuteDays} d, rollups ${retention.days} d, request logs ${retention.logDays} d, every ${retention.intervalMinutes} min`);
  }
}
