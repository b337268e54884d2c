// Started detached by scripts/bench/cleanup.ts: waits for the benchmark process to end and,
// if it ended without releasing them (the state file is still there), stops its servers,
// drops its scratch PostgreSQL databases and removes its temporary directories.
//   node scripts/bench/watchdog.mjs <benchmark pid> <state file>
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";

const [pidArg, stateFile] = process.argv.slice(2);
const benchPid = Number(pidArg);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
};

function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8"));
  } catch {
    return null; // gone: the benchmark finished cleanly
  }
}

while (alive(benchPid)) {
  await sleep(500);
  if (!readState()) process.exit(0);
}

const state = readState();
if (!state) process.exit(0);
const signal = (r, sig) => {
  try {
    process.kill(r.group ? -r.pid : r.pid, sig);
    return true;
  } catch {
    return false;
  }
};
const processes = state.resources.filter((r) => "pid" in r);
for (const r of processes) signal(r, "SIGTERM");
for (let i = 0; i < 30 && processes.some((r) => signal(r, 0)); i++) await sleep(100);
for (const r of processes) signal(r, "SIGKILL");

const databases = state.resources.filter((r) => "pgDatabase" in r).map((r) => r.pgDatabase);
if (databases.length) {
  const client = new pg.Client({ connectionString: state.adminUrl });
  try {
    await client.connect();
    for (const name of databases)
      await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`).catch(() => undefined);
  } catch {
    /* the server is unreachable: nothing more to do */
  } finally {
    await client.end().catch(() => undefined);
  }
}
for (const r of state.resources.filter((r) => "dir" in r)) rmSync(r.dir, { recursive: true, force: true });
rmSync(stateFile, { force: true });
