// Endpoints table, response times and the endpoint drill-down on the hand-computed fixture.
import { beforeAll, describe, expect, it } from "vitest";
import { getEndpointDetail } from "@/lib/queries/endpoint-detail";
import { getEndpointsTable } from "@/lib/queries/endpoints-table";
import { getResponseTimes } from "@/lib/queries/response-times";
import { C, EP, filtersAt, M, seedDashboardApp } from "../helpers/dashboard-fixture";
import { createApp } from "../helpers/factory";

let appId: number;
const f = filtersAt;

beforeAll(async () => {
  appId = (await seedDashboardApp()).id;
});

describe("endpoints table", () => {
  it("lists every endpoint, never-called ones too, with exact numbers", async () => {
    const rows = await getEndpointsTable(appId, f("period=1h"));
    expect(rows.map((r) => r.id)).toEqual([EP.list, EP.get, EP.create, EP.health, EP.delete]);
    const [list, get, create, health, del] = rows;
    expect(list).toMatchObject({
      method: "GET",
      path: "/items",
      requests: 19,
      errors: 4,
      errorRate: 4 / 19,
      bytesIn: 0,
      bytesOut: 7900,
      serverErrors: 0,
    });
    // bins {0:4, 10:8, 20:5, 100:2}: p50 rank 9.5 → 10 + 10·5.5/8; p95 rank 18.05 → 100 + 10·1.05/2
    expect(list.p50).toBeCloseTo(16.875, 9);
    expect(list.p95).toBeCloseTo(105.25, 9);
    expect(get).toMatchObject({ requests: 5, errors: 3, errorRate: 0.6, bytesOut: 500, serverErrors: 0 });
    expect(get.p50).toBeCloseTo(25 / 3, 9); // bins {0:3, 30:2}: rank 2.5 in bin 0
    expect(get.p95).toBeCloseTo(38.75, 9);
    expect(create).toMatchObject({
      method: "POST",
      requests: 3,
      errors: 1,
      errorRate: 1 / 3,
      bytesIn: 2000,
      bytesOut: 500,
      serverErrors: 1,
    });
    expect(create.p50).toBeCloseTo(57.5, 9);
    expect(create.p95).toBeCloseTo(1008.5, 9);
    for (const idle of [health, del])
      expect(idle).toMatchObject({ requests: 0, errors: 0, errorRate: null, p50: null, p95: null, serverErrors: 0 });
    expect(del).toMatchObject({ method: "DELETE", path: "/items/{id}" });
  });

  it("narrows the list by endpoint search and method, the numbers by the other filters", async () => {
    expect((await getEndpointsTable(appId, f("period=1h&endpoint=GET /items*"))).map((r) => r.id)).toEqual([
      EP.list,
      EP.get,
    ]);
    expect((await getEndpointsTable(appId, f("period=1h&method=DELETE"))).map((r) => [r.id, r.requests])).toEqual([
      [EP.delete, 0],
    ]);
    const dev = await getEndpointsTable(appId, f("period=1h&env=dev"));
    expect(dev.map((r) => [r.id, r.requests, r.serverErrors])).toEqual([
      [EP.create, 2, 0],
      [EP.health, 0, 0],
      [EP.list, 0, 0],
      [EP.delete, 0, 0],
      [EP.get, 0, 0],
    ]);
    const byAcme4xx = await getEndpointsTable(appId, f(`period=1h&consumer=${C.acme}&status=4xx`));
    expect(byAcme4xx.slice(0, 2).map((r) => [r.id, r.requests, r.errorRate])).toEqual([
      [EP.list, 4, 1],
      [EP.get, 3, 1],
    ]);
    expect(byAcme4xx.every((r) => r.serverErrors === 0)).toBe(true);
  });

  it("flags server errors from the error rollups in the window", async () => {
    const rows = await getEndpointsTable(appId, f("period=24h"));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.serverErrors]))).toEqual({
      [EP.list]: 0,
      [EP.get]: 2,
      [EP.create]: 1,
      [EP.delete]: 0,
      [EP.health]: 0,
    });
  });
});

