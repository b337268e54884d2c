// The hourly and daily rollups must give exactly the answers of the per-minute rows:
// every view, for every period shape (whole days, whole hours, ragged custom edges, the
// still-filling hour) and filter, computed both ways on traffic stored through the
// ingest at scattered times over five weeks.
import { beforeAll, describe, expect, it } from "vitest";
import { loadView, type ViewName } from "@/lib/dashboard/views";
import { sql } from "@/lib/db";
import { mulberry32 } from "@/lib/demo/random";
import { DemoTraffic } from "@/lib/demo/traffic";
import { parseSync } from "@/lib/ingest/parse";
import { storeSync } from "@/lib/ingest/store";
import { segments, withSourceMode } from "@/lib/queries/source";
import { createApp } from "../helpers/factory";

const NOW = Date.UTC(2026, 5, 15, 12, 34, 20);
const NOW_S = NOW / 1000;
const iso = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString().slice(0, 16) + "Z";

let appId: number;
let busiestEndpoint: number;
let someConsumer: number;
let someGroup: number;

beforeAll(async () => {
  const app = await createApp({ envs: ["prod", "dev"] });
  appId = app.id;
  const traffic = new DemoTraffic({ consumers: 25, endpoints: 8, rowsPerMinute: 6, seed: 11 });
  const rng = mulberry32(5);
  const minutesAgo = new Set<number>();
  // Dense in the last hours (minute buckets, ragged edges), sparser over five weeks.
  for (let i = 0; i < 60; i++) minutesAgo.add(Math.floor(rng() * 180));
  for (let i = 0; i < 60; i++) minutesAgo.add(Math.floor(rng() * 2 * 1440));
  for (let i = 0; i < 80; i++) minutesAgo.add(Math.floor(rng() * 35 * 1440));
  minutesAgo.add(0);
  for (const ago of minutesAgo) {
    const t = Math.floor(NOW_S / 60) * 60 - ago * 60 + 7;
    const env = ago % 5 === 0 ? "dev" : "prod";
    await storeSync(appId, env, parseSync(Buffer.from(JSON.stringify(traffic.syncFor(t)))), { now: t + 30 });
  }
  const [top] = await sql().all<{ id: number }>(
    `SELECT "endpointId" AS "id" FROM "RequestRollup"
     WHERE "appId" = ? GROUP BY "endpointId" ORDER BY SUM("requestCount") DESC, 1 LIMIT 1`,
    [appId],
  );
  busiestEndpoint = Number(top.id);
  const [c] = await sql().all<{ id: number; groupId: number }>(
    `SELECT "id", "groupId" FROM "Consumer" WHERE "appId" = ? AND "groupId" IS NOT NULL ORDER BY "id" LIMIT 1`,
    [appId],
  );
  someConsumer = Number(c.id);
  someGroup = Number(c.groupId);
}, 240_000);

const shapes = () => [
  "period=1h",
  "period=24h",
  "period=7d",
  "period=30d",
  `from=${iso(3 * 1440 + 17)}&to=${iso(40)}`, // ragged hours, a few whole days, hour buckets
  `from=${iso(33 * 1440 + 313)}&to=${iso(2 * 1440 + 599)}`, // ragged days, day buckets
  `from=${iso(150)}&to=${iso(0)}`, // minute buckets up to now
  "period=30d&env=dev",
  "period=7d&status=2xx",
  "period=30d&status=404",
  `period=30d&consumer=${someConsumer}`,
  `period=7d&group=${someGroup}`,
  `period=30d&endpoint=${busiestEndpoint}`,
  "period=24h&method=POST",
];

const VIEWS: ViewName[] = ["traffic", "endpoints", "endpoint", "errors", "consumers"];

describe("coarse rollups answer like the per-minute rows", () => {
  it.each(VIEWS)("%s view, every period shape and filter", async (view) => {
    let nonEmpty = 0;
    for (const shape of shapes()) {
      const params = new URLSearchParams(`${shape}&endpointId=${busiestEndpoint}`);
      const auto = await loadView(appId, view, params, NOW);
      const minute = await withSourceMode("minute", () => loadView(appId, view, params, NOW));
      expect(auto, `${view} ${shape}`).toEqual(minute);
      if (JSON.stringify(auto).match(/"requests":[1-9]/)) nonEmpty++;
    }
    // The comparison means something only if the views had traffic to show.
    expect(nonEmpty).toBeGreaterThan(shapes().length / 2);
  });

  it("the hourly and daily tables hold every request of the minute table", async () => {
    const total = async (table: string) =>
      Number(
        (
          await sql().all<{ n: number }>(`SELECT SUM("requestCount") AS "n" FROM "${table}" WHERE "appId" = ?`, [appId])
        )[0].n,
      );
    const minute = await total("RequestRollup");
    expect(minute).toBeGreaterThan(1000);
    for (const t of ["EndpointHourRollup", "EndpointDayRollup", "ConsumerHourRollup", "ConsumerDayRollup"])
      expect(await total(t), t).toBe(minute);
  });
});

describe("segments", () => {
  it("cuts a range into whole days, whole hours and minutes, covering each minute once", () => {
    const from = 1440 * 100 + 60 * 22 + 17; // day 100, 22:17
    const to = 1440 * 103 + 60 * 3 + 5; // day 103, 03:05
    const parts = segments(from, to, [1440, 60, 1]);
    expect(parts).toEqual([
      { grain: 1, from, to: 1440 * 100 + 60 * 23 },
      { grain: 60, from: 1440 * 100 + 60 * 23, to: 1440 * 101 },
      { grain: 1440, from: 1440 * 101, to: 1440 * 103 },
      { grain: 60, from: 1440 * 103, to: 1440 * 103 + 180 },
      { grain: 1, from: 1440 * 103 + 180, to },
    ]);
    expect(segments(10, 50, [1440, 60, 1])).toEqual([{ grain: 1, from: 10, to: 50 }]);
    expect(segments(50, 50, [60, 1])).toEqual([]);
  });
});
