// kill -9 of the server in the middle of sustained ingest, then a new server on the same database: every sync the
// hub acknowledged is stored exactly once, the instances' resends deliver the rest, and nothing is counted twice.
// A server of this file's own on the project's database takes the traffic, so the shared one is left alone.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { balanced, conserve } from "../helpers/conservation";
import { createApp } from "../helpers/factory";
import { crashServer, freePort, startServer, stopServer } from "../helpers/stack";
import { deliver, driveInstances, SimulatedInstance, type Attempt } from "../helpers/sync-traffic";

const INSTANCES = 6;
const SYNCS = 240;
const KILL_AFTER_ACKS = 80;

let server: ChildProcess;
let port: number;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-crash-"));
const env = () => ({ DATABASE_URL: inject("databaseUrl"), TALLYHUB_DATA_DIR: dataDir, AUTH_SECRET: "crash-kill9" });

beforeAll(async () => {
  port = await freePort();
  server = (await startServer(env(), port)).proc;
});

afterAll(async () => {
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

it(
  "a server killed with SIGKILL mid-ingest and restarted stores every sync exactly once",
  { timeout: 180_000 },
  async () => {
    const app = await createApp({ envs: ["prod"] });
    const url = `http://127.0.0.1:${port}/v2/${app.clientId}/prod/sync`;
    const byStatus = new Map<number, number>();
    const onAttempt = (a: Attempt) => byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const acks = () => byStatus.get(202) ?? 0;
    let started = 0;
    // Resends every 250 ms for up to a minute: longer than a restart takes on a loaded machine.
    const traffic = driveInstances({
      url,
      instances: INSTANCES,
      intervalMs: 0,
      done: () => started++ >= SYNCS,
      delivery: { attempts: 240, retryMs: 250, onAttempt },
    });

    while (acks() < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 20));
    await crashServer(server);
    server = (await startServer(env(), port)).proc;
    const ledger = await traffic;

    // The kill cut the instances off mid-stream: requests failed without an answer and were sent again.
    expect(byStatus.get(0) ?? 0).toBeGreaterThan(0);
    expect([...byStatus.keys()].sort()).toEqual([0, 202]);
    expect(ledger).toHaveLength(SYNCS);
    expect(await conserve(sql(), app.id, ledger)).toEqual(balanced(ledger));

    // The check sees a sync counted twice: forget one receipt, resend that sync, and the surplus is its requests.
    const again = new SimulatedInstance(0).nextSync();
    const delivery = { attempts: 1, retryMs: 0 };
    expect(await deliver(url, again.body, delivery)).toBe(true);
    await sql().run(`DELETE FROM "IngestReceipt" WHERE "appId" = ? AND "kind" = 'sync' AND "uuid" = ?`, [
      app.id,
      again.uuid,
    ]);
    expect(await deliver(url, again.body, delivery)).toBe(true);
    const tampered = await conserve(sql(), app.id, [...ledger, { ...again, acked: true }]);
    expect(tampered.requestsDoubled).toBe(again.requests);
  },
);
