// PostgreSQL restarted under sustained ingest: while it is down the hub answers 503 (never a 500, never a dropped
// connection), once it is back the same Tallyhub process serves 202 again, and the instances' resends are counted
// once. Runs a PostgreSQL of its own (the shared one keeps running), so it runs in the postgres project only.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPrisma, openSql, type Prisma } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import type { Sql } from "@/lib/db/sql";
import { balanced, conserve } from "../helpers/conservation";
import { createApp } from "../helpers/factory";
import { startPrivatePostgres, type PrivatePostgres } from "../helpers/private-postgres";
import { freePort, startServer, stopServer } from "../helpers/stack";
import { driveInstances, type Attempt } from "../helpers/sync-traffic";

let postgres: PrivatePostgres;
let server: ChildProcess;
let baseUrl: string;
let db: Sql;
let prisma: Prisma;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-pg-restart-"));

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE tallyhub");
  await admin.end();
  const url = postgres.urlOf("tallyhub");
  db = openSql(url);
  await migrate(db);
  prisma = openPrisma(url);
  ({ baseUrl, proc: server } = await startServer(
    { DATABASE_URL: url, TALLYHUB_DATA_DIR: dataDir, AUTH_SECRET: "pg-restart" },
    await freePort(),
  ));
});

afterAll(async () => {
  if (server) await stopServer(server);
  await prisma?.$disconnect();
  await db?.close();
  postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

it(
  "answers 503 while PostgreSQL is down and 202 again once it is back, counting every sync once",
  { timeout: 180_000 },
  async () => {
    const app = await createApp({ envs: ["prod"] }, prisma);
    const byStatus = new Map<number, number>();
    const onAttempt = (a: Attempt) => byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const count = (status: number) => byStatus.get(status) ?? 0;
    const until = async (ok: () => boolean) => {
      while (!ok()) await new Promise((r) => setTimeout(r, 20));
    };
    let stop = false;
    const traffic = driveInstances({
      url: `${baseUrl}/v2/${app.clientId}/prod/sync`,
      instances: 4,
      intervalMs: 50,
      done: () => stop,
      delivery: { attempts: 400, retryMs: 100, onAttempt },
    });

    await until(() => count(202) >= 40);
    postgres.stop();
    await until(() => count(503) >= 20);
    const acksWhileDown = count(202);
    postgres.start();
    await until(() => count(202) >= acksWhileDown + 40);
    stop = true;
    const ledger = await traffic;

    // The Tallyhub process lived through it: every answer came from it, and only ever 202 or 503.
    expect(server.exitCode).toBeNull();
    expect([...byStatus.keys()].sort()).toEqual([202, 503]);
    expect(await conserve(db, app.id, ledger)).toEqual(balanced(ledger));
  },
);
