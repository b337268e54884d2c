// Section 8, one database per process: request logs at scale (issue 13). Seeds the database (when told: --seed)
// with --rows logs over 16 days through the log expander's own code (gunzip, parseLogFile, storeLogFile: what
// storing a staged /log file does, in one transaction per file), then times the Requests list's first page (getRequestList, what the page and its JSON
// route call) for each filter, a 1,000-line log file through the /log route's code (staged and answered, then
// expanded into the list), the CSV export of a large slice streamed as the export route streams it, and one
// retention pass (15 days, so the oldest day goes) inside a transaction that is rolled back, so the database is
// reused as it was. One JSON line on stdout.
//   DATABASE_URL=… tsx --conditions=react-server scripts/bench/logs.ts --rows 1000000 --runs 10 [--seed sidecar.json]
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { prisma, sql } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { refreshPlannerStatistics } from "../../lib/db/statistics";
import { dbKind } from "../../lib/db/url";
import { COMMON_WORD, RARE_WORD } from "../../lib/demo/bodies";
import { DEFAULT_DEMO, DemoTraffic, logFileBody } from "../../lib/demo/traffic";
import { inflate } from "../../lib/ingest/body";
import { BODY_LIMITS } from "../../lib/ingest/limits";
import { expandLogFile, queueLogFile } from "../../lib/ingest/log-expander";
import { acceptLogFile } from "../../lib/ingest/log-file";
import { parseLogFile, parseStartup, parseSync } from "../../lib/ingest/parse";
import { storeSync } from "../../lib/ingest/store";
import { getRequestList } from "../../lib/queries/request-list";
import { parseRequestFilters } from "../../lib/request-filters";
import { exportPages, exportStream, parseExportParams } from "../../lib/requests/export";
import { runRetention } from "../../lib/retention/run";
import { storeLogFile } from "../../lib/store/log";
import { stagedLogFileCount } from "../../lib/store/log-staging";
import { storeStartup } from "../../lib/store/startup";
import type { LogsSidecar } from "./logs-db";
import { summarise, type Percentiles } from "./stats";

export const SEED_PATH = "gunzip + parseLogFile + storeLogFile, as the log expander stores a file (no HTTP)";
const FILE_LINES = 1000;
const DAYS = 16;
const APP = "Request logs bench";

export interface LogsOutput {
  rows: number;
  days: number;
  seededNow: boolean;
  seedSeconds: number;
  seedPath: string;
  /** Migrations this run applied to the existing database, and how long they took. */
  migrated: string[];
  migrateMs: number;
  queries: (Percentiles & { name: string; params: string; found: number; more: boolean; samples: number[] })[];
  store: {
    lines: number;
    /** The route's work before its 202: gunzip, the first line parsed, the file staged. */
    stagedMs: Percentiles;
    /** Expanding the staged file: gunzip, parse every line, store them in RequestLog. */
    expandMs: Percentiles;
    /** From the file's arrival to its lines in the list: staged, then expanded at once. */
    visibleMs: Percentiles;
    /** Lines stored per second of expansion. */
    expandLinesPerSecond: number;
    /** Staged while this process's expander works through the files before: one file every `streamGapMs`. */
    streamStagedMs: Percentiles;
    streamGapMs: number;
    /** From the first file's arrival to the last one's lines in the list, in that stream. */
    streamDrainMs: number;
  };
  exportCsv: {
    params: string;
    rows: number;
    bytes: number;
    ms: number;
    rowsPerSecond: number;
    rssBeforeMb: number;
    rssPeakMb: number;
  };
  retention: { deleted: number; ms: number; before: number };
  sizeBytes: number | null;
}

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "10" },
    files: { type: "string", default: "20" },
    seed: { type: "string" },
  },
});
const rows = Math.max(FILE_LINES, Math.round(Number(values.rows) / FILE_LINES) * FILE_LINES);
const runs = Math.max(1, Number(values.runs));
const log = (s: string) => process.stderr.write(`  [logs ${dbKind()}] ${s}\n`);
const db = sql();
const traffic = new DemoTraffic(DEFAULT_DEMO);

