// Section 2, one database per process: times every read model on the demo app and prints
// one JSON line on stdout (progress goes to stderr). lib/db keeps process-wide handles
// opened from DATABASE_URL, so main.ts runs this once per database and per rollup tier:
//   DATABASE_URL=… [TALLYHUB_ROLLUP_TIER=minute] tsx scripts/bench/reads.ts --runs 5 --warmup 1 [--size]
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "../../lib/db";
import { dbKind, sqliteFilePath } from "../../lib/db/url";
import { parseFilters, type Filters } from "../../lib/filters";
import { getConsumerActivity } from "../../lib/queries/consumer-activity";
import { getConsumerGroups } from "../../lib/queries/consumer-groups";
import { getConsumersTable } from "../../lib/queries/consumers-table";
import { getEndpointDetail } from "../../lib/queries/endpoint-detail";
import { getEndpointsTable } from "../../lib/queries/endpoints-table";
import { getErrorResponses } from "../../lib/queries/error-responses";
import { getResponseTimes } from "../../lib/queries/response-times";
import { getServerErrors } from "../../lib/queries/server-errors";
import { getTrafficChart } from "../../lib/queries/traffic-chart";
import { getTrafficTotals } from "../../lib/queries/traffic-totals";
import { getValidationErrors } from "../../lib/queries/validation-errors";
import { findDemoApp } from "./demo";
import { rollupTables } from "./raw";
import { summarise, type Percentiles } from "./stats";

const PERIODS = ["24h", "7d", "30d"] as const;

export interface ReadTiming extends Percentiles {
  question: string;
  period: string;
  samples: number[];
}

export interface ReadsOutput {
  tier: string;
  appId: number;
  /** Epoch ms the windows end at: just after the newest data. */
  nowMs: number;
  dataFromMs: number;
  busiestEndpointId: number;
  timings: ReadTiming[];
  size?: { tables: { name: string; rows: number }[]; dbBytes: number };
}

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    size: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const warmup = Math.max(0, Number(values.warmup));
const tier = process.env.TALLYHUB_ROLLUP_TIER || "auto";
const log = (s: string) => process.stderr.write(`  [reads ${dbKind()} ${tier}] ${s}\n`);

const db = sql();
const appId = await findDemoApp(db);
if (appId === null) throw new Error("no demo app in this database");

const [span] = await db.all<{ lo: number | null; hi: number | null }>(
  `SELECT MIN("minute") AS "lo", MAX("minute") AS "hi" FROM "RequestRollup" WHERE "appId" = ?`,
  [appId],
);
if (span.hi == null) throw new Error("the demo app has no traffic");
// The windows end just after the newest data, so they cover the seeded data whatever day it is.
const nowMs = (Number(span.hi) + 1) * 60_000;
const [busiest] = await db.all<{ endpointId: number }>(
  `SELECT "endpointId", SUM("requestCount") AS "n" FROM "RequestRollup"
   WHERE "appId" = ? GROUP BY "endpointId" ORDER BY "n" DESC LIMIT 1`,
  [appId],
);
const busiestEndpointId = Number(busiest.endpointId);

const QUESTIONS: [string, (f: Filters) => Promise<unknown>][] = [
  ["traffic totals", (f) => getTrafficTotals(appId, f)],
  ["traffic chart", (f) => getTrafficChart(appId, f)],
  ["endpoints table", (f) => getEndpointsTable(appId, f)],
  ["response times", (f) => getResponseTimes(appId, f)],
  ["endpoint detail", (f) => getEndpointDetail(appId, busiestEndpointId, f)],
  ["error responses", (f) => getErrorResponses(appId, f)],
  ["validation errors", (f) => getValidationErrors(appId, f)],
  ["server errors", (f) => getServerErrors(appId, f)],
  ["consumers table", (f) => getConsumersTable(appId, f)],
  ["consumer activity", (f) => getConsumerActivity(appId, f)],
  ["consumer groups", (f) => getConsumerGroups(appId, f)],
];

const timings: ReadTiming[] = [];
for (const period of PERIODS) {
  const { filters } = parseFilters(new URLSearchParams({ period }), nowMs);
  for (const [question, run] of QUESTIONS) {
    const samples: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t0 = performance.now();
      const result = await run(filters);
      const elapsed = performance.now() - t0;
      if (result === null) throw new Error(`${question} returned nothing`);
      if (i >= warmup) samples.push(elapsed);
    }
    const s = summarise(samples);
    timings.push({ question, period, ...s, samples });
    log(`${period.padEnd(3)} ${question.padEnd(18)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
  }
}

const out: ReadsOutput = { tier, appId, nowMs, dataFromMs: Number(span.lo) * 60_000, busiestEndpointId, timings };
if (values.size) {
  const tables: { name: string; rows: number }[] = [];
  for (const t of await rollupTables(db)) {
    const [{ n }] = await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${t.name}" WHERE "appId" = ?`, [appId]);
    tables.push({ name: t.name, rows: Number(n) });
  }
  let dbBytes: number;
  if (db.kind === "sqlite") {
    const file = sqliteFilePath();
    dbBytes = [file, `${file}-wal`].reduce((n, f) => n + (statSafe(f) ?? 0), 0);
  } else {
    const [{ b }] = await db.all<{ b: number }>(`SELECT pg_database_size(current_database()) AS "b"`);
    dbBytes = Number(b);
  }
  out.size = { tables, dbBytes };
}
await db.close();
process.stdout.write(`${JSON.stringify(out)}\n`);

function statSafe(f: string): number | null {
  try {
    return statSync(f).size;
  } catch {
    return null;
  }
}
