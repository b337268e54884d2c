// `npm run monitor`: one monitoring pass now (uptime, due alert rules, pending notifications),
// as the server runs it every TALLYHUB_MONITOR_INTERVAL_SECONDS. Safe beside running servers.
import { sql } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { runMonitorTick } from "../lib/monitor/tick";

try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
await migrate(sql());
const result = await runMonitorTick();
for (const [part, summary] of Object.entries(result)) console.log(`${part}: ${JSON.stringify(summary)}`);
await sql().close();
