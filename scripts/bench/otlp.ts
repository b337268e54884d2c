// Section 1b: the OTLP/HTTP receiver (POST /v1/metrics, /v1/traces) against `next start` on a
// fresh database, beside the hub's 500-row /sync on the same server in the same run.
//  - Latency: sequential requests, the three kinds in turn (hub sync, OTLP metrics export,
//    OTLP trace export; the order rotates each round), each app on its own minute per request
//    as with a 60 s cycle. The ratio OTLP / hub is taken within each run, then the median.
//  - Where the time goes: the same kinds of bodies through the receiver's own steps in this
//    process, no HTTP (gunzip + body hash, protobuf decode, the OTLP zod schema, the mapping
//    into hub payloads, the store transaction), beside parseSync + storeSync for the hub.
//  - Sanity: afterwards the database must hold what was sent (receipts, request counts from
//    the histograms, one request log per SERVER span), else the figures measured nothing.
import { createHash, randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { newWriteToken } from "../../lib/apps/write-token";
import type { Sql } from "../../lib/db";
import { openSql } from "../../lib/db/connect";
import { decodeOtlp } from "../../lib/ingest/otlp/decode";
import { readMetrics } from "../../lib/ingest/otlp/metrics";
import { metricsExportSchema, tracesExportSchema } from "../../lib/ingest/otlp/schema";
import { readTraces } from "../../lib/ingest/otlp/traces";
import { parseSync } from "../../lib/ingest/parse";
import { storeOtlpMetrics, storeOtlpTraces, storeSync } from "../../lib/ingest/store";
import { nowSeconds } from "../../lib/store/time";
import { startTestStack } from "../../tests/helpers/stack";
import { trackStack } from "./cleanup";
import type { Kind } from "./ingest";
import { groupPeak, type TreePeak } from "./memory";
import { makeSeries, metricsExport, otlpHeaders, tracesExport, type OtlpBody, type OtlpSender } from "./otlp-payload";
import { makeTemplate, syncBody, syncHeaders, type SyncTemplate } from "./payload";
import { median, summarise, type Percentiles } from "./stats";

export interface OtlpOptions {
  runs: number;
  warmup: number;
  requestsPerRun: number;
  /** Series (data points per histogram) of a metrics export; rows of the hub sync beside it. */
  series: number;
  /** SERVER spans of a trace export. */
  spans: number;
  /** gzip the hub /sync bodies (the OTLP ones always are, as the SDK sends them). */
  gzip: boolean;
  log: (s: string) => void;
}

export const CASES = ["hub", "metrics", "traces"] as const;
export type Case = (typeof CASES)[number];
export const STAGES = ["gunzip", "decode", "schema", "map", "store"] as const;
export type Stage = (typeof STAGES)[number];

export interface OtlpRun {
  /** HTTP POST → 202 (hub) / 200 (OTLP), per request. */
  latency: Record<Case, Percentiles>;
  /** OTLP p50 / hub p50 and OTLP p95 / hub p95 of this run. */
  ratio: Record<Exclude<Case, "hub">, { p50: number; p95: number }>;
  /** The receiver's steps without HTTP, per export; `total` is their sum per export. */
  direct: Record<Exclude<Case, "hub">, Record<Stage | "total", Percentiles>>;
  /** The hub path without HTTP: parseSync (JSON + zod) and storeSync. */
  directHub: { parse: Percentiles; store: Percentiles; total: Percentiles };
  sanity: Sanity;
}

export interface Sanity {
  metricsExports: number;
  metricsReceipts: number;
  requestsSent: number;
  requestsCounted: number;
  traceExports: number;
  traceReceipts: number;
  serverSpansSent: number;
  requestLogs: number;
  ok: boolean;
}

export interface BodyStats {
  /** Gzip bytes on the wire (median over the bodies sent). */
  sentBytes: number;
  /** Protobuf (OTLP) or JSON (hub) bytes before gzip. */
  rawBytes: number;
  /** Data points or spans; request rows for the hub sync. */
  items: number;
}

export interface OtlpResult {
  kind: Kind;
  bodies: Record<Case, BodyStats>;
  runs: OtlpRun[];
  median: {
    latency: Record<Case, { p50: number; p95: number }>;
    ratio: Record<Exclude<Case, "hub">, { p50: number; p95: number }>;
    direct: Record<Exclude<Case, "hub">, Record<Stage | "total", { p50: number; p95: number }>>;
    directHub: {
      parse: { p50: number; p95: number };
      store: { p50: number; p95: number };
      total: { p50: number; p95: number };
    };
  };
  sanityOk: boolean;
  serverPeak: TreePeak | null;
}

interface BenchApp {
  id: number;
  clientId: string;
  writeToken: string;
  sender: OtlpSender;
  /** Epoch seconds of the minute of its next request (each request is the next minute). */
  nextMinute: number;
}

// Dated from 10 days ago onwards (a minute per request): inside every retention window, the request logs' 15 days
// too (the receiver leaves out spans older than that), never in the future.
const START_MINUTE = Math.floor(Date.now() / 60_000) * 60 - 10 * 86_400;
const ENV = "prod";

async function createApp(db: Sql, label: string): Promise<BenchApp> {
  const clientId = randomUUID();
  const writeToken = newWriteToken();
  await db.run(`INSERT INTO "Team" ("id", "name") VALUES (?, ?)`, [clientId, `bench ${clientId}`]);
  const [app] = await db.all<{ id: number }>(
    `INSERT INTO "App" ("teamId", "name", "framework", "clientId", "writeToken")
     VALUES (?, ?, 'fastapi', ?, ?) RETURNING "id"`,
    [clientId, `bench otlp ${label}`, clientId, writeToken],
  );
  return {
    id: Number(app.id),
    clientId,
    writeToken,
    sender: { instanceId: randomUUID(), env: ENV },
    nextMinute: START_MINUTE,
  };
}

async function post(url: string, body: Buffer<ArrayBuffer>, headers: Record<string, string>): Promise<number> {
  const r = await fetch(url, { method: "POST", headers, body });
  await r.arrayBuffer();
  return r.status;
}

const settleSockets = () => new Promise((r) => setTimeout(r, 200));

/** The bodies of one phase, built before it starts so the load generator idles while the server works. */
function buildBodies(app: BenchApp, n: number, series: ReturnType<typeof makeSeries>[], spans: number, seed: number) {
  const metrics: OtlpBody[] = [];
  const traces: OtlpBody[] = [];
  for (let i = 0; i < n; i++) {
    const minute = app.nextMinute;
    app.nextMinute += 60;
    metrics.push(metricsExport(series[i % series.length], app.sender, minute, seed + 2 * i, 3600 + i * 60));
    traces.push(tracesExport(spans, app.sender, minute, seed + 2 * i + 1));
  }
  return { metrics, traces };
}

function hubBody(app: BenchApp, t: SyncTemplate, gzip: boolean) {
  const timestamp = app.nextMinute + 0.123456;
  app.nextMinute += 60;
  return syncBody(t, { timestamp, instanceUuid: app.sender.instanceId, messageUuid: randomUUID() }, gzip);
}

async function count(db: Sql, text: string, params: (string | number)[]): Promise<number> {
  const [row] = await db.all<{ n: unknown }>(text, params);
  return Number(row?.n ?? 0);
}

async function checkSanity(db: Sql, app: BenchApp, sent: { metrics: OtlpBody[]; traces: OtlpBody[] }): Promise<Sanity> {
  const receipts = (kind: string) =>
    count(db, `SELECT COUNT(*) AS "n" FROM "IngestReceipt" WHERE "appId" = ? AND "kind" = ?`, [app.id, kind]);
  const s = {
    metricsExports: sent.metrics.length,
    metricsReceipts: await receipts("otlp-metrics"),
    requestsSent: sent.metrics.reduce((n, b) => n + b.requests, 0),
    requestsCounted: await count(
      db,
      `SELECT COALESCE(SUM("requestCount"), 0) AS "n" FROM "RequestRollup" WHERE "appId" = ?`,
      [app.id],
    ),
    traceExports: sent.traces.length,
    traceReceipts: await receipts("otlp-traces"),
    serverSpansSent: sent.traces.reduce((n, b) => n + b.requests, 0),
    requestLogs: await count(db, `SELECT COUNT(*) AS "n" FROM "RequestLog" WHERE "appId" = ?`, [app.id]),
  };
  const ok =
    s.metricsReceipts === s.metricsExports &&
    s.requestsCounted === s.requestsSent &&
    s.traceReceipts === s.traceExports &&
    s.requestLogs === s.serverSpansSent;
  return { ...s, ok };
}

const elapsed = (t0: number) => performance.now() - t0;

export async function benchOtlp(kind: Kind, o: OtlpOptions): Promise<OtlpResult> {
  o.log(`[${kind}] otlp: starting a fresh ${kind} database and next start`);
  const stack = await startTestStack(kind, { server: true });
  const untrack = trackStack(stack);
  const db = openSql(stack.databaseUrl);
  const n = o.warmup + o.requestsPerRun;
  try {
    // Eight variants of each, as the hub ingest section uses: consecutive requests differ like real traffic.
    const series = Array.from({ length: 8 }, (_, v) => makeSeries(o.series, 700_000 + v));
    const templates = Array.from({ length: 8 }, (_, v) => makeTemplate(o.series, 500_000 + v));
    const hubHeaders = syncHeaders(o.gzip);
    const bodyStats: Partial<Record<Case, BodyStats>> = {};

    const runs: OtlpRun[] = [];
    for (let run = 1; run <= o.runs; run++) {
      o.log(`[${kind}] otlp run ${run}/${o.runs}: building ${n} metrics and ${n} trace exports`);
      const hubApp = await createApp(db, `hub ${run}`);
      const otlpApp = await createApp(db, `http ${run}`);
      const http = buildBodies(otlpApp, n, series, o.spans, run * 1_000_000);
      const hubBodies = Array.from({ length: n }, (_, i) => hubBody(hubApp, templates[i % templates.length], o.gzip));
      const stats = (bodies: OtlpBody[]): BodyStats => ({
        sentBytes: median(bodies.map((b) => b.body.length)),
        rawBytes: median(bodies.map((b) => b.protobufBytes)),
        items: median(bodies.map((b) => b.items)),
      });
      bodyStats.metrics ??= stats(http.metrics);
      bodyStats.traces ??= stats(http.traces);
      if (!bodyStats.hub) {
        const sample = {
          timestamp: 1_800_000_000.123456,
          instanceUuid: "00000000-0000-4000-8000-000000000000",
          messageUuid: "00000000-0000-4000-8000-000000000001",
        };
        bodyStats.hub = {
          sentBytes: syncBody(templates[0], sample, o.gzip).length,
          rawBytes: syncBody(templates[0], sample, false).length,
          items: o.series,
        };
      }

      o.log(
        `[${kind}] otlp run ${run}/${o.runs}: latency over HTTP, ${o.warmup} warm-up then ${o.requestsPerRun} timed ` +
          `requests of each kind, in turn`,
      );
      await settleSockets();
      const otlpHeadersFor = otlpHeaders(otlpApp.writeToken, ENV);
      const samples: Record<Case, number[]> = { hub: [], metrics: [], traces: [] };
      const send: Record<Case, (i: number) => Promise<number>> = {
        hub: (i) => post(`${stack.baseUrl}/v2/${hubApp.clientId}/${ENV}/sync`, hubBodies[i], hubHeaders),
        metrics: (i) => post(`${stack.baseUrl}/v1/metrics`, http.metrics[i].body, otlpHeadersFor),
        traces: (i) => post(`${stack.baseUrl}/v1/traces`, http.traces[i].body, otlpHeadersFor),
      };
      const expected: Record<Case, number> = { hub: 202, metrics: 200, traces: 200 };
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < CASES.length; k++) {
          const c = CASES[(i + k) % CASES.length];
          const t0 = performance.now();
          const status = await send[c](i);
          const ms = elapsed(t0);
          if (status !== expected[c])
            throw new Error(`[${kind}] ${c} request answered HTTP ${status}, expected ${expected[c]}`);
          if (i >= o.warmup) samples[c].push(ms);
        }
      }
      const sanity = await checkSanity(db, otlpApp, http);
      o.log(
        `[${kind}]   stored: ${sanity.metricsReceipts}/${sanity.metricsExports} metrics exports, ` +
          `${sanity.requestsCounted}/${sanity.requestsSent} requests counted, ` +
          `${sanity.traceReceipts}/${sanity.traceExports} trace exports, ` +
          `${sanity.requestLogs}/${sanity.serverSpansSent} request logs${sanity.ok ? "" : "  ← MISMATCH"}`,
      );

      o.log(`[${kind}] otlp run ${run}/${o.runs}: the receiver's steps without HTTP`);
      const directApp = await createApp(db, `direct ${run}`);
      const directHubApp = await createApp(db, `direct hub ${run}`);
      const direct = buildBodies(directApp, n, series, o.spans, run * 1_000_000 + 500_000);
      const stageTimes = { metrics: newStages(), traces: newStages() };
      for (const signal of ["metrics", "traces"] as const) {
        for (let i = 0; i < n; i++) {
          const t: Record<Stage, number> = { gunzip: 0, decode: 0, schema: 0, map: 0, store: 0 };
          let t0 = performance.now();
          const raw = gunzipSync(direct[signal][i].body);
          const receipt = createHash("sha256").update(signal).update(raw).digest("hex");
          t.gunzip = elapsed(t0);
          t0 = performance.now();
          const decoded = decodeOtlp(signal, raw, "protobuf");
          t.decode = elapsed(t0);
          let stored: string;
          if (signal === "metrics") {
            t0 = performance.now();
            const exp = metricsExportSchema.parse(decoded);
            t.schema = elapsed(t0);
            t0 = performance.now();
            const instances = readMetrics(exp, ENV, receipt, nowSeconds());
            t.map = elapsed(t0);
            t0 = performance.now();
            stored = await storeOtlpMetrics(directApp.id, receipt, instances, { db });
            t.store = elapsed(t0);
          } else {
            t0 = performance.now();
            const exp = tracesExportSchema.parse(decoded);
            t.schema = elapsed(t0);
            t0 = performance.now();
            const instances = readTraces(exp, ENV, receipt);
            t.map = elapsed(t0);
            t0 = performance.now();
            stored = await storeOtlpTraces(directApp.id, receipt, instances, { db });
            t.store = elapsed(t0);
          }
          if (stored !== "stored") throw new Error(`[${kind}] direct ${signal} export ${i} was not stored (${stored})`);
          if (i >= o.warmup) {
            for (const s of STAGES) stageTimes[signal][s].push(t[s]);
            stageTimes[signal].total.push(STAGES.reduce((sum, s) => sum + t[s], 0));
          }
        }
      }
      const hubTimes = { parse: [] as number[], store: [] as number[], total: [] as number[] };
      for (let i = 0; i < n; i++) {
        const body = hubBody(directHubApp, templates[i % templates.length], false);
        let t0 = performance.now();
        const payload = parseSync(body);
        const parsed = elapsed(t0);
        t0 = performance.now();
        if ((await storeSync(directHubApp.id, ENV, payload, { db })) !== "stored")
          throw new Error(`[${kind}] direct hub sync ${i} was not stored`);
        const stored = elapsed(t0);
        if (i >= o.warmup) {
          hubTimes.parse.push(parsed);
          hubTimes.store.push(stored);
          hubTimes.total.push(parsed + stored);
        }
      }
      await settleSockets();

      const latency = {
        hub: summarise(samples.hub),
        metrics: summarise(samples.metrics),
        traces: summarise(samples.traces),
      };
      const ratio = (c: "metrics" | "traces") => ({
        p50: latency[c].p50 / latency.hub.p50,
        p95: latency[c].p95 / latency.hub.p95,
      });
      runs.push({
        latency,
        ratio: { metrics: ratio("metrics"), traces: ratio("traces") },
        direct: { metrics: summariseStages(stageTimes.metrics), traces: summariseStages(stageTimes.traces) },
        directHub: {
          parse: summarise(hubTimes.parse),
          store: summarise(hubTimes.store),
          total: summarise(hubTimes.total),
        },
        sanity,
      });
    }

    const serverPeak = stack.pid ? groupPeak(stack.pid) : null;
    const m = (pick: (r: OtlpRun) => Percentiles | { p50: number; p95: number }) => ({
      p50: median(runs.map((r) => pick(r).p50)),
      p95: median(runs.map((r) => pick(r).p95)),
    });
    const stagesOf = (c: "metrics" | "traces") =>
      Object.fromEntries([...STAGES, "total" as const].map((s) => [s, m((r) => r.direct[c][s])])) as Record<
        Stage | "total",
        { p50: number; p95: number }
      >;
    return {
      kind,
      bodies: bodyStats as Record<Case, BodyStats>,
      runs,
      median: {
        latency: {
          hub: m((r) => r.latency.hub),
          metrics: m((r) => r.latency.metrics),
          traces: m((r) => r.latency.traces),
        },
        ratio: { metrics: m((r) => r.ratio.metrics), traces: m((r) => r.ratio.traces) },
        direct: { metrics: stagesOf("metrics"), traces: stagesOf("traces") },
        directHub: {
          parse: m((r) => r.directHub.parse),
          store: m((r) => r.directHub.store),
          total: m((r) => r.directHub.total),
        },
      },
      sanityOk: runs.every((r) => r.sanity.ok),
      serverPeak,
    };
  } finally {
    await db.close();
    await stack.stop();
    untrack();
  }
}

function newStages(): Record<Stage | "total", number[]> {
  return { gunzip: [], decode: [], schema: [], map: [], store: [], total: [] };
}

function summariseStages(t: Record<Stage | "total", number[]>): Record<Stage | "total", Percentiles> {
  return Object.fromEntries(Object.entries(t).map(([k, xs]) => [k, summarise(xs)])) as Record<
    Stage | "total",
    Percentiles
  >;
}
