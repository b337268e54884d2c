// The demo databases the read and page sections run on: data/bench/demo-sqlite.db and the
// PostgreSQL database tallyhub_bench_demo, seeded by scripts/seed-demo.ts (the same code as
// `npm run seed:demo`: migrate, demo user, createApp, seedDemoTraffic through the ingest
// code). A sidecar file records the scale once seeding has finished; a missing or
// different one means the database is rebuilt, so a half-seeded database is never used.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "../../lib/db";
import { openSql } from "../../lib/db/connect";
import { PG_ADMIN_URL, pgAdmin } from "../../tests/helpers/stack";
import { track } from "./cleanup";
import type { Kind } from "./ingest";

export const DEMO_EMAIL = "demo@tallyhub.local";
export const DEMO_PASSWORD = "demo-password";
export const DEMO_APP = "Demo API";
export const DEMO_PG_DATABASE = "tallyhub_bench_demo";
export const DEMO_DIR = "data/bench";

export interface DemoScale {
  days: number;
  consumers: number;
  endpoints: number;
  rowsPerMinute: number;
  seed: number;
}

export interface DemoDb {
  kind: Kind;
  url: string;
  appId: number;
  scale: DemoScale;
  /** When seeding finished; the data runs up to about then. */
  seededAt: string;
  seededNow: boolean;
  seedSeconds: number | null;
}

interface Sidecar {
  scale: DemoScale;
  seededAt: string;
  seedSeconds: number;
}

export function demoUrl(kind: Kind): string {
  return kind === "sqlite"
    ? `file:${path.resolve(DEMO_DIR, "demo-sqlite.db")}`
    : PG_ADMIN_URL.replace(/\/[^/]*$/, `/${DEMO_PG_DATABASE}`);
}

const sidecarPath = (kind: Kind) => path.resolve(DEMO_DIR, `demo-${kind}.json`);

function readSidecar(kind: Kind): Sidecar | null {
  try {
    return JSON.parse(readFileSync(sidecarPath(kind), "utf8")) as Sidecar;
  } catch {
    return null;
  }
}

const sameScale = (a: DemoScale, b: DemoScale) =>
  a.days === b.days &&
  a.consumers === b.consumers &&
  a.endpoints === b.endpoints &&
  a.rowsPerMinute === b.rowsPerMinute &&
  a.seed === b.seed;

async function databaseExists(kind: Kind): Promise<boolean> {
  if (kind === "sqlite") return existsSync(path.resolve(DEMO_DIR, "demo-sqlite.db"));
  return pgAdmin(
    async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DEMO_PG_DATABASE])).rowCount === 1,
  );
}

/** The demo app's id, or null when the database has none. */
export async function findDemoApp(db: Sql): Promise<number | null> {
  try {
    const rows = await db.all<{ id: number }>(
      `SELECT "App"."id" AS "id" FROM "App" JOIN "Membership" m ON m."teamId" = "App"."teamId"
       JOIN "User" ON "User"."id" = m."userId"
       WHERE "User"."email" = ? AND "App"."name" = ? ORDER BY "App"."id" LIMIT 1`,
      [DEMO_EMAIL, DEMO_APP],
    );
    return rows.length ? Number(rows[0].id) : null;
  } catch {
    return null; // no tables yet
  }
}

async function demoAppIn(kind: Kind): Promise<number | null> {
  if (!(await databaseExists(kind))) return null;
  const db = openSql(demoUrl(kind));
  try {
    return await findDemoApp(db);
  } finally {
    await db.close();
  }
}

async function recreate(kind: Kind) {
  if (kind === "sqlite") {
    const file = path.resolve(DEMO_DIR, "demo-sqlite.db");
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    return;
  }
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DEMO_PG_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DEMO_PG_DATABASE}`);
  });
}

function runSeed(kind: Kind, scale: DemoScale): Promise<void> {
  const args = [
    "--conditions=react-server", // lib/db is server-only
    "--import",
    "./scripts/server-layer.mjs", // next/navigation as Next.js loads it on the server
    "scripts/seed-demo.ts",
    "--days",
    String(scale.days),
    "--consumers",
    String(scale.consumers),
    "--endpoints",
    String(scale.endpoints),
    "--rows-per-minute",
    String(scale.rowsPerMinute),
    "--seed",
    String(scale.seed),
    "--email",
    DEMO_EMAIL,
    "--password",
    DEMO_PASSWORD,
    "--app",
    DEMO_APP,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), args, {
      env: { ...process.env, DATABASE_URL: demoUrl(kind) },
      // Its report and progress bar go to stderr: stdout is kept for the benchmark's table.
      stdio: ["ignore", 2, 2],
    });
    const untrack = child.pid ? track({ pid: child.pid, group: false }) : () => undefined;
    child.on("error", reject);
    child.on("exit", (code) => {
      untrack();
      if (code === 0) resolve();
      else reject(new Error(`seeding the ${kind} demo database failed (exit ${code})`));
    });
  });
}

export async function ensureDemo(
  kind: Kind,
  scale: DemoScale,
  o: { reseed: boolean; log: (s: string) => void },
): Promise<DemoDb> {
  mkdirSync(DEMO_DIR, { recursive: true });
  const sidecar = readSidecar(kind);
  const appId = await demoAppIn(kind);
  if (!o.reseed && appId !== null && sidecar && sameScale(sidecar.scale, scale)) {
    return {
      kind,
      url: demoUrl(kind),
      appId,
      scale,
      seededAt: sidecar.seededAt,
      seededNow: false,
      seedSeconds: sidecar.seedSeconds,
    };
  }
  const why = o.reseed
    ? "--reseed given"
    : appId === null
      ? "no demo app yet"
      : !sidecar
        ? "no record of a finished seed"
        : "it holds another scale";
  o.log(
    `[${kind}] demo database ${kind === "sqlite" ? path.join(DEMO_DIR, "demo-sqlite.db") : DEMO_PG_DATABASE}: ` +
      `seeding (${why}): ${scale.days} days, ${scale.consumers} consumers, ${scale.endpoints} endpoints, ` +
      `${scale.rowsPerMinute} rows/minute`,
  );
  if (scale.days >= 7)
    o.log(`[${kind}]   this takes a while: at the default scale (30 days) tens of minutes per database`);
  rmSync(sidecarPath(kind), { force: true });
  await recreate(kind);
  const t0 = Date.now();
  await runSeed(kind, scale);
  const seedSeconds = (Date.now() - t0) / 1000;
  const seededAt = new Date().toISOString();
  writeFileSync(sidecarPath(kind), JSON.stringify({ scale, seededAt, seedSeconds } satisfies Sidecar, null, 2));
  const id = await demoAppIn(kind);
  if (id === null) throw new Error(`[${kind}] the demo app is missing after seeding`);
  return { kind, url: demoUrl(kind), appId: id, scale, seededAt, seededNow: true, seedSeconds };
}
