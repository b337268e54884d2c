// The retention job inside the server: no cron to set up. The first pass runs a minute
// after boot (not during it), then every TALLYHUB_RETENTION_INTERVAL_MINUTES. Passes never
// overlap; a failed pass is logged and the next one tries again.
import { retentionConfig } from "./config";
import { runRetention } from "./run";

let timer: NodeJS.Timeout | undefined;

export function startRetentionSchedule(firstDelayMs = 60_000): boolean {
  const { intervalMinutes } = retentionConfig();
  if (!intervalMinutes || timer) return false;
  const pass = async () => {
    try {
      const r = await runRetention();
      const deleted = Object.values(r.deleted).reduce((a, b) => a + b, 0);
      if (r.foldedRows || deleted)
        console.log(
          `[tallyhub] retention: folded ${r.foldedRows} per-minute rows into ${r.foldedHours} hours, ` +
            `deleted ${deleted} rows in ${r.ms} ms`,
        );
    } catch (e) {
      console.error("[tallyhub] retention pass failed:", e instanceof Error ? e.message : e);
    } finally {
      timer = setTimeout(pass, intervalMinutes * 60_000);
      timer.unref();
    }
  };
  timer = setTimeout(pass, firstDelayMs);
  timer.unref();
  return true;
}
