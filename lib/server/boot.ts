import { ensureAuthSecret } from "../auth/secret";
import { sql } from "../db";
import { migrate } from "../db/migrate";
import { databaseUrl, dbKind } from "../db/url";
import { startMonitorSchedule } from "../monitor/schedule";
import { retentionConfig } from "../retention/config";
import { startRetentionSchedule } from "../retention/schedule";
import { settings, SettingsError } from "../settings";

export async function bootServer() {
  checkSettings();
  ensureAuthSecret();
  const retention = retentionConfig();
  const applied = await migrate(sql());
  const where = dbKind() === "sqlite" ? databaseUrl() : "PostgreSQL";
  console.log(`[tallyhub] database ready (${where})${applied.length ? `, applied ${applied.join(", ")}` : ""}`);
  if (startRetentionSchedule()) {
    console.log(
      `[tallyhub] retention: per-minute rows ${retention.minuteDays} d, rollups ${retention.days} d, ` +
        `request logs ${retention.logDays} d, every ${retention.intervalMinutes} min`,
    );
  }
  const monitorSeconds = startMonitorSchedule();
  if (monitorSeconds)
    console.log(`[tallyhub] monitoring: uptime, alert rules and notifications every ${monitorSeconds} s`);
}

// Every environment variable, parsed now: a bad one stops the start, by name. (Next.js only
// logs an error thrown by the instrumentation hook and keeps listening, answering 500.)
function checkSettings() {
  try {
    settings();
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    console.error(`[tallyhub] ${e.message}`);
    process.exit(1);
  }
}
