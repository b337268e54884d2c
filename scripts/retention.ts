// `npm run retention`: one retention pass now (the server also runs it on a schedule).
// Settings come from the same TALLYHUB_RETENTION_* variables as the server's.
import { sql } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { retentionConfig } from "../lib/retention/config";
import { runRetention } from "../lib/retention/run";

try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
const config = retentionConfig();
await migrate(sql());
console.log(`per-minute rows kept ${config.minuteDays} d, rollups ${config.days} d, request logs ${config.logDays} d`);
const r = await runRetention({ config });
console.log(
  `${r.apps} apps: folded ${r.foldedRows.toLocaleString("en")} per-minute rows into ${r.foldedHours} hours in ` +
    `${r.ms} ms`,
);
for (const [table, n] of Object.entries(r.deleted))
  if (n) console.log(`  deleted ${n.toLocaleString("en")} rows from ${table}`);
await sql().close();
