// Section 1: ingest over HTTP against `next start` on a fresh database, beside the raw
// batched insert rate of the same rows (the physical limit) and storeSync without HTTP.
import { randomUUID } from "node:crypto";
import type { Sql } from "../../lib/db";
import { openSql } from "../../lib/db/connect";
import { parseSync } from "../../lib/ingest/parse";
import { storeSync } from "../../lib/ingest/store";
import { startTestStack } from "../../tests/helpers/stack";
import { trackStack } from "./cleanup";
import { groupPeak, type TreePeak } from "./memory";
import { makeTemplate, payloadStats, syncBody, syncHeaders, type PayloadStats, type SyncTemplate } from "./payload";
import { captureSample, measureRaw, type RawRun } from "./raw";
import { median, summarise, type Percentiles } from "./stats";

export type Kind = "sqlite" | "postgres";

export interface IngestOptions {
  runs: number;
  warmup: number;
  syncsPerRun: number;
  durationMs: number;
  sizes: number[];
  clients: number[];
  gzip: boolean;
  log: (s: string) => void;
}

export interface BenchApp {
  id: number;
  clientId: string;
  instanceUuid: string;
  /** Epoch seconds of its next sync: each sync is the next minute. */
  nextTs: number;
}

// Syncs are dated from 20 days ago onwards, a minute apart per app: inside any retention
// window, never in the future, and every sync is a fresh minute as with a 60 s sync cycle.
const START_TS = Math.floor(Date.now() / 60_000) * 60 - 20 * 86_400;

export async function createBenchApp(db: Sql, label: string): Promise<BenchApp> {
  const clientId = randomUUID();
  await db.run(`INSERT INTO "Team" ("id", "name") VALUES (?, ?)`, [clientId, `bench ${clientId}`]);
  const [app] = await db.all<{ id: number }>(
    `INSERT INTO "App" ("teamId", "name", "framework", "clientId") VALUES (?, ?, 'fastapi', ?) RETURNING "id"`,
    [clientId, `bench ${label}`, clientId],
  );
  return { id: Number(app.id), clientId, instanceUuid: randomUUID(), nextTs: START_TS };
}

export function nextBody(app: BenchApp, t: SyncTemplate, gzip: boolean): Buffer<ArrayBuffer> {
  const timestamp = app.nextTs + 0.123456; // py sends float seconds
  app.nextTs += 60;
  return syncBody(t, { timestamp, instanceUuid: app.instanceUuid, messageUuid: randomUUID() }, gzip);
}

/**
 * The raw-insert and storeSync phases block this process's event loop for seconds (the
 * SQLite driver is synchronous). Meanwhile the server closes the pooled keep-alive
 * connections it found idle; fetch notices only once the loop runs again. A short pause
 * lets it drop them, instead of writing the next sync into a closed socket.
 */
const settleSockets = () => new Promise((r) => setTimeout(r, 200));

async function post(url: string, body: Buffer<ArrayBuffer>, headers: Record<string, string>): Promise<number> {
  const r = await fetch(url, { method: "POST", headers, body });
  await r.arrayBuffer();
  return r.status;
}

export interface IngestRun {
  /** HTTP POST → 202 latency per sync size, sequential. */
  latency: Record<string, Percentiles>;
  /** storeSync of a parsed 500-row sync on the same database, no HTTP. */
  storeSync500: Percentiles;
  /** The CPU time of this process during those storeSync calls. */
  storeSync500Cpu: Percentiles;
  /** parseSync of the same bodies (validation + normalisation). */
  parse500: Percentiles;
  sustained: {
    clients: number;
    syncs: number;
    failed: number;
    seconds: number;
    requestRowsPerSec: number;
    ratioToRaw: number;
  }[];
  raw: RawRun[];
  rawBest: number;
}

