// Traffic read models on the hand-computed fixture (tests/helpers/dashboard-fixture.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { getTrafficChart } from "@/lib/queries/traffic-chart";
import { getTrafficTotals } from "@/lib/queries/traffic-totals";
import { C, DAY, EP, filtersAt, G, HOUR, M, seedDashboardApp } from "../helpers/dashboard-fixture";

let appId: number;
const f = filtersAt;
const requests = async (q: string) => (await getTrafficTotals(appId, f(q))).current.requests;

beforeAll(async () => {
  appId = (await seedDashboardApp()).id;
});

describe("traffic totals", () => {
  it("sums the last hour and the hour before, all environments", async () => {
    const t = await getTrafficTotals(appId, f("period=1h"));
    expect(t.current).toEqual({
      requests: 27,
      requestsPerMinute: 27 / 60,
      errors: 8,
      clientErrors: 7,
      serverErrors: 1,
      errorRate: 8 / 27,
      bytesIn: 2000,
      bytesOut: 8900,
      consumers: 4,
    });
    expect(t.previous).toEqual({
      requests: 24,
      requestsPerMinute: 24 / 60,
      errors: 2,
      clientErrors: 0,
      serverErrors: 2,
      errorRate: 2 / 24,
      bytesIn: 0,
      bytesOut: 0,
      consumers: 1,
    });
  });

  it("filters by environment", async () => {
    expect(await requests("period=1h&env=prod")).toBe(25);
    expect(await requests("period=1h&env=dev")).toBe(2);
    expect(await requests("period=1h&env=all")).toBe(27);
    expect(await requests("period=1h&env=staging")).toBe(0);
    const dev = await getTrafficTotals(appId, f("period=1h&env=dev"));
    expect(dev.current).toMatchObject({ errors: 0, errorRate: 0, consumers: 0, bytesIn: 2000 });
  });

  it("filters by consumer, group, endpoint search, method and status", async () => {
    expect(await requests(`period=1h&consumer=${C.acme}`)).toBe(17);
    expect(await requests(`period=1h&group=${G.partners}`)).toBe(22);
    expect(await requests(`period=1h&group=${G.internal}`)).toBe(0);
    expect(await requests(`period=1h&endpoint=${EP.get}`)).toBe(5);
    expect(await requests("period=1h&endpoint=GET /items*")).toBe(24); // GET /items and GET /items/{id}
    expect(await requests("period=1h&endpoint=/items/*")).toBe(5); // anchored glob: only /items/{id}
    expect(await requests("period=1h&endpoint=ITEMS")).toBe(27); // plain text: contains, any case
    expect(await requests("period=1h&endpoint=post /ITEMS")).toBe(3);
    expect(await requests("period=1h&method=POST")).toBe(3);
    expect(await requests("period=1h&status=4xx")).toBe(7);
    expect(await requests("period=1h&status=500")).toBe(1);
    expect(await requests("period=1h&status=2xx")).toBe(19);
  });

  it("combines filters", async () => {
    expect(await requests(`period=1h&env=prod&group=${G.partners}&status=4xx`)).toBe(7);
    expect(await requests(`period=1h&consumer=${C.acme}&endpoint=GET /items/*&status=404`)).toBe(3);
    expect(await requests(`period=1h&consumer=${C.acme}&env=dev`)).toBe(0);
    const t = await getTrafficTotals(appId, f(`period=1h&env=prod&method=GET`));
    expect(t.current).toMatchObject({ requests: 24, errors: 7, errorRate: 7 / 24, consumers: 3 });
    expect(t.previous).toMatchObject({ requests: 24, errors: 2 });
  });

  it("counts a custom range by whole minutes, ends exclusive", async () => {
    const iso = (min: number) => new Date(min * 60_000).toISOString();
    expect(await requests(`from=${iso(M - 10)}&to=${iso(M - 5)}`)).toBe(15);
    expect(await requests(`from=${iso(M - 10)}&to=${iso(M - 4)}`)).toBe(22);
    expect(await requests(`from=${iso(HOUR - 61)}&to=${iso(HOUR - 60)}`)).toBe(9);
  });
});