describe("response times", () => {
  it("computes percentiles over all endpoints and per bucket", async () => {
    const rt = await getResponseTimes(appId, f("period=1h"));
    // all bins: 0:7, 10:8, 20:5, 30:2, 50:2, 100:2, 1000:1 (27)
    expect(rt.histogram).toEqual([
      { bin: 0, count: 7 },
      { bin: 10, count: 8 },
      { bin: 20, count: 5 },
      { bin: 30, count: 2 },
      { bin: 50, count: 2 },
      { bin: 100, count: 2 },
      { bin: 1000, count: 1 },
    ]);
    expect(rt.overall.p50).toBeCloseTo(18.125, 9);
    expect(rt.overall.p99).toBeCloseTo(1007.3, 9);
    expect(rt.points).toHaveLength(60);
    expect(rt.points.find((p) => p.t === (M - 1) * 60)).toEqual({
      t: (M - 1) * 60,
      partial: false,
      p50: 1005,
      p75: 1007.5,
      p95: 1009.5,
      p99: 1009.9,
    });
    expect(rt.points.find((p) => p.t === (M - 2) * 60)).toMatchObject({ p50: null, p99: null });
  });
});

describe("endpoint detail", () => {
  it("gives one endpoint's traffic, consumers, percentiles, Apdex, sizes and errors", async () => {
    const d = (await getEndpointDetail(appId, EP.list, f("period=1h&method=POST&endpoint=/nothing")))!;
    expect(d.endpoint).toEqual({
      id: EP.list,
      method: "GET",
      path: "/items",
      summary: null,
      description: null,
      apdexTMs: 20,
      apdexTSource: "endpoint",
      appApdexTMs: 500,
    });
    expect(d.totals.current).toMatchObject({ requests: 19, errors: 4 });
    expect(d.statusCodes).toEqual([200, 422]);
    expect(d.statusChart.find((p) => p.t === (M - 10) * 60)).toEqual({
      t: (M - 10) * 60,
      partial: false,
      "200": 15,
      "422": 0,
    });
    expect(d.statusChart[d.statusChart.length - 1]).toEqual({ t: M * 60, partial: true, "200": 0, "422": 4 });
    expect(d.topConsumers).toEqual([
      { id: C.acme, identifier: "acme", name: "Acme Corp", requests: 14, errorRate: 4 / 14 },
      { id: C.globex, identifier: "globex", name: null, requests: 5, errorRate: 0 },
    ]);
    const at10 = d.responseTimes.points.find((p) => p.t === (M - 10) * 60)!;
    expect(at10.p50).toBeCloseTo(18.75, 9); // {0:4, 10:4, 20:5, 100:2}: rank 7.5
    expect(at10.p75).toBeCloseTo(26.5, 9);
    expect(at10.p95).toBeCloseTo(106.25, 9);
    expect(at10.p99).toBeCloseTo(109.25, 9);
    expect(d.responseTimes.points[59]).toMatchObject({ partial: true, p50: 15 });
    expect(d.responseTimes.histogram).toEqual([
      { bin: 0, count: 4 },
      { bin: 10, count: 8 },
      { bin: 20, count: 5 },
      { bin: 100, count: 2 },
    ]);
    // T = 20 ms: satisfied bins 0 and 10 (12), tolerating up to 80 ms: bin 20 (5), frustrated bin 100 (2)
    expect(d.apdex).toEqual({ score: (12 + 5 / 2) / 19, thresholdMs: 20, satisfied: 12, tolerating: 5, frustrated: 2 });
    expect(d.sizes).toEqual({ avgRequestBytes: null, avgResponseBytes: 7900 / 19 });
    expect(d.validationErrors.map((e) => [e.id, e.count])).toEqual([[1, 4]]);
    expect(d.serverErrors).toEqual([]);
  });

  it("uses the app's Apdex threshold when the endpoint has none, and averages known sizes only", async () => {
    const d = (await getEndpointDetail(appId, EP.create, f("period=1h")))!;
    expect(d.endpoint).toMatchObject({ apdexTMs: 500, apdexTSource: "app" });
    expect(d.apdex).toMatchObject({ satisfied: 2, tolerating: 1, frustrated: 0, score: 2.5 / 3 });
    expect(d.sizes.avgRequestBytes).toBe(1000); // 2000 bytes over the 2 requests with a known size
    expect(d.serverErrors.map((e) => [e.id, e.count, e.consumers])).toEqual([[1, 1, 1]]);
    expect(d.topConsumers).toEqual([
      { id: C.initech, identifier: "initech", name: "Initech", requests: 1, errorRate: 1 },
    ]);
  });

  it("hides hidden consumers from the top list and is null for unknown endpoints", async () => {
    const d = (await getEndpointDetail(appId, EP.get, f("period=1h")))!;
    expect(d.topConsumers.map((c) => c.identifier)).toEqual(["acme"]); // hooli (2 requests) is hidden
    expect(await getEndpointDetail(appId, 99, f("period=1h"))).toBeNull();
    const other = await createApp();
    expect(await getEndpointDetail(other.id, EP.list, f("period=1h"))).toBeNull();
  });
});