async function seed(sidecar: string): Promise<LogsSidecar> {
  const t0 = Date.now();
  const end = Math.floor(Date.now() / 1000 / 60) * 60;
  const from = end - DAYS * 86_400;
  await migrate(db);
  const team = await prisma().team.create({ data: { name: "Bench" } });
  const app = await prisma().app.create({
    data: { name: APP, framework: "fastapi", clientId: randomUUID(), teamId: team.id },
  });
  const encode = (o: object) => Buffer.from(JSON.stringify(o));
  // Endpoints and consumer groups come from the startup and the first sync, as with a real client.
  await storeStartup(app.id, "prod", parseStartup(encode(traffic.startup())), { now: from });
  await storeSync(app.id, "prod", parseSync(encode(traffic.syncFor(from))), { now: from + 30 });
  const files = rows / FILE_LINES;
  const span = (end - from) / files;
  // PostgreSQL stores a few files at once (one connection each); SQLite has one writer.
  const parallel = db.kind === "postgres" ? 4 : 1;
  for (let i = 0; i < files; i += parallel) {
    const batch: Promise<unknown>[] = [];
    for (let k = i; k < Math.min(files, i + parallel); k++) {
      const body = logFileBody(traffic.logLines(k + 1, from + k * span, from + (k + 1) * span, FILE_LINES));
      const { lines } = parseLogFile(gunzipSync(body));
      // One file in eight comes from the staging environment.
      batch.push(storeLogFile(app.id, k % 8 === 7 ? "staging" : "prod", randomUUID(), lines, { now: end }));
    }
    await Promise.all(batch);
    if (i % 50 === 0) {
      const s = (Date.now() - t0) / 1000;
      process.stderr.write(`\r  [logs ${db.kind}] seeding: ${i + parallel}/${files} files, ${s.toFixed(0)} s   `);
    }
  }
  process.stderr.write("\n");
  // Fresh statistics, as autovacuum would gather them in time: without them PostgreSQL guesses a handful of rows
  // and sorts the whole table for a first page.
  if (db.kind === "postgres") await db.run(`ANALYZE "RequestLog"`);
  await refreshPlannerStatistics(db); // SQLite's, as the server's hourly retention pass refreshes them
  const car: LogsSidecar = {
    rows,
    seed: DEFAULT_DEMO.seed,
    days: DAYS,
    end,
    seededAt: new Date().toISOString(),
    seedSeconds: (Date.now() - t0) / 1000,
    path: SEED_PATH,
  };
  writeFileSync(sidecar, JSON.stringify(car, null, 2));
  return car;
}

const one = async <T>(text: string, params: (string | number)[] = []) => (await db.all<T & object>(text, params))[0];

let car: LogsSidecar;
const seededNow = !!values.seed;
if (values.seed) car = await seed(values.seed);
else car = JSON.parse(process.env.LOGS_SIDECAR!) as LogsSidecar;
const m0 = performance.now();
const migrated = await migrate(db);
const migrateMs = performance.now() - m0;
await refreshPlannerStatistics(db); // as the server's retention pass does every hour
if (migrated.length) log(`applied ${migrated.join(", ")} to the existing logs in ${(migrateMs / 1000).toFixed(1)} s`);

const { id: appId } = await one<{ id: number }>(`SELECT "id" FROM "App" WHERE "name" = ?`, [APP]);
const pick = async (text: string, params: (string | number)[]) =>
  Number(Object.values((await one<Record<string, number>>(text, [appId, ...params])) ?? { x: 0 })[0]);
