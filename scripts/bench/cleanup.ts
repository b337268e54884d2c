// What to undo if the benchmark dies half-way (Ctrl-C, a crash, a kill): the servers run in
// process groups of their own, so they outlive it, and scratch PostgreSQL databases would
// stay behind. Signal handlers cannot be relied on under tsx (its parent process SIGKILLs a
// child that does not acknowledge a signal within ~30 ms, and a busy run often does not),
// so a small detached watchdog holds the list of live resources in a state file and
// releases them once the benchmark's process is gone. Normal runs release everything
// themselves and untrack it; finishCleanly() then tells the watchdog to leave.
import { spawn } from "node:child_process";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PG_ADMIN_URL } from "../../tests/helpers/stack";

export type Resource =
  /** A process, or (group: true) the process group it leads. */
  | { pid: number; group: boolean }
  /** A database on PG_ADMIN_URL's server, dropped WITH (FORCE). */
  | { pgDatabase: string }
  /** A directory, removed recursively. */
  | { dir: string };

const stateFile = path.join(os.tmpdir(), `tallyhub-bench-${process.pid}.json`);
const live = new Map<number, Resource>();
let nextId = 1;
let started = false;

function save() {
  const tmp = `${stateFile}.tmp`;
  writeFileSync(tmp, JSON.stringify({ adminUrl: PG_ADMIN_URL, resources: [...live.values()] }));
  renameSync(tmp, stateFile);
}

/** Starts the watchdog (once per run). */
export function startWatchdog() {
  if (started) return;
  started = true;
  save();
  const child = spawn(process.execPath, [path.resolve("scripts/bench/watchdog.mjs"), String(process.pid), stateFile], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
}

/** Records a resource to release should the run die; returns the function that forgets it. */
export function track(r: Resource): () => void {
  const id = nextId++;
  live.set(id, r);
  if (started) save();
  return () => {
    live.delete(id);
    if (started) save();
  };
}

/** The PostgreSQL database named by a URL (null for SQLite). */
export function pgDatabaseOf(url: string): string | null {
  if (!/^postgres(ql)?:\/\//i.test(url)) return null;
  return decodeURIComponent(new URL(url).pathname.slice(1)) || null;
}

/** Tracks a test stack's data folder, PostgreSQL database and server; returns the function that forgets them. */
export function trackStack(stack: { dataDir: string; databaseUrl: string; pid?: number }): () => void {
  const pgDatabase = pgDatabaseOf(stack.databaseUrl);
  const forget = [
    track({ dir: stack.dataDir }),
    ...(pgDatabase ? [track({ pgDatabase })] : []),
    ...(stack.pid ? [track({ pid: stack.pid, group: true })] : []),
  ];
  return () => forget.forEach((f) => f());
}

/** Everything has been released: the watchdog exits when the state file is gone. */
export function finishCleanly() {
  rmSync(stateFile, { force: true });
}
