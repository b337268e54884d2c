// Bounded growth per app (lib/store/caps.ts): past a cap new keys are counted under the kind's
// "(other)" row, over real HTTP syncs to the real server, with totals exact and the cap reported
// on the app's pages; ids near the 32-bit limit go to "(other)" instead of failing every sync after.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { ENDPOINT_OPTIONS_LIMIT, getFilterOptions } from "@/lib/queries/filter-options";
import { CAP_COLUMNS, capOf, OTHER_ID, OTHER_INSTANCE, type CapKind } from "@/lib/store/caps";
import { createApp } from "../helpers/factory";
import { get, signIn, userWithPassword } from "../helpers/http-session";
import { makeRequest, makeSync, postJson, rollupTotals } from "../helpers/hub-db";

const count = async (table: string, appId: number, where = "") => {
  const [r] = await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "appId" = ? ${where}`, [
    appId,
  ]);
  return Number(r.n);
};

const appRow = async (appId: number) => {
  const [r] = await sql().all<Record<string, unknown>>(`SELECT * FROM "App" WHERE "id" = ?`, [appId]);
  return r;
};

/** Pretends the app already has `cap - room` rows of a kind: the caps read the kept count, not the rows. */
const leaveRoom = (appId: number, kind: CapKind, room: number) =>
  sql().run(`UPDATE "App" SET "${CAP_COLUMNS[kind].count}" = ? WHERE "id" = ?`, [capOf(kind) - room, appId]);

async function sync(clientId: string, body: Record<string, unknown>, env = "prod") {
  const r = await postJson(clientId, env, "sync", makeSync(body));
  expect(r.status, await r.clone().text()).toBe(202);
}

const hitKinds = async (appId: number) => Object.keys(JSON.parse(String((await appRow(appId)).capsHit ?? "{}")));

describe("per-app caps", () => {
  it("a client reporting raw paths (6,000 /users/N) stays at the endpoint cap, totals exact", async () => {
    const app = await createApp();
    expect(capOf("endpoints")).toBe(5000);
    for (let batch = 0; batch < 3; batch++) {
      const requests = Array.from({ length: 2000 }, (_, i) =>
        makeRequest({ path: `/users/${batch * 2000 + i}`, request_count: 2, response_size_sum: 10 }),
      );
      await sync(app.clientId, { requests });
    }
    expect(await count("Endpoint", app.id, `AND "id" <> ${OTHER_ID}`)).toBe(5000);
    const [other] = await sql().all<{ method: string; path: string }>(
      `SELECT "method", "path" FROM "Endpoint" WHERE "appId" = ? AND "id" = ?`,
      [app.id, OTHER_ID],
    );
    expect(other).toEqual({ method: "*", path: "(other)" });
    const totals = await rollupTotals(app.id);
    expect(totals.requests).toBe(12_000);
    expect(totals.responseBytes).toBe(60_000);
    const [onOther] = await sql().all<{ n: number }>(
      `SELECT SUM("requestCount") AS "n" FROM "RequestRollup" WHERE "appId" = ? AND "endpointId" = ?`,
      [app.id, OTHER_ID],
    );
    expect(Number(onOther.n)).toBe(2000);
    expect((await appRow(app.id)).endpointCount).toBe(5000);
    expect(await hitKinds(app.id)).toEqual(["endpoints"]);
    // A known endpoint keeps its own row after the cap.
    await sync(app.clientId, { requests: [makeRequest({ path: "/users/7", request_count: 5 })] });
    expect((await rollupTotals(app.id)).requests).toBe(12_005);
    expect(await count("Endpoint", app.id)).toBe(5001);
    // The filter bar, loaded on every poll, gets a bounded list.
    expect((await getFilterOptions(app.id)).endpoints).toHaveLength(ENDPOINT_OPTIONS_LIMIT);
  });

  it("consumers and groups past their caps go to one (other) each, counted exactly", async () => {
    const app = await createApp();
    await leaveRoom(app.id, "consumers", 2);
    await leaveRoom(app.id, "groups", 1);
    const names = ["c1", "c2", "c3", "c4", "c5"];
    await sync(app.clientId, {
      requests: names.map((c) => makeRequest({ consumer: c, request_count: 3 })),
      consumers: names.map((c, i) => ({ identifier: c, name: c.toUpperCase(), group: `g${i}` })),
    });
    const rows = await sql().all<{ id: number; identifier: string; name: string }>(
      `SELECT "id", "identifier", "name" FROM "Consumer" WHERE "appId" = ? ORDER BY "id"`,
      [app.id],
    );
    expect(rows.map((r) => [Number(r.id) === OTHER_ID ? "other" : r.identifier, r.name])).toEqual([
      ["c1", "C1"],
      ["c2", "C2"],
      ["other", "(other)"],
    ]);
    expect(await count("ConsumerGroup", app.id, `AND "id" <> ${OTHER_ID}`)).toBe(1);
    expect(await count("ConsumerGroup", app.id, `AND "id" = ${OTHER_ID}`)).toBe(1);
    expect((await rollupTotals(app.id)).requests).toBe(15);
    const perConsumer = await sql().all<{ consumerId: number; n: number }>(
      `SELECT "consumerId", SUM("requestCount") AS "n" FROM "ConsumerHourRollup" WHERE "appId" = ?
       GROUP BY "consumerId" ORDER BY "consumerId"`,
      [app.id],
    );
    expect(perConsumer.map((r) => [Number(r.consumerId), Number(r.n)])).toEqual([
      [1, 3],
      [2, 3],
      [OTHER_ID, 9],
    ]);
    expect((await hitKinds(app.id)).sort()).toEqual(["consumers", "groups"]);
  });

  it("environments past the cap share the environment (other)", async () => {
    const app = await createApp({ envs: ["prod"] });
    const cap = capOf("environments");
    for (let i = 0; i < cap + 3; i++)
      await sync(app.clientId, { requests: [makeRequest({ request_count: 1 })] }, `env-${i}`);
    expect(await count("Environment", app.id, `AND "id" <> ${OTHER_ID}`)).toBe(cap);
    const [other] = await sql().all<{ name: string }>(
      `SELECT "name" FROM "Environment" WHERE "appId" = ? AND "id" = ?`,
      [app.id, OTHER_ID],
    );
    expect(other.name).toBe("(other)");
    expect((await rollupTotals(app.id)).requests).toBe(cap + 3);
    expect((await rollupTotals(app.id, "(other)")).requests).toBe(4);
  });

  it("error fingerprints past the cap are counted under one (other) error", async () => {
    const app = await createApp();
    await leaveRoom(app.id, "errors", 1);
    const traceback = "x".repeat(60_000);
    const server_errors = Array.from({ length: 4 }, (_, i) => ({
      consumer: null,
      method: "GET",
      path: "/items/:id",
      type: "ValueError",
      msg: `boom ${i}`,
      traceback,
      sentry_event_id: null,
      error_count: 2,
    }));
    await sync(app.clientId, { server_errors });
    expect(await count("ServerError", app.id, `AND "id" <> ${OTHER_ID}`)).toBe(1);
    const [other] = await sql().all<{ msg: string; traceback: string | null }>(
      `SELECT "msg", "traceback" FROM "ServerError" WHERE "appId" = ? AND "id" = ?`,
      [app.id, OTHER_ID],
    );
    expect(other).toEqual({ msg: "New errors past the app's cap", traceback: null });
    expect((await rollupTotals(app.id)).serverErrors).toBe(8);
    expect(await hitKinds(app.id)).toEqual(["errors"]);
  });

  it("instances past the cap are recorded as (other), keeping no CPU/memory of theirs", async () => {
    const app = await createApp();
    await leaveRoom(app.id, "instances", 1);
    const resources = { cpu_percent: 12.5, memory_rss: 1000 };
    for (let i = 0; i < 3; i++)
      await sync(app.clientId, { instance_uuid: randomUUID(), resources, requests: [makeRequest()] });
    expect(await count("Instance", app.id, `AND "uuid" <> '${OTHER_INSTANCE}'`)).toBe(1);
    expect(await count("Instance", app.id, `AND "uuid" = '${OTHER_INSTANCE}'`)).toBe(1);
    expect(await count("ResourceSample", app.id)).toBe(1);
    expect((await rollupTotals(app.id)).requests).toBe(3);
    expect(await hitKinds(app.id)).toEqual(["instances"]);
  });

  it("ids near the 32-bit limit: new consumers go to (other), no sync fails", async () => {
    const app = await createApp();
    await sql().run(`UPDATE "App" SET "nextConsumerId" = ? WHERE "id" = ?`, [2 ** 31 - 3, app.id]);
    for (let round = 0; round < 2; round++) {
      const requests = Array.from({ length: 10 }, (_, i) =>
        makeRequest({ consumer: `near-${round}-${i}`, request_count: 1 }),
      );
      await sync(app.clientId, { requests });
    }
    const ids = await sql().all<{ id: number }>(`SELECT "id" FROM "Consumer" WHERE "appId" = ? ORDER BY "id"`, [
      app.id,
    ]);
    expect(ids.map((r) => Number(r.id))).toEqual([2 ** 31 - 3, 2 ** 31 - 2, OTHER_ID]);
    expect(Number((await appRow(app.id)).nextConsumerId)).toBe(2 ** 31 - 1);
    expect((await rollupTotals(app.id)).requests).toBe(20);
    expect(await hitKinds(app.id)).toEqual(["consumers"]);
  });

  it("the app's pages warn about a cap hit and Settings shows the usage", async () => {
    const user = await userWithPassword("caps");
    const app = await createApp({ ownerId: user.id });
    const cookie = await signIn(user.email);
    const before = await (await get(`/apps/${app.id}/traffic`, cookie)).text();
    expect(before).not.toContain("Limit reached");
    await leaveRoom(app.id, "consumers", 0);
    await sync(app.clientId, { requests: [makeRequest({ consumer: "one-too-many" })] });
    const page = await get(`/apps/${app.id}/traffic`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Limit reached");
    expect(html).toContain("consumers (100,000)");
    // React separates adjacent text with comments.
    const settingsHtml = (await (await get(`/apps/${app.id}/settings`, cookie)).text()).replaceAll("<!-- -->", "");
    expect(settingsHtml).toContain("Usage and limits");
    expect(settingsHtml).toContain("100,000 / 100,000");
    expect(settingsHtml).toContain("2 / 20");
  });
});
