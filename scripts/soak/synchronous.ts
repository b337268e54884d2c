// What SQLite's `synchronous` setting costs the ingest (`npm run soak -- --synchronous N`): the same N syncs, in the
// shapes of the captured clients, stored one after another through the hub's own parse + store code on a fresh
// database file per setting. NORMAL (what lib/db/connect.ts sets) writes each commit to the WAL and fsyncs at
// checkpoints; FULL also fsyncs the WAL at every commit, so a commit survives power loss, not only a process kill.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPrisma, openSqliteFile } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";
import { sqliteSql } from "../../lib/db/sql";
import { parseSync } from "../../lib/ingest/parse";
import { storeSync } from "../../lib/ingest/store";
import { createApp } from "../../tests/helpers/factory";
import { SimulatedInstance } from "../../tests/helpers/sync-traffic";
import { loadAverage } from "../bench/machine";
import { ms, percentile, table } from "../bench/stats";

const MODES = ["NORMAL", "FULL"] as const;

async function storeAll(mode: (typeof MODES)[number], bodies: Buffer[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-synchronous-"));
  try {
    const url = `file:${path.join(dir, "soak.db")}`;
    const raw = openSqliteFile(url);
    raw.pragma(`synchronous = ${mode}`);
    const db = sqliteSql(raw);
    await migrate(db);
    const prisma = openPrisma(url);
    const app = await createApp({ envs: ["prod"] }, prisma);
    await prisma.$disconnect();
    const times: number[] = [];
    const start = performance.now();
    for (const body of bodies) {
      const t = performance.now();
      await storeSync(app.id, "prod", parseSync(body), { db });
      times.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    raw.close();
    return { mode, perSecond: bodies.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureSynchronous(n: number): Promise<string> {
  const instances = Array.from({ length: 20 }, (_, i) => new SimulatedInstance(i));
  const bodies = Array.from({ length: n }, (_, i) => Buffer.from(instances[i % instances.length].nextSync().body));
  const load = loadAverage();
  const runs = [];
  for (const mode of MODES) runs.push(await storeAll(mode, bodies));
  const [normal, full] = runs;
  return [
    `SQLite synchronous: ${n} syncs stored one after another (parse + store, no HTTP); load average ${load.join(", ")}`,
    table(
      ["synchronous", "syncs/s", "p50", "p99"],
      runs.map((r) => [r.mode, r.perSecond.toFixed(0), ms(r.p50), ms(r.p99)]),
      [1, 2, 3],
    ),
    `FULL costs ${ms(full.p50 - normal.p50)} more per sync at the median (${(normal.perSecond / full.perSecond).toFixed(2)}× the time)`,
  ].join("\n");
}
