// A PostgreSQL server of a test's own (initdb into a temporary folder, a free port), for tests that stop and start
// the database under a running Tallyhub: the shared test PostgreSQL is never touched. PostgreSQL refuses to run as
// root, so as root its commands run as the `postgres` user, in a folder that user owns.
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./stack";

export interface PrivatePostgres {
  /** Its `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** A URL of a database on it. */
  urlOf(database: string): string;
  start(): void;
  /** `pg_ctl stop -m fast`: open connections are cut, as in a restart for maintenance or a failover. */
  stop(): void;
  /** Stops it for good (immediately) and deletes its folder. */
  destroy(): void;
}

/** The newest installed PostgreSQL's bin folder (Debian's /usr/lib/postgresql/<version>/bin). */
function pgBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL under ${root}`);
  return path.join(root, versions[0], "bin");
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-pg-"));
  const asRoot = process.getuid?.() === 0;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  if (asRoot) chownSync(dir, id("-u"), id("-g"));
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-w", ...args]);
  const server: PrivatePostgres = {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    urlOf: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgCtl("start", "-l", path.join(dir, "postgres.log"), "-o", options),
    stop: () => pgCtl("stop", "-m", "fast"),
    destroy() {
      try {
        pgCtl("stop", "-m", "immediate");
      } catch {
        /* not running */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
