// Monitoring runs inside the server on a schedule, and with several servers on one database a rule fires once: two
// `next start` processes ticking every second on this project's database, one rule that breaches at once.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApp } from "../helpers/factory";
import { freePort, startServer, stopServer } from "../helpers/stack";

const servers: ChildProcess[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-monitor-"));
    const { proc } = await startServer(
      {
        DATABASE_URL: inject("databaseUrl"),
        TALLYHUB_DATA_DIR: dataDir,
        AUTH_SECRET: "two-servers",
        TALLYHUB_MONITOR_INTERVAL_SECONDS: "1",
      },
      await freePort(),
    );
    servers.push(proc);
  }
});

afterAll(async () => {
  await Promise.all(servers.map(stopServer));
});

it("two servers ticking every second fire a breaching rule exactly once", async () => {
  const app = await createApp({ envs: ["prod"] });
  const channelId = randomUUID();
  await prisma().alertChannel.create({
    data: {
      appId: app.id,
      id: channelId,
      name: "hook",
      kind: "webhook",
      config: JSON.stringify({ url: "http://127.0.0.1:9/", secret: "s" }),
    },
  });
  const ruleId = randomUUID();
  await prisma().alertRule.create({
    data: {
      appId: app.id,
      id: ruleId,
      envId: 1,
      name: "Traffic dropped",
      metric: "requests",
      windowMinutes: 5,
      operator: "lt",
      threshold: 1000,
      channelIds: JSON.stringify([channelId]),
    },
  });
  await expect
    .poll(() => prisma().alertEvent.count({ where: { appId: app.id, ruleId } }), { timeout: 30_000, interval: 250 })
    .toBe(1);
  // A few more ticks of both servers: the rule is not due again for a minute, and nothing is sent twice.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await prisma().alertEvent.count({ where: { appId: app.id, ruleId } })).toBe(1);
  expect(await prisma().alertDelivery.count({ where: { appId: app.id, ruleId, kind: "firing" } })).toBe(1);
  expect(
    await prisma().alertRule.findUniqueOrThrow({ where: { appId_id: { appId: app.id, id: ruleId } } }),
  ).toMatchObject({
    state: "firing",
    lastValue: 0,
  });
});
