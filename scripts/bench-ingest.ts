// Measures the time to store a 500-row sync (500 rollup rows + 1,500 histogram bins), on a
// fresh SQLite file and a fresh PostgreSQL database: directly through lib/store, and over
// HTTP against `next start` (needs `npx next build` first).
//   npx tsx scripts/bench-ingest.ts [iterations]
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Sql } from "../lib/db";
import { openSql } from "../lib/db/connect";
import { parseSync } from "../lib/ingest/parse";
import { storeSync } from "../lib/store/sync";
import { startTestStack } from "../tests/helpers/stack";

const ITERATIONS = Number(process.argv[2] ?? 200);
const WARMUP = 20;

function syncBody(i: number) {
  const requests = [];
  for (let e = 0; e < 50; e++) {
    for (let c = 0; c < 10; c++) {
      requests.push({
        consumer: `consumer-${c}`, method: "GET", path: `/api/v1/resource-${e}/{id}`, status_code: 200, request_count: 12,
        request_size_sum: 0, response_size_sum: 12 * 850, response_times: { "0": 7, "10": 5 }, request_sizes: {}, response_sizes: { "0": 12 },
      });
    }
  }
  return Buffer.from(JSON.stringify({
    timestamp: 1795897898 + i * 10, instance_uuid: "2dd31438-ecbb-4ada-8b17-024f7eb96c7b", message_uuid: randomUUID(), requests,
    validation_errors: [], server_errors: [], consumers: [], resources: { cpu_percent: 3.5, memory_rss: 80_000_000 },
  }));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (n=${xs.length})`;

async function createApp(db: Sql): Promise<{ id: number; clientId: string }> {
  const clientId = randomUUID();
  await db.run(`INSERT INTO "User" ("id", "email", "passwordHash") VALUES (?, ?, 'x')`, [clientId, `${clientId}@bench`]);
  const [app] = await db.all<{ id: number }>(`INSERT INTO "App" ("ownerId", "name", "framework", "clientId") VALUES (?, 'bench', 'express', ?) RETURNING "id"`, [clientId, clientId]);
  return { id: Number(app.id), clientId };
}

async function bench(kind: "sqlite" | "postgres") {
  const stack = await startTestStack(kind, { server: true });
  const db = openSql(stack.databaseUrl);
  try {
    const direct = await createApp(db);
    const store: number[] = [];
    const parseAndStore: number[] = [];
    // CPU time of this process: what the direct path costs, whatever else the machine runs.
    const cpu: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const body = syncBody(i);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const payload = parseSync(body);
      const t1 = performance.now();
      if ((await storeSync(direct.id, "prod", payload, { db })) !== "stored") throw new Error("not stored");
      const t2 = performance.now();
      const c1 = process.cpuUsage(c0);
      if (i >= WARMUP) {
        store.push(t2 - t1);
        parseAndStore.push(t2 - t0);
        cpu.push((c1.user + c1.system) / 1000);
      }
    }
    const overHttp = await createApp(db);
    const http: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const body = syncBody(i);
      const t0 = performance.now();
      const r = await fetch(`${stack.baseUrl}/v2/${overHttp.clientId}/prod/sync`, { method: "POST", headers: { "content-type": "application/json" }, body });
      await r.arrayBuffer();
      if (r.status !== 202) throw new Error(`HTTP ${r.status}`);
      if (i >= WARMUP) http.push(performance.now() - t0);
    }
    const [rows] = await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RollupBin" WHERE "appId" = ?`, [overHttp.id]);
    console.log(`${kind}: 500-row sync (${(syncBody(0).length / 1024).toFixed(0)} KB JSON, 500 rollup rows + 1,500 bins; ${rows.n} bin rows after the run)`);
    console.log(`  lib/store storeSync:   ${fmt(store)}`);
    console.log(`  parse + storeSync:     ${fmt(parseAndStore)}`);
    console.log(`  … its CPU time:        ${fmt(cpu)}${kind === "postgres" ? " (this process only, not the server's)" : ""}`);
    console.log(`  HTTP POST /sync → 202: ${fmt(http)}`);
  } finally {
    await db.close();
    await stack.stop();
  }
}

console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
for (const kind of ["sqlite", "postgres"] as const) await bench(kind);
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
