// Errors view read models on the hand-computed fixture.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { getErrorResponses } from "@/lib/queries/error-responses";
import { getServerErrors, getServerErrorTraceback } from "@/lib/queries/server-errors";
import { getValidationErrors } from "@/lib/queries/validation-errors";
import { C, EP, filtersAt, M, seedDashboardApp } from "../helpers/dashboard-fixture";
import { createApp } from "../helpers/factory";

let appId: number;
const f = filtersAt;

beforeAll(async () => {
  appId = (await seedDashboardApp()).id;
});

describe("error responses per status and endpoint", () => {
  it("counts occurrences, affected consumers and last seen", async () => {
    expect(await getErrorResponses(appId, f("period=1h"))).toEqual([
      {
        endpointId: EP.list,
        method: "GET",
        path: "/items",
        statusCode: 422,
        occurrences: 4,
        consumers: 1,
        lastSeen: M * 60,
      },
      {
        endpointId: EP.get,
        method: "GET",
        path: "/items/{id}",
        statusCode: 404,
        occurrences: 3,
        consumers: 1,
        lastSeen: (M - 5) * 60,
      },
      {
        endpointId: EP.create,
        method: "POST",
        path: "/items",
        statusCode: 500,
        occurrences: 1,
        consumers: 1,
        lastSeen: (M - 1) * 60,
      },
    ]);
  });

  it("follows period and filters", async () => {
    const day = await getErrorResponses(appId, f("period=24h"));
    expect(day.map((r) => [r.endpointId, r.statusCode, r.occurrences, r.consumers])).toEqual([
      [EP.list, 422, 4, 1],
      [EP.get, 404, 3, 1],
      [EP.get, 500, 2, 0],
      [EP.create, 500, 1, 1],
    ]);
    expect((await getErrorResponses(appId, f("period=24h&status=5xx"))).map((r) => r.occurrences)).toEqual([2, 1]);
    expect(await getErrorResponses(appId, f("period=1h&env=dev"))).toEqual([]);
    expect(
      (await getErrorResponses(appId, f(`period=1h&consumer=${C.acme}&method=GET`))).map((r) => r.statusCode),
    ).toEqual([422, 404]);
  });
});

describe("validation errors", () => {
  it("lists location, message, type, count, consumers and last seen", async () => {
    expect(await getValidationErrors(appId, f("period=1h"))).toEqual([
      {
        id: 1,
        endpointId: EP.list,
        method: "GET",
        path: "/items",
        loc: ["body", "name"],
        msg: "Field required",
        type: "missing",
        count: 4,
        consumers: 1,
        lastSeen: M * 60,
      },
    ]);
    expect((await getValidationErrors(appId, f("period=24h"))).map((e) => [e.id, e.count])).toEqual([
      [1, 4],
      [2, 2],
    ]);
  });

  it("is empty under a status filter that excludes 400 and 422, and follows the others", async () => {
    expect(await getValidationErrors(appId, f("period=1h&status=5xx"))).toEqual([]);
    expect(await getValidationErrors(appId, f("period=1h&status=404"))).toEqual([]);
    expect((await getValidationErrors(appId, f("period=1h&status=422"))).length).toBe(1);
    expect((await getValidationErrors(appId, f("period=1h&status=4xx"))).length).toBe(1);
    expect(await getValidationErrors(appId, f(`period=1h&consumer=${C.globex}`))).toEqual([]);
    expect(await getValidationErrors(appId, f("period=1h&endpoint=POST /items"))).toEqual([]);
  });
});

describe("server errors", () => {
  it("lists type, message, count, first and last seen", async () => {
    expect(await getServerErrors(appId, f("period=1h"))).toEqual([
      {
        id: 1,
        endpointId: EP.create,
        method: "POST",
        path: "/items",
        type: "ValueError",
        msg: "price must be positive",
        count: 1,
        consumers: 1,
        firstSeen: (M - 1) * 60 - 86_400,
        lastSeen: (M - 1) * 60,
        sentryEventId: null,
      },
    ]);
    expect((await getServerErrors(appId, f("period=24h"))).map((e) => [e.id, e.count, e.consumers])).toEqual([
      [2, 2, 0],
      [1, 1, 1],
    ]);
  });

  it("last seen is the exact stored time when in the last minute seen, and never before first seen", async () => {
    const set = (firstSeen: number, lastSeen: number) =>
      sql().run(`UPDATE "ServerError" SET "firstSeen" = ?, "lastSeen" = ? WHERE "appId" = ? AND "id" = 1`, [
        firstSeen,
        lastSeen,
        appId,
      ]);
    try {
      await set((M - 1) * 60 - 86_400, (M - 1) * 60 + 17);
      expect((await getServerErrors(appId, f("period=1h")))[0]).toMatchObject({ id: 1, lastSeen: (M - 1) * 60 + 17 });
      // A later occurrence the window does not see: its minute's start, but not before first seen.
      await set((M - 1) * 60 + 30, (M + 5) * 60 + 2);
      expect((await getServerErrors(appId, f("period=1h")))[0]).toMatchObject({
        id: 1,
        firstSeen: (M - 1) * 60 + 30,
        lastSeen: (M - 1) * 60 + 30,
      });
    } finally {
      await set((M - 1) * 60 - 86_400, (M - 1) * 60);
    }
  });

  it("follows filters (a 4xx status filter excludes them)", async () => {
    expect(await getServerErrors(appId, f("period=24h&status=4xx"))).toEqual([]);
    expect((await getServerErrors(appId, f("period=24h&status=500"))).length).toBe(2);
    expect((await getServerErrors(appId, f("period=24h&endpoint=POST /items"))).map((e) => e.id)).toEqual([1]);
    expect(await getServerErrors(appId, f("period=24h&env=dev"))).toEqual([]);
  });

  it("loads a traceback on demand, only within the app", async () => {
    expect(await getServerErrorTraceback(appId, 1)).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(await getServerErrorTraceback(appId, 2)).toBeNull();
    const other = await createApp();
    expect(await getServerErrorTraceback(other.id, 1)).toBeNull();
  });
});
