// Section 5, one database per process: 1,000 alert rules over the demo app, evaluated in one tick, as the server's
// monitor does every minute. Prints one JSON line on stdout (progress on stderr). The rules (and the events they
// write) are removed afterwards, so the demo database is left as it was.
//   DATABASE_URL=… tsx --conditions=react-server scripts/bench/alerts.ts --rules 1000 --runs 5
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { evaluateDueRules } from "../../lib/alerts/evaluate";
import { METRIC_IDS, type MetricId } from "../../lib/alerts/metrics";
import { sql } from "../../lib/db";
import { dbKind } from "../../lib/db/url";
import { findDemoApp } from "./demo";
import { summarise, type Percentiles } from "./stats";

export interface AlertsOutput {
  rules: number;
  /** Wall time of one tick that evaluates every rule, ms. */
  tickMs: Percentiles & { samples: number[] };
  /** CPU time of this process during the tick (the database server's own is not in it on PostgreSQL), ms. */
  cpuMs: Percentiles & { samples: number[] };
  evaluated: number;
  firing: number;
}

const { values } = parseArgs({
  options: { rules: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } },
});
const ruleCount = Math.max(1, Number(values.rules));
const runs = Math.max(1, Number(values.runs));
const log = (s: string) => process.stderr.write(`  [alerts ${dbKind()}] ${s}\n`);

const db = sql();
const appId = await findDemoApp(db);
if (appId === null) throw new Error("no demo app in this database");
const [span] = await db.all<{ hi: number | null }>(
  `SELECT MAX("minute") AS "hi" FROM "RequestRollup" WHERE "appId" = ?`,
  [appId],
);
// The tick happens just after the newest data, so every window holds traffic.
const nowMs = (Number(span.hi) + 1) * 60_000;
const envs = await db.all<{ id: number }>(`SELECT "id" FROM "Environment" WHERE "appId" = ?`, [appId]);
const consumers = await db.all<{ id: number }>(`SELECT "id" FROM "Consumer" WHERE "appId" = ? LIMIT 200`, [appId]);
const endpoints = await db.all<{ id: number }>(`SELECT "id" FROM "Endpoint" WHERE "appId" = ? LIMIT 100`, [appId]);
const groups = await db.all<{ id: number }>(`SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ?`, [appId]);

// A realistic mix: every metric, windows from 1 to 60 minutes, a third filtered by consumer, group or endpoint.
const WINDOWS = [1, 5, 5, 10, 15, 30, 60];
const pick = <T>(xs: T[], i: number): T | null => (xs.length ? xs[i % xs.length] : null);
const ids: string[] = [];
for (let i = 0; i < ruleCount; i++) {
  const metric: MetricId = METRIC_IDS[i % METRIC_IDS.length];
  const filter = i % 6;
  const id = randomUUID();
  ids.push(id);
  await db.run(
    `INSERT INTO "AlertRule" ("appId", "id", "envId", "name", "metric", "windowMinutes", "operator", "threshold",
       "consumerId", "groupId", "endpointId", "nextCheckAt")
     VALUES (?, ?, ?, ?, ?, ?, 'gt', ?, ?, ?, ?, 0)`,
    [
      appId,
      id,
      pick(envs, i)!.id,
      `bench ${i}`,
      metric,
      WINDOWS[i % WINDOWS.length],
      i % 2 ? 1 : 1e9,
      filter === 1 ? (pick(consumers, i)?.id ?? null) : null,
      filter === 2 ? (pick(groups, i)?.id ?? null) : null,
      filter === 3 ? (pick(endpoints, i)?.id ?? null) : null,
    ],
  );
}
log(`${ruleCount} rules on app ${appId}; ${runs} ticks at ${new Date(nowMs).toISOString()}`);

const ticks: number[] = [];
const cpu: number[] = [];
let evaluated = 0;
try {
  for (let run = 0; run < runs; run++) {
    await db.run(`UPDATE "AlertRule" SET "nextCheckAt" = 0 WHERE "appId" = ?`, [appId]);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await evaluateDueRules(nowMs);
    ticks.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    evaluated = summary.evaluated;
    if (summary.failed) throw new Error(`${summary.failed} rules failed`);
    log(
      `tick ${run + 1}: ${summary.evaluated} rules in ${ticks.at(-1)!.toFixed(0)} ms, CPU ${cpu.at(-1)!.toFixed(0)} ms`,
    );
  }
} finally {
  const [firing] = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS "n" FROM "AlertRule" WHERE "appId" = ? AND "state" = 'firing'`,
    [appId],
  );
  await db.run(`DELETE FROM "AlertEvent" WHERE "appId" = ?`, [appId]);
  await db.run(`DELETE FROM "AlertDelivery" WHERE "appId" = ?`, [appId]);
  await db.run(`DELETE FROM "AlertRule" WHERE "appId" = ?`, [appId]);
  const out: AlertsOutput = {
    rules: ruleCount,
    tickMs: { ...summarise(ticks), samples: ticks },
    cpuMs: { ...summarise(cpu), samples: cpu },
    evaluated,
    firing: Number(firing.n),
  };
  await db.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