const consumer = await pick(`SELECT "id" FROM "Consumer" WHERE "appId" = ? AND "identifier" = ?`, ["cust_0010"]);
const rareConsumer = await pick(`SELECT "id" FROM "Consumer" WHERE "appId" = ? AND "identifier" = ?`, ["cust_0450"]);
const group = await pick(`SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ? AND "name" = ?`, ["Enterprise"]);
const endpoint = await pick(`SELECT "id" FROM "Endpoint" WHERE "appId" = ? AND "method" = ? AND "path" = ?`, [
  "GET",
  "/v1/orders/{id}",
]);
// Consumer 10 calls from 10.0.0.40–43 (DemoTraffic.logLine).
const QUERIES: [string, string][] = [
  ["no filter", ""],
  ["env", "env=staging"],
  ["consumer", `consumer=${consumer}`],
  ["consumer of the long tail", `consumer=${rareConsumer}`],
  ["group", `group=${group}`],
  ["method", "method=DELETE"],
  ["endpoint", `endpoint=${endpoint}`],
  ["URL contains", "url=orders/42"],
  ["status 404", "status=404"],
  ["status 5xx", "status=5xx"],
  ["response time ≥ 1 s", "minMs=1000"],
  ["response time ≤ 5 ms", "maxMs=5"],
  ["client IP", "ip=10.0.0.41"],
  ["has exception", "exception=1"],
  ["request body, rare word", `reqBody=${RARE_WORD}`],
  ["request body, common word", `reqBody=${COMMON_WORD}`],
  ["response body, rare word", `resBody=${RARE_WORD}`],
  ["response body, common word", `resBody=${COMMON_WORD}`],
];
const nowMs = car.end * 1000 + 60_000;
const queries: LogsOutput["queries"] = [];
for (const [name, params] of QUERIES) {
  const { filters, request, issues } = parseRequestFilters(new URLSearchParams(`period=30d&${params}`), nowMs);
  if (issues.length) throw new Error(`${name}: ${JSON.stringify(issues)}`);
  const samples: number[] = [];
  let found = 0;
  let more = false;
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    const page = await getRequestList(appId, filters, request);
    if (run > 0) samples.push(performance.now() - t0); // the first run warms the cache
    found = page.rows.length;
    more = page.next !== null;
  }
  const s = summarise(samples);
  queries.push({ name, params, found, more, samples, ...s });
  log(
    `${name.padEnd(28)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  (${found} rows${more ? ", more" : ""})`,
  );
}

