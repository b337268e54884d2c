// The Instances view's read models over syncs and startups sent through the real /v2/… routes: per-bucket CPU and
// memory averaged per instance, then across instances with the lowest and highest, the environment filter, and
// instances up, stale or never synced; then the view's JSON route and page.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFilters } from "@/lib/filters";
import { getInstancesList } from "@/lib/queries/instances-list";
import { getResourceUsage } from "@/lib/queries/resource-usage";
import { createApp } from "../helpers/factory";
import { get, signIn, userWithPassword } from "../helpers/http-session";
import { makeSync, postJson } from "../helpers/hub-db";

const MB = 1_000_000;
// Whole minutes, a few back from now, so they sit inside the last hour.
const M = Math.floor(Date.now() / 60_000) - 5;
const A = randomUUID();
const B = randomUUID();
const C = randomUUID(); // dev
const D = randomUUID(); // prod, a startup and no sync yet

let appId: number;
let owner: string;
let stranger: string;

async function sync(clientId: string, env: string, instance: string, second: number, cpu: number, rss: number) {
  const body = makeSync({
    timestamp: second,
    instance_uuid: instance,
    resources: { cpu_percent: cpu, memory_rss: rss },
  });
  expect((await postJson(clientId, env, "sync", body)).status).toBe(202);
}

const filters = (q: string) => parseFilters(new URLSearchParams(q)).filters;
const point = (usage: Awaited<ReturnType<typeof getResourceUsage>>, minute: number) =>
  usage.points.find((p) => p.t === minute * 60);

beforeAll(async () => {
  const [a, b] = [await userWithPassword(), await userWithPassword()];
  const app = await createApp({ ownerId: a.id, envs: ["prod", "dev"] });
  appId = app.id;
  owner = await signIn(a.email);
  stranger = await signIn(b.email);

  const startup = {
    instance_uuid: A,
    message_uuid: randomUUID(),
    paths: [],
    versions: { apitally: "0.25.8", nodejs: "20.20.2", express: "5.3.0", app: "1.2.3" },
    client: "js:express",
  };
  expect((await postJson(app.clientId, "prod", "startup", startup)).status).toBe(202);
  expect(
    (await postJson(app.clientId, "prod", "startup", { ...startup, instance_uuid: D, message_uuid: randomUUID() }))
      .status,
  ).toBe(202);
  // A's first sync of a process carries no resources.
  expect((await postJson(app.clientId, "prod", "sync", makeSync({ timestamp: M * 60, instance_uuid: A }))).status).toBe(
    202,
  );
  await sync(app.clientId, "prod", A, M * 60 + 5, 10, 100 * MB);
  await sync(app.clientId, "prod", A, M * 60 + 35, 30, 300 * MB);
  await sync(app.clientId, "prod", B, M * 60 + 20, 50, 1000 * MB);
  await sync(app.clientId, "prod", A, (M + 1) * 60 + 10, 5, 150 * MB);
  await sync(app.clientId, "dev", C, M * 60 + 40, 90, 500 * MB);
});

describe("resource usage", () => {
  it("averages each instance over the bucket, then across instances with the lowest and highest", async () => {
    const usage = await getResourceUsage(appId, filters("period=1h&env=prod"));
    expect(usage.bucket).toBe("minute");
    expect(usage.hasSamples).toBe(true);
    expect(point(usage, M)).toMatchObject({
      cpuAvg: 35,
      cpuMin: 20,
      cpuMax: 50,
      rssAvg: 600 * MB,
      rssMin: 200 * MB,
      rssMax: 1000 * MB,
      instances: 2,
    });
    expect(point(usage, M + 1)).toMatchObject({ cpuAvg: 5, cpuMin: 5, cpuMax: 5, rssAvg: 150 * MB, instances: 1 });
    // Minutes without samples are "no data", not zero.
    expect(point(usage, M - 1)).toMatchObject({ cpuAvg: null, rssMax: null, instances: null });
  });

  it("filters by environment through the instance", async () => {
    const all = await getResourceUsage(appId, filters("period=1h"));
    expect(point(all, M)).toMatchObject({ cpuMin: 20, cpuMax: 90, instances: 3 });
    expect(point(all, M)!.cpuAvg).toBeCloseTo((20 + 50 + 90) / 3, 9);
    const dev = await getResourceUsage(appId, filters("period=1h&env=dev"));
    expect(point(dev, M)).toMatchObject({ cpuAvg: 90, instances: 1 });
    expect(point(dev, M + 1)).toMatchObject({ cpuAvg: null });
  });

  it("groups minutes into the period's hourly buckets", async () => {
    const usage = await getResourceUsage(appId, filters("period=24h&env=prod"));
    const hours = usage.points.filter((p) => p.instances !== null);
    // A's two minutes may fall into two hours; whatever the clock, every sample is counted once per instance.
    expect(hours.reduce((n, p) => n + p.instances!, 0)).toBe(Math.floor(M / 60) === Math.floor((M + 1) / 60) ? 2 : 3);
  });
});

describe("instances list", () => {
  it("lists the environment's instances with client, versions and times; up while they sync", async () => {
    const { rows, truncated } = await getInstancesList(appId, filters("period=1h&env=prod"));
    expect(truncated).toBe(false);
    expect(rows.map((r) => r.uuid).sort()).toEqual([A, B, D].sort());
    const a = rows.find((r) => r.uuid === A)!;
    expect(a).toMatchObject({
      env: "prod",
      client: "js:express",
      versions: { apitally: "0.25.8", app: "1.2.3", nodejs: "20.20.2", express: "5.3.0" },
      status: "live",
      hasResources: true,
    });
    expect(a.startupAt).not.toBeNull();
    expect(a.lastSyncAt).toBeGreaterThanOrEqual(a.firstSeen);
    expect(rows.find((r) => r.uuid === B)).toMatchObject({ client: null, versions: {}, startupAt: null });
    expect(rows.find((r) => r.uuid === D)).toMatchObject({ status: "none", lastSyncAt: null, hasResources: false });
  });

  it("calls an instance stale once it has not synced for a few minutes", async () => {
    const later = Date.now() + 10 * 60_000;
    const { rows } = await getInstancesList(appId, filters("period=1h"), later);
    expect(rows.find((r) => r.uuid === A)!.status).toBe("idle");
    expect(rows.find((r) => r.uuid === C)).toMatchObject({ env: "dev", status: "idle" });
  });

  it("leaves out instances not alive in the period", async () => {
    const past = filters("from=2026-01-01T00:00Z&to=2026-01-01T01:00Z");
    expect((await getInstancesList(appId, past)).rows).toEqual([]);
    expect((await getResourceUsage(appId, past)).hasSamples).toBe(false);
  });
});

describe("instances view", () => {
  it("serves the bundle to the app's team only, and the page", async () => {
    const r = await get(`/api/apps/${appId}/views/instances?period=1h&env=dev&consumer=5`, owner);
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      data: { instances: { rows: { uuid: string }[] }; resources: { hasSamples: boolean }; requests: unknown[] };
    };
    expect(body.data.instances.rows.map((i) => i.uuid)).toEqual([C]);
    expect(body.data.resources.hasSamples).toBe(true);
    expect(body.data.requests).toHaveLength(60);
    expect((await get(`/api/apps/${appId}/views/instances`, stranger)).status).toBe(404);
    expect((await get(`/api/apps/${appId}/views/instances`)).status).toBe(401);
    const page = await get(`/apps/${appId}/instances?period=1h`, owner);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("CPU and memory");
    expect(html).toContain(A.slice(0, 8));
  });
});
