// A throwaway Tallyhub: a fresh database plus `next start` on a free port. Used by the
// vitest integration projects, Playwright and the benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openSql } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";

export const PG_ADMIN_URL = process.env.TALLYHUB_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestStack {
  databaseUrl: string;
  baseUrl: string;
  dataDir: string;
  /** Pid of the `next start` process (also its process group: it is spawned detached), when a server runs. */
  pid?: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Runs fn with a connection to the PostgreSQL server's maintenance database. */
export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(kind: "sqlite" | "postgres", dataDir: string) {
  if (kind === "sqlite") {
    const url = `file:${path.join(dataDir, "test.db")}`;
    return { url, drop: async () => {} };
  }
  const name = `tallyhub_test_${process.pid}_${Date.now().toString(36)}`;
  await pgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: () => pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function startServer(
  env: Record<string, string>,
  port: number,
): Promise<{ baseUrl: string; proc: ChildProcess }> {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) throw new Error("No production build: run `npx next build` first");
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["scripts/server.mjs"], {
    // The retention schedule stays off: test data sits at fixed past dates it would fold. So does
    // monitoring, unless a test asks for it: tests run its passes themselves, at the times they choose.
    env: {
      ...process.env,
      TALLYHUB_RETENTION_INTERVAL_MINUTES: "0",
      TALLYHUB_MONITOR_INTERVAL_SECONDS: "0",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TALLYHUB_PUBLIC_URL: baseUrl,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  // TALLYHUB_SERVER_LOG=<file> keeps the server's output (it is otherwise only shown when the start fails).
  const keep = process.env.TALLYHUB_SERVER_LOG;
  const onData = (d: Buffer) => {
    log += d;
    if (keep) appendFileSync(keep, d);
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) return { baseUrl, proc };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not come up in 60 s:\n${log}`);
}

/** Sends a signal to the server's whole process group; false once the group has no processes left. */
function signalGroup(proc: ChildProcess, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-proc.pid!, sig);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(proc: ChildProcess, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 100));
    if (!signalGroup(proc, 0)) return true;
  }
  return false;
}

export async function stopServer(proc: ChildProcess) {
  // Signal the whole process group (the server and anything it started), and make sure it is gone.
  signalGroup(proc, "SIGTERM");
  if (!(await groupGone(proc, 2000))) signalGroup(proc, "SIGKILL");
}

/**
 * `kill -9` of the server's whole process group, as a crash or the OOM killer would end it: no shutdown code runs.
 * Resolves once every process of the group is gone, so a server started next can take the port.
 */
export async function crashServer(proc: ChildProcess) {
  signalGroup(proc, "SIGKILL");
  if (!(await groupGone(proc, 10_000))) throw new Error(`server group ${proc.pid} survived SIGKILL`);
}

/** `env`: settings for the server beyond the database ones (e.g. the sign-up policy); `port`: else a free one. */
export async function startTestStack(
  kind: "sqlite" | "postgres",
  opts: { server: boolean; env?: Record<string, string>; port?: number },
): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `tallyhub-${kind}-`));
  const database = await createTestDatabase(kind, dataDir);
  const db = openSql(database.url);
  await migrate(db);
  await db.close();
  let proc: ChildProcess | undefined;
  let baseUrl = "";
  if (opts.server) {
    const started = await startServer(
      {
        ...opts.env,
        DATABASE_URL: database.url,
        TALLYHUB_DATA_DIR: dataDir,
        AUTH_SECRET: "test-secret-test-secret-test-secret",
      },
      opts.port ?? (await freePort()),
    );
    proc = started.proc;
    baseUrl = started.baseUrl;
  }
  return {
    databaseUrl: database.url,
    baseUrl,
    dataDir,
    pid: proc?.pid,
    async stop() {
      if (proc) await stopServer(proc);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
