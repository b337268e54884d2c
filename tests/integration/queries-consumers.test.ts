// Consumers view read models and filter options on the hand-computed fixture.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { getConsumerActivity } from "@/lib/queries/consumer-activity";
import { getConsumerGroups } from "@/lib/queries/consumer-groups";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { C, EP, filtersAt, G, HOUR, M, seedDashboardApp } from "../helpers/dashboard-fixture";

let appId: number;
const f = filtersAt;

beforeAll(async () => {
  appId = (await seedDashboardApp()).id;
});

describe("consumers table", () => {
  it("lists visible consumers with requests, error rate, last request and trend", async () => {
    const rows = await getConsumersTable(appId, f("period=1h"));
    expect(rows.map(({ trend, ...r }) => (void trend, r))).toEqual([
      {
        id: C.acme,
        identifier: "acme",
        name: "Acme Corp",
        groupId: G.partners,
        groupName: "Partners",
        requests: 17,
        errorRate: 7 / 17,
        lastRequest: M * 60,
      },
      {
        id: C.globex,
        identifier: "globex",
        name: null,
        groupId: G.partners,
        groupName: "Partners",
        requests: 5,
        errorRate: 0,
        lastRequest: (M - 10) * 60,
      },
      {
        id: C.initech,
        identifier: "initech",
        name: "Initech",
        groupId: null,
        groupName: null,
        requests: 1,
        errorRate: 1,
        lastRequest: (M - 1) * 60,
      },
    ]);
    const acmeTrend = rows[0].trend;
    expect(acmeTrend).toHaveLength(60);
    expect([acmeTrend[49], acmeTrend[54], acmeTrend[59]]).toEqual([10, 3, 4]);
    expect(acmeTrend.reduce((a, b) => a + b, 0)).toBe(17);
  });

  it("follows filters", async () => {
    expect((await getConsumersTable(appId, f(`period=1h&group=${G.partners}`))).map((r) => r.id)).toEqual([
      C.acme,
      C.globex,
    ]);
    expect((await getConsumersTable(appId, f("period=1h&status=5xx"))).map((r) => [r.id, r.requests])).toEqual([
      [C.initech, 1],
    ]);
    expect(
      (await getConsumersTable(appId, f(`period=24h&endpoint=${EP.list}`))).map((r) => [r.id, r.requests]),
    ).toEqual([
      [C.acme, 120],
      [C.globex, 5],
    ]);
    expect(await getConsumersTable(appId, f("period=1h&env=dev"))).toEqual([]);
  });
});

describe("new vs returning consumers", () => {
  it("splits each bucket's consumers by when they were first seen", async () => {
    const points = await getConsumerActivity(appId, f("period=1h"));
    const at = (min: number) => points.find((p) => p.t === min * 60)!;
    expect(at(M - 10)).toMatchObject({ active: 2, new: 0, returning: 2 });
    expect(at(M - 5)).toMatchObject({ active: 2, new: 1, returning: 1 }); // acme + hooli (first seen M-5)
    expect(at(M - 1)).toMatchObject({ active: 1, new: 1, returning: 0 });
    expect(at(M)).toMatchObject({ active: 1, new: 0, returning: 1, partial: true });
    expect(at(M - 2)).toMatchObject({ active: 0, new: 0, returning: 0 });
  });

  it("counts a consumer new once, in the bucket of its first request", async () => {
    const points = await getConsumerActivity(appId, f("period=24h"));
    const at = (min: number) => points.find((p) => p.t === min * 60)!;
    expect(at(HOUR - 120)).toMatchObject({ active: 1, new: 1 }); // acme's first request, 12:27
    expect(at(HOUR - 60)).toMatchObject({ active: 1, new: 0, returning: 1 });
    expect(at(HOUR)).toMatchObject({ active: 4, new: 2, returning: 2 });
  });
});

describe("consumer groups", () => {
  it("lists every group with its members' traffic", async () => {
    expect(await getConsumerGroups(appId, f("period=1h"))).toEqual([
      {
        id: G.partners,
        name: "Partners",
        activeConsumers: 2,
        consumers: 2,
        requests: 22,
        errorRate: 7 / 22,
        lastRequest: M * 60,
      },
      {
        id: G.internal,
        name: "Internal",
        activeConsumers: 0,
        consumers: 0,
        requests: 0,
        errorRate: null,
        lastRequest: null,
      },
    ]);
    expect((await getConsumerGroups(appId, f("period=1h&status=4xx")))[0]).toMatchObject({
      requests: 7,
      errorRate: 1,
      activeConsumers: 1,
    });
  });
});

describe("filter options", () => {
  it("offers environments, visible consumers, groups, endpoints and methods", async () => {
    expect(await getFilterOptions(appId)).toEqual({
      envs: ["dev", "prod"],
      consumers: [
        { id: C.acme, identifier: "acme", name: "Acme Corp" },
        { id: C.initech, identifier: "initech", name: "Initech" },
        { id: C.globex, identifier: "globex", name: null },
      ],
      groups: [
        { id: G.internal, name: "Internal" },
        { id: G.partners, name: "Partners" },
      ],
      endpoints: [
        { id: EP.health, method: "GET", path: "/health" },
        { id: EP.list, method: "GET", path: "/items" },
        { id: EP.create, method: "POST", path: "/items" },
        { id: EP.delete, method: "DELETE", path: "/items/{id}" },
        { id: EP.get, method: "GET", path: "/items/{id}" },
      ],
      methods: ["DELETE", "GET", "POST"],
    });
  });
});

describe("hidden consumers", () => {
  it("come back once they send requests after being hidden", async () => {
    // hooli was hidden at M-3 after its last request at M-5; a sync at M moves lastSeen past it.
    await sql().run(`UPDATE "Consumer" SET "lastSeen" = ? WHERE "appId" = ? AND "id" = ?`, [
      M * 60 + 30,
      appId,
      C.hooli,
    ]);
    expect((await getConsumersTable(appId, f("period=1h"))).map((r) => r.identifier)).toEqual([
      "acme",
      "globex",
      "hooli",
      "initech",
    ]);
    expect((await getFilterOptions(appId)).consumers[0].identifier).toBe("hooli");
  });
});