// 1,000-line files as the /log route takes them, after the seeded data so they add to the newest logs; removed again
// afterwards. One at a time: staged (the 202), then expanded. Then a stream, one file every STREAM_GAP_MS, staged while
// the expander queue (as the route's after-response work) stores the files before.
const staged: number[] = [];
const expand: number[] = [];
const visible: number[] = [];
let expandedLines = 0;
const files = Math.max(2, Number(values.files));
const fileAt = (i: number) => car.end + 60 + i * 60;
const fileBody = (i: number) => logFileBody(traffic.logLines(1_000_000 + i, fileAt(i), fileAt(i) + 60, FILE_LINES));
const accept = async (body: Buffer, fileUuid: string, i: number) => {
  const inflated = await inflate(body, BODY_LIMITS.log.decompressed);
  return acceptLogFile(appId, "prod", fileUuid, inflated, body, fileAt(i) + 60);
};
for (let i = 0; i < files; i++) {
  const body = fileBody(i);
  const fileUuid = randomUUID();
  const t0 = performance.now();
  await accept(body, fileUuid, i);
  const t1 = performance.now();
  const r = await expandLogFile(appId, fileUuid);
  const t2 = performance.now();
  if (i === 0) continue; // warm-up
  staged.push(t1 - t0);
  expand.push(t2 - t1);
  visible.push(t2 - t0);
  expandedLines += r.lines;
}
const STREAM_GAP_MS = 250;
const streamStaged: number[] = [];
const s0 = performance.now();
const bodies = Array.from({ length: files }, (_, k) => fileBody(files + k));
for (let k = 0; k < files; k++) {
  const due = s0 + k * STREAM_GAP_MS;
  if (performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
  const fileUuid = randomUUID();
  const t0 = performance.now();
  await accept(bodies[k], fileUuid, files + k);
  streamStaged.push(performance.now() - t0);
  void queueLogFile(appId, fileUuid);
}
while ((await stagedLogFileCount(db, appId)) > 0) await new Promise((r) => setTimeout(r, 10));
const streamDrainMs = performance.now() - s0;
await db.run(`DELETE FROM "RequestLog" WHERE "appId" = ? AND "ts" >= ?`, [appId, car.end + 60]);
const storeOut: LogsOutput["store"] = {
  lines: FILE_LINES,
  stagedMs: summarise(staged),
  expandMs: summarise(expand),
  visibleMs: summarise(visible),
  expandLinesPerSecond: expandedLines / (expand.reduce((a, b) => a + b, 0) / 1000),
  streamStagedMs: summarise(streamStaged),
  streamGapMs: STREAM_GAP_MS,
  streamDrainMs,
};
log(
  `a ${FILE_LINES}-line file: stored (202) p50 ${storeOut.stagedMs.p50.toFixed(1)} ms p95 ${storeOut.stagedMs.p95.toFixed(1)} ms; ` +
    `visible p50 ${storeOut.visibleMs.p50.toFixed(1)} ms p95 ${storeOut.visibleMs.p95.toFixed(1)} ms; ` +
    `expander ${Math.round(storeOut.expandLinesPerSecond)} lines/s; in a stream: stored (202) p95 ` +
    `${storeOut.streamStagedMs.p95.toFixed(1)} ms`,
);

// The CSV export of one environment's logs (an eighth of them), streamed page by page as the export route streams it.
const EXPORT_PARAMS = "period=30d&env=staging&format=csv";
const ex = parseExportParams(new URLSearchParams(EXPORT_PARAMS), nowMs);
const mb = (b: number) => b / 1024 / 1024;
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
const e0 = performance.now();
let exportBytes = 0;
let exportLines = 0;
const reader = exportStream(exportPages(appId, ex.filters, ex.request, ex.options)).getReader();
for (let r = await reader.read(); !r.done; r = await reader.read()) {
  exportBytes += r.value.byteLength;
  for (const byte of r.value) if (byte === 10) exportLines++;
}
const exportMs = performance.now() - e0;
clearInterval(sampler);
rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
const exportCsv: LogsOutput["exportCsv"] = {
  params: EXPORT_PARAMS,
  rows: exportLines - 1, // the header; no body columns, so no line breaks inside a field
  bytes: exportBytes,
  ms: exportMs,
  rowsPerSecond: (exportLines - 1) / (exportMs / 1000),
  rssBeforeMb: mb(rssBefore),
  rssPeakMb: mb(rssPeak),
};
log(
  `CSV export (${EXPORT_PARAMS}): ${exportCsv.rows} rows in ${(exportMs / 1000).toFixed(1)} s, ` +
    `${Math.round(exportCsv.rowsPerSecond)} rows/s, RSS ${exportCsv.rssBeforeMb.toFixed(0)} → peak ${exportCsv.rssPeakMb.toFixed(0)} MB`,
);

// One retention pass as the server runs it, at the data's end: the oldest of the 16 days goes.
const before = Number(
  (await one<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestLog" WHERE "appId" = ?`, [appId])).n,
);
const retention = { deleted: 0, ms: 0, before };
class Rollback extends Error {}
try {
  await db.tx(async (q) => {
    const r = await runRetention({ db: q, now: car.end });
    retention.deleted = r.deleted.RequestLog ?? 0;
    retention.ms = r.ms;
    throw new Rollback();
  });
} catch (e) {
  if (!(e instanceof Rollback)) throw e;
}
log(`retention: ${retention.deleted} of ${before} logs in ${retention.ms} ms (rolled back)`);

const sizeBytes =
  db.kind === "postgres"
    ? Number((await one<{ b: number }>(`SELECT pg_database_size(current_database()) AS "b"`)).b)
    : Number(
        (await one<{ b: number }>(`SELECT page_count * page_size AS "b" FROM pragma_page_count(), pragma_page_size()`))
          .b,
      );

const out: LogsOutput = {
  rows: car.rows,
  days: car.days,
  seededNow,
  seedSeconds: car.seedSeconds,
  seedPath: car.path,
  migrated,
  migrateMs,
  queries,
  store: storeOut,
  exportCsv,
  retention,
  sizeBytes,
};
await db.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
