// Several servers on one database: two `next start` processes tick every second, and a due health
// check is still run by one of them only (its one retry included), with one incident.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { createApp, createUser } from "../helpers/factory";
import { freePort, startServer, stopServer } from "../helpers/stack";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
const { saveHealthCheck } = await import("@/lib/uptime/settings");

let hits = 0;
const failing = createServer((_req, res) => {
  hits++;
  res.writeHead(503).end();
});
const procs: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-two-servers-"));

beforeAll(async () => {
  await new Promise<void>((r) => failing.listen(0, "127.0.0.1", r));
  const env = {
    DATABASE_URL: inject("databaseUrl"),
    TALLYHUB_DATA_DIR: dataDir,
    AUTH_SECRET: "test-secret-test-secret-test-secret",
    TALLYHUB_MONITOR_INTERVAL_SECONDS: "1",
  };
  for (const s of await Promise.all([0, 1].map(async () => startServer(env, await freePort())))) procs.push(s.proc);
});

afterAll(async () => {
  await Promise.all(procs.map(stopServer));
  failing.closeAllConnections();
  await new Promise((r) => failing.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

it("two servers ticking on one database run a due check once and open one incident", async () => {
  const owner = await createUser();
  const app = await createApp({ ownerId: owner.id, envs: ["prod"] });
  const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/health`;
  const saved = await saveHealthCheck(owner.id, app.id, {
    envId: "1",
    url,
    method: "GET",
    intervalSeconds: "600",
    timeoutSeconds: "2",
    expectedStatus: "",
    bodyContains: "",
    headers: "",
    enabled: "on",
  });
  expect(saved.ok).toBe(true);
  const incidents = () => sql().all<{ cause: string }>(`SELECT "cause" FROM "Incident" WHERE "appId" = ?`, [app.id]);
  await expect.poll(async () => (await incidents()).length, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
  expect(hits).toBe(2); // one run and its retry, by one server
  expect(await incidents()).toEqual([{ cause: "Health check failed: HTTP 503" }]);
  const results = await sql().all(`SELECT "ts" FROM "HealthCheckResult" WHERE "appId" = ?`, [app.id]);
  expect(results).toHaveLength(1);
  await prisma().app.deleteMany({ where: { id: app.id } });
});
