// The request-log bench's own databases (section 8): data/bench/logs-sqlite.db and the PostgreSQL database
// tallyhub_bench_logs, apart from the demo databases so a million logs do not change the other sections' figures.
// A sidecar file records the seeding once it finished (rows, seed, the data's last second); a missing or different
// one means the database is rebuilt, so a half-seeded database is never measured.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PG_ADMIN_URL, pgAdmin } from "../../tests/helpers/stack";
import { DEMO_DIR } from "./demo";
import type { Kind } from "./ingest";

export const LOGS_PG_DATABASE = "tallyhub_bench_logs";

export interface LogsSidecar {
  rows: number;
  seed: number;
  days: number;
  /** Epoch seconds just past the newest seeded log: the bench's "now". */
  end: number;
  seededAt: string;
  seedSeconds: number;
  /** How the logs went in (the ingest code path, without HTTP). */
  path: string;
}

const sqliteFile = () => path.resolve(DEMO_DIR, "logs-sqlite.db");

export const logsUrl = (kind: Kind) =>
  kind === "sqlite" ? `file:${sqliteFile()}` : PG_ADMIN_URL.replace(/\/[^/]*$/, `/${LOGS_PG_DATABASE}`);

export const logsSidecarPath = (kind: Kind) => path.resolve(DEMO_DIR, `logs-${kind}.json`);

export function readLogsSidecar(kind: Kind): LogsSidecar | null {
  try {
    return JSON.parse(readFileSync(logsSidecarPath(kind), "utf8")) as LogsSidecar;
  } catch {
    return null;
  }
}

/** Whether the database holds a finished seed of this size; if not, it is dropped and created empty. */
export async function ensureLogsDb(kind: Kind, want: { rows: number; seed: number; reseed: boolean }) {
  mkdirSync(DEMO_DIR, { recursive: true });
  const car = readLogsSidecar(kind);
  const exists =
    kind === "sqlite"
      ? existsSync(sqliteFile())
      : await pgAdmin(
          async (c) =>
            (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [LOGS_PG_DATABASE])).rowCount === 1,
        );
  if (!want.reseed && exists && car && car.rows === want.rows && car.seed === want.seed) return { seeded: true, car };
  rmSync(logsSidecarPath(kind), { force: true });
  if (kind === "sqlite") {
    for (const f of ["", "-wal", "-shm", "-journal"]) rmSync(`${sqliteFile()}${f}`, { force: true });
  } else {
    await pgAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${LOGS_PG_DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${LOGS_PG_DATABASE}`);
    });
  }
  return { seeded: false, car: null };
}
