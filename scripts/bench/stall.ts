// Section "stall": how long a dashboard request can be held up while huge syncs are stored. A
// signed-in user's Traffic view (GET /api/apps/:id/views/traffic, what the page polls) is asked for
// every 20 ms over HTTP against `next start`, first on an idle server, then while syncs of ~30,000
// request rows each (near the 8 MiB body limit; several hundred thousand database rows with their
// bins and rollup tiers) are posted one after another. Reports the longest wait and p99 of the
// dashboard request in both phases, and what each sync took. Nothing passes or fails.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { openSql } from "../../lib/db/connect";
import { DemoTraffic } from "../../lib/demo/traffic";
import { signInAt } from "../../tests/helpers/sign-in";
import { startTestStack } from "../../tests/helpers/stack";
import type { Kind } from "./ingest";
import { percentile, sleep } from "./stats";

export interface StallOptions {
  /** Request rows per sync. */
  rows: number;
  syncs: number;
  /** Idle polling before the syncs, in milliseconds. */
  idleMs: number;
  port?: number;
  log: (s: string) => void;
}

export interface StallResult {
  rows: number;
  bodyBytes: number;
  /** Database rows the syncs added, all tables. */
  dbRowsPerSync: number;
  idle: { p99Ms: number; maxMs: number; n: number };
  loaded: { p99Ms: number; maxMs: number; n: number };
  syncMs: number[];
}

export const PASSWORD = "stall-bench-password";
const POLL_GAP_MS = 20;

export async function benchStall(kind: Kind, o: StallOptions): Promise<StallResult> {
  const stack = await startTestStack(kind, { server: true, port: o.port });
  const db = openSql(stack.databaseUrl);
  try {
    const { appId, clientId, email } = await seedUser(db);
    const cookie = await signInAt(stack.baseUrl, email, PASSWORD);
    const view = `${stack.baseUrl}/api/apps/${appId}/views/traffic?period=24h`;
    const first = await fetch(view, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`traffic view answered ${first.status}`);
    await first.arrayBuffer();

    const idle = await poll(view, cookie, () => sleep(o.idleMs));
    // Deterministic traffic: a catalogue wide enough for `rows` distinct (endpoint, consumer, status) rows.
    const traffic = new DemoTraffic({ endpoints: 200, consumers: 4000, seed: 7, rowsPerMinute: o.rows });
    const minute = traffic.busyMinute(7);
    const before = await totalRows(db);
    const syncMs: number[] = [];
    let bodyBytes = 0;
    const now = Math.floor(Date.now() / 1000);
    const loaded = await poll(view, cookie, async () => {
      for (let i = 0; i < o.syncs; i++) {
        const body = JSON.stringify({
          timestamp: now - 60 * (o.syncs - i),
          instance_uuid: "00000000-0000-4000-8000-00000000000a",
          message_uuid: randomUUID(),
          ...minute,
          resources: null,
        });
        bodyBytes = Buffer.byteLength(body);
        const t0 = performance.now();
        const r = await fetch(`${stack.baseUrl}/v2/${clientId}/prod/sync`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await r.arrayBuffer();
        if (r.status !== 202) throw new Error(`sync answered ${r.status}`);
        syncMs.push(performance.now() - t0);
        o.log(`[${kind}] stall: sync ${i + 1}/${o.syncs} stored in ${Math.round(syncMs[i])} ms`);
      }
    });
    const dbRowsPerSync = Math.round(((await totalRows(db)) - before) / o.syncs);
    return { rows: o.rows, bodyBytes, dbRowsPerSync, idle, loaded, syncMs };
  } finally {
    await db.close();
    await stack.stop();
  }
}

/** Polls the view every POLL_GAP_MS until `during` ends; the latencies' p99 and maximum. */
async function poll(url: string, cookie: string, during: () => Promise<unknown>) {
  const latencies: number[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      const r = await fetch(url, { headers: { cookie } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`traffic view answered ${r.status}`);
      latencies.push(performance.now() - t0);
      await sleep(POLL_GAP_MS);
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await poller;
  }
  return { p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies), n: latencies.length };
}

/** A user who owns one app, straight into the tables (the bench signs in as them with PASSWORD). */
export async function seedUser(db: ReturnType<typeof openSql>) {
  const id = randomUUID();
  const email = `stall-${id.slice(0, 8)}@example.com`;
  const clientId = randomUUID();
  await db.run(`INSERT INTO "User" ("id", "email", "passwordHash", "currentTeamId") VALUES (?, ?, ?, ?)`, [
    id,
    email,
    await hashPassword(PASSWORD),
    id,
  ]);
  await db.run(`INSERT INTO "Team" ("id", "name") VALUES (?, ?)`, [id, "stall bench"]);
  await db.run(`INSERT INTO "Membership" ("teamId", "userId", "role") VALUES (?, ?, 'owner')`, [id, id]);
  const [app] = await db.all<{ id: number }>(
    `INSERT INTO "App" ("teamId", "name", "framework", "clientId") VALUES (?, 'stall bench', 'fastapi', ?) RETURNING "id"`,
    [id, clientId],
  );
  return { appId: Number(app.id), clientId, email };
}

/** Rows in every table of the database (the syncs' footprint). */
async function totalRows(db: ReturnType<typeof openSql>): Promise<number> {
  const tables =
    db.kind === "sqlite"
      ? await db.all<{ name: string }>(
          `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" NOT LIKE '%fts%'`,
        )
      : await db.all<{ name: string }>(
          `SELECT "tablename" AS "name" FROM pg_tables WHERE "schemaname" = current_schema()`,
        );
  let n = 0;
  for (const t of tables) n += Number((await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${t.name}"`))[0].n);
  return n;
}