describe("traffic chart", () => {
  it("1h: one point per minute, zeros in gaps, the current minute partial", async () => {
    const chart = await getTrafficChart(appId, f("period=1h"));
    expect(chart).toMatchObject({ bucket: "minute", bucketMinutes: 1 });
    expect(chart.points).toHaveLength(60);
    expect(chart.points[0].t).toBe((M - 59) * 60);
    const at = (min: number) => chart.points.find((p) => p.t === min * 60)!;
    expect(at(M - 10)).toEqual({
      t: (M - 10) * 60,
      partial: false,
      "1xx": 0,
      "2xx": 15,
      "3xx": 0,
      "4xx": 0,
      "5xx": 0,
      requests: 15,
      errors: 0,
      bytesIn: 0,
      bytesOut: 7500,
      consumers: 2,
    });
    expect(at(M - 5)).toMatchObject({ "2xx": 4, "4xx": 3, requests: 7, errors: 3, bytesIn: 2000, consumers: 2 });
    expect(at(M - 1)).toMatchObject({ "5xx": 1, requests: 1, errors: 1, consumers: 1 });
    expect(at(M - 2)).toMatchObject({ requests: 0, "2xx": 0, partial: false });
    expect(at(M)).toMatchObject({ partial: true, "4xx": 4, requests: 4 });
    expect(chart.points.filter((p) => p.partial)).toHaveLength(1);
    expect(chart.points.reduce((n, p) => n + (p.requests ?? 0), 0)).toBe(27);
  });

  it("leaves the current bucket empty (null), not zero, while it has no data", async () => {
    const chart = await getTrafficChart(appId, f("period=1h&env=dev"));
    const last = chart.points[chart.points.length - 1];
    expect(last).toMatchObject({ t: M * 60, partial: true, requests: null, "2xx": null });
    expect(chart.points[chart.points.length - 2]).toMatchObject({ requests: 0 });
  });

  it("24h: hourly buckets with exact hour boundaries", async () => {
    const chart = await getTrafficChart(appId, f("period=24h"));
    expect(chart.bucket).toBe("hour");
    expect(chart.points).toHaveLength(24);
    const at = (min: number) => chart.points.find((p) => p.t === min * 60)!;
    expect(at(HOUR)).toMatchObject({ requests: 27, partial: true });
    expect(at(HOUR - 60)).toMatchObject({ requests: 13, "2xx": 13, partial: false }); // 6 + 7 (13:00 belongs to 13h)
    expect(at(HOUR - 120)).toMatchObject({ requests: 111, "5xx": 2, "2xx": 109 }); // 2 + 9 (12:59) + 100
    expect(chart.points.reduce((n, p) => n + (p.requests ?? 0), 0)).toBe(151);
    expect((await getTrafficTotals(appId, f("period=24h"))).current.requests).toBe(151);
  });

  it("30d: daily buckets aligned to UTC midnight", async () => {
    const chart = await getTrafficChart(appId, f("period=30d"));
    expect(chart.bucket).toBe("day");
    expect(chart.points).toHaveLength(30);
    expect(chart.points[29]).toMatchObject({ t: DAY * 60, requests: 151, partial: true });
    expect(chart.points[27]).toMatchObject({ t: (DAY - 2880) * 60, requests: 5 }); // 03-08 23:59
    expect(chart.points[28]).toMatchObject({ requests: 0 });
    expect(chart.points.reduce((n, p) => n + (p.requests ?? 0), 0)).toBe(156);
  });

  it("applies the same filters as the totals", async () => {
    const chart = await getTrafficChart(appId, f(`period=24h&consumer=${C.acme}&status=2xx`));
    expect(chart.points.map((p) => p.requests ?? 0).filter(Boolean)).toEqual([100, 6, 10]);
  });
});
