// The JSON view route the dashboard polls, over HTTP against `next start`: signed-out is
// 401, someone else's app or an unknown view is 404, bad filters are reported, not fatal.
import { beforeAll, describe, expect, it } from "vitest";
import { EP, M, seedDashboardAppWithSessions } from "../helpers/dashboard-fixture";
import { get } from "../helpers/http-session";

const iso = (minute: number) => new Date(minute * 60_000).toISOString().replace(":00.000Z", "Z");
// The fixture's "last hour" as a custom range: the server's clock is not the fixture's.
const LAST_HOUR = `from=${iso(M - 59)}&to=${iso(M + 1)}`;

let appId: number;
let owner: string;
let stranger: string;

beforeAll(async () => {
  ({ appId, owner, stranger } = await seedDashboardAppWithSessions());
});

describe("GET /api/apps/:appId/views/:view", () => {
  it("serves the owner the same numbers as the read models", async () => {
    const r = await get(`/api/apps/${appId}/views/traffic?${LAST_HOUR}`, owner);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const body = await r.json();
    expect(Object.fromEntries(new URLSearchParams(body.query))).toEqual({
      period: "custom",
      from: iso(M - 59),
      to: iso(M + 1),
    });
    expect(body.data.totals.current).toMatchObject({ requests: 27, errors: 8, consumers: 4 });
    expect(body.data.endpoints).toHaveLength(5);
    const endpoint = await (
      await get(`/api/apps/${appId}/views/endpoint?${LAST_HOUR}&endpointId=${EP.list}`, owner)
    ).json();
    expect(endpoint.data.apdex).toMatchObject({ satisfied: 12, tolerating: 5, frustrated: 2 });
  });

  it("reports bad filter params instead of failing", async () => {
    const r = await get(`/api/apps/${appId}/views/errors?period=fortnight&consumer=-3&from=yesterday`, owner);
    expect(r.status).toBe(200);
    expect((await r.json()).issues.map((i: { param: string }) => i.param)).toEqual(["period", "from", "consumer"]);
  });

  it("is 401 signed out and 404 for someone else's app", async () => {
    expect((await get(`/api/apps/${appId}/views/traffic`)).status).toBe(401);
    for (const view of ["traffic", "errors", "endpoints", "consumers", "filter-options"]) {
      const r = await get(`/api/apps/${appId}/views/${view}`, stranger);
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: "Not found." });
    }
  });

  it("is 404 for unknown views, apps and subjects", async () => {
    for (const path of [
      `/api/apps/${appId}/views/settings`,
      `/api/apps/abc/views/traffic`,
      `/api/apps/99999999/views/traffic`,
      `/api/apps/${appId}/views/endpoint?endpointId=99`,
      `/api/apps/${appId}/views/traceback?errorId=zz`,
    ]) {
      expect((await get(path, owner)).status, path).toBe(404);
    }
  });
});
