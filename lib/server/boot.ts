import { ensureAuthSecret } from "../auth/secret";
import { sql } from "../db";
import { migrate } from "../db/migrate";
import { databaseUrl, dbKind } from "../db/url";
import { expandPendingLogFiles } from "../ingest/log-expander";
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
  // /log files a previous run staged and did not expand, even with monitoring off (the tick takes them otherwise).
  void expandPendingLogFiles().then(
    (r) => r.files && console.log(`[tallyhub] request logs: expanded ${r.files} staged file(s) left from before`),
    (e: Error) => console.error(`[tallyhub] request logs: staged files not expanded at start: ${e.message}`),
  );
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