export interface IngestResult {
  kind: Kind;
  payloads: PayloadStats[];
  sample: { requestRows: number; tableRows: number; tables: { name: string; rows: number }[] };
  runs: IngestRun[];
  median: {
    latency: Record<string, { p50: number; p95: number }>;
    storeSync500: { p50: number; p95: number };
    storeSync500Cpu: { p50: number; p95: number };
    parse500: { p50: number; p95: number };
    sustained: { clients: number; requestRowsPerSec: number; ratioToRaw: number; failed: number }[];
    raw: { concurrency: number; requestRowsPerSec: number }[];
    rawBest: number;
  };
  serverPeak: TreePeak | null;
}

export async function benchIngest(kind: Kind, o: IngestOptions): Promise<IngestResult> {
  o.log(`[${kind}] ingest: starting a fresh ${kind} database and next start`);
  const stack = await startTestStack(kind, { server: true });
  const untrack = trackStack(stack);
  const db = openSql(stack.databaseUrl);
  const headers = syncHeaders(o.gzip);
  const syncUrl = (app: BenchApp) => `${stack.baseUrl}/v2/${app.clientId}/prod/sync`;
  try {
    // A few variants per size, so consecutive syncs differ like real traffic does.
    const templates = new Map(
      o.sizes.map((n) => [n, Array.from({ length: 4 }, (_, v) => makeTemplate(n, n * 100 + v))]),
    );
    const t500 = Array.from({ length: 8 }, (_, v) => makeTemplate(500, 500_000 + v));
    const payloads = o.sizes.map((n) => payloadStats(templates.get(n)![0], o.gzip));

    // The raw-insert sample: one 500-row sync stored by storeSync, read back from every rollup table.
    const scratch = await createBenchApp(db, "raw sample");
    const sampleBody = nextBody(scratch, t500[0], false);
    if ((await storeSync(scratch.id, "prod", parseSync(sampleBody), { db })) !== "stored")
      throw new Error("sample sync not stored");
    const sample = await captureSample(db, scratch.id, 500);
    o.log(
      `[${kind}] raw sample: 500 request rows → ${sample.tableRows} rows in ` +
        `${sample.tables.map((t) => `${t.name} (${t.rows.length})`).join(", ")}`,
    );

    const runs: IngestRun[] = [];
    for (let run = 1; run <= o.runs; run++) {
      o.log(`[${kind}] ingest run ${run}/${o.runs}: latency per sync size`);
      const latency: Record<string, Percentiles> = {};
      const app = await createBenchApp(db, `latency ${run}`);
      await settleSockets();
      for (const size of o.sizes) {
        const variants = templates.get(size)!;
        const samples: number[] = [];
        for (let i = 0; i < o.warmup + o.syncsPerRun; i++) {
          const body = nextBody(app, variants[i % variants.length], o.gzip);
          const t0 = performance.now();
          const status = await post(syncUrl(app), body, headers);
          const elapsed = performance.now() - t0;
          if (status !== 202) throw new Error(`[${kind}] sync of ${size} rows answered HTTP ${status}`);
          if (i >= o.warmup) samples.push(elapsed);
        }
        latency[size] = summarise(samples);
      }

      o.log(`[${kind}] ingest run ${run}/${o.runs}: storeSync direct (no HTTP)`);
      const direct = await createBenchApp(db, `direct ${run}`);
      const storeTimes: number[] = [];
      const parseTimes: number[] = [];
      const cpuTimes: number[] = [];
      for (let i = 0; i < o.warmup + o.syncsPerRun; i++) {
        const body = nextBody(direct, t500[i % t500.length], false);
        const p0 = performance.now();
        const payload = parseSync(body);
        const parsed = performance.now() - p0;
        // CPU time of this process as well: what storing costs whatever else the machine runs
        // (all of it for SQLite, which runs in-process; the client side only for PostgreSQL).
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        if ((await storeSync(direct.id, "prod", payload, { db })) !== "stored")
          throw new Error("storeSync: not stored");
        const elapsed = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        if (i >= o.warmup) {
          storeTimes.push(elapsed);
          parseTimes.push(parsed);
          cpuTimes.push((cpu.user + cpu.system) / 1000);
        }
      }

      const raw: RawRun[] = [];
      // One writer at a time in SQLite; PostgreSQL takes parallel writers, so its limit is the best of several.
      for (const c of kind === "sqlite" ? [1] : o.clients) {
        o.log(`[${kind}] ingest run ${run}/${o.runs}: raw insert, ${c} connection(s), ${o.durationMs / 1000} s`);
        raw.push(await measureRaw(stack.databaseUrl, sample, c, o.durationMs));
      }
      const rawBest = Math.max(...raw.map((r) => r.requestRowsPerSec));

      const sustained: IngestRun["sustained"] = [];
      for (const clients of o.clients) {
        o.log(`[${kind}] ingest run ${run}/${o.runs}: sustained, ${clients} client(s), ${o.durationMs / 1000} s`);
        const apps = await Promise.all(
          Array.from({ length: clients }, (_, i) => createBenchApp(db, `sustained ${run}.${clients}.${i}`)),
        );
        await settleSockets();
        // Warm each app once (its endpoints and consumers exist afterwards, as for a running client).
        await Promise.all(apps.map((a, i) => post(syncUrl(a), nextBody(a, t500[i % t500.length], o.gzip), headers)));
        let syncs = 0;
        let failed = 0;
        const t0 = performance.now();
        const deadline = t0 + o.durationMs;
        await Promise.all(
          apps.map(async (a, i) => {
            for (let n = i; performance.now() < deadline; n++) {
              const status = await post(syncUrl(a), nextBody(a, t500[n % t500.length], o.gzip), headers);
              if (status === 202) syncs++;
              else failed++;
            }
          }),
        );
        const seconds = (performance.now() - t0) / 1000;
        const rate = (syncs * 500) / seconds;
        sustained.push({ clients, syncs, failed, seconds, requestRowsPerSec: rate, ratioToRaw: rate / rawBest });
        if (failed) o.log(`[${kind}]   ${failed} sync(s) were not answered 202`);
      }
      runs.push({
        latency,
        storeSync500: summarise(storeTimes),
        storeSync500Cpu: summarise(cpuTimes),
        parse500: summarise(parseTimes),
        sustained,
        raw,
        rawBest,
      });
    }

    const serverPeak = stack.pid ? groupPeak(stack.pid) : null;
    const m = (pick: (r: IngestRun) => number) => median(runs.map(pick));
    return {
      kind,
      payloads,
      sample: {
        requestRows: sample.requestRows,
        tableRows: sample.tableRows,
        tables: sample.tables.map((t) => ({ name: t.name, rows: t.rows.length })),
      },
      runs,
      median: {
        latency: Object.fromEntries(
          o.sizes.map((s) => [s, { p50: m((r) => r.latency[s].p50), p95: m((r) => r.latency[s].p95) }]),
        ),
        storeSync500: { p50: m((r) => r.storeSync500.p50), p95: m((r) => r.storeSync500.p95) },
        storeSync500Cpu: { p50: m((r) => r.storeSync500Cpu.p50), p95: m((r) => r.storeSync500Cpu.p95) },
        parse500: { p50: m((r) => r.parse500.p50), p95: m((r) => r.parse500.p95) },
        sustained: o.clients.map((c, i) => ({
          clients: c,
          requestRowsPerSec: m((r) => r.sustained[i].requestRowsPerSec),
          // The ratio of each run (both rates from the same run), then the median of those.
          ratioToRaw: m((r) => r.sustained[i].ratioToRaw),
          failed: runs.reduce((n, r) => n + r.sustained[i].failed, 0),
        })),
        raw: runs[0].raw.map((x, i) => ({
          concurrency: x.concurrency,
          requestRowsPerSec: m((r) => r.raw[i].requestRowsPerSec),
        })),
        rawBest: m((r) => r.rawBest),
      },
      serverPeak,
    };
  } finally {
    await db.close();
    await stack.stop();
    untrack();
  }
}
