// The filter bar's search as you type (lib/queries/endpoint-search.ts, consumer-search.ts) and the selected
// option kept among the loaded ones (filter-options.ts), on both databases: what matches, ignoring ASCII case,
// with %, _ and \ taken literally, bounded by the limit, and never another app's rows.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { searchConsumers } from "@/lib/queries/consumer-search";
import { searchEndpoints } from "@/lib/queries/endpoint-search";
import { ENDPOINT_OPTIONS_LIMIT, getFilterOptions } from "@/lib/queries/filter-options";
import { ensureConsumers } from "@/lib/store/consumers";
import { endpointKey, ensureEndpoints } from "@/lib/store/endpoints";
import { inTransaction } from "@/lib/store/transaction";
import { createApp } from "../helpers/factory";

const NOW = 1_790_000_000;
let appId: number;
let strangerAppId: number;

async function seedEndpoints(app: number, routes: [string, string][], now = NOW) {
  const map = new Map(routes.map(([method, path]) => [endpointKey(method, path), { method, path }]));
  return inTransaction((db) => ensureEndpoints(db, app, map, now));
}
async function seedConsumers(app: number, consumers: [string, string | null][]) {
  const seen = new Map(consumers.map(([id, name]) => [id, { firstSeen: NOW, lastSeen: NOW, name, group: null }]));
  return inTransaction((db) => ensureConsumers(db, app, seen));
}
const labels = (rows: { method: string; path: string }[]) => rows.map((e) => `${e.method} ${e.path}`);

beforeAll(async () => {
  appId = (await createApp()).id;
  strangerAppId = (await createApp()).id;
  await seedEndpoints(appId, [
    ["GET", "/Items"],
    ["GET", "/items/{id}"],
    ["POST", "/orders"],
    ["GET", "/users/items"],
    ["GET", "/a_b"],
    ["GET", "/axb"],
    ...Array.from({ length: 30 }, (_, i): [string, string] => ["GET", `/bulk/${i}`]),
  ]);
  await seedEndpoints(strangerAppId, [["GET", "/items/secret"]]);
  const ids = await seedConsumers(appId, [
    ["Alice-Corp", "Alice"],
    ["bob", "Bobby Tables"],
    ["carol", null],
  ]);
  await sql().run(`UPDATE "Consumer" SET "hidden" = ?, "hiddenAt" = ? WHERE "appId" = ? AND "id" = ?`, [
    true,
    NOW + 60,
    appId,
    ids.get("carol")!,
  ]);
  await seedConsumers(strangerAppId, [["alice-secret", null]]);
});

describe("searchEndpoints", () => {
  it("finds the text anywhere in METHOD /path, ignoring case, paths starting with it first", async () => {
    expect(labels(await searchEndpoints(appId, "ITEMS", 10)).sort()).toEqual([
      "GET /Items",
      "GET /items/{id}",
      "GET /users/items",
    ]);
    expect(labels(await searchEndpoints(appId, "/it", 10)).slice(-1)).toEqual(["GET /users/items"]);
    expect(labels(await searchEndpoints(appId, "post /ord", 10))).toEqual(["POST /orders"]);
  });

  it("takes _, % and \\ literally and * as any text", async () => {
    expect(labels(await searchEndpoints(appId, "a_b", 10))).toEqual(["GET /a_b"]);
    expect(await searchEndpoints(appId, "%", 10)).toEqual([]);
    expect(await searchEndpoints(appId, "\\", 10)).toEqual([]);
    expect(labels(await searchEndpoints(appId, "/users/*s", 10))).toEqual(["GET /users/items"]);
  });

  it("returns at most the limit", async () => {
    expect(await searchEndpoints(appId, "/bulk/", 7)).toHaveLength(7);
  });

  it("never returns another app's endpoints", async () => {
    expect(labels(await searchEndpoints(appId, "secret", 10))).toEqual([]);
    expect(labels(await searchEndpoints(strangerAppId, "items", 10))).toEqual(["GET /items/secret"]);
  });
});

describe("searchConsumers", () => {
  it("finds the text in the identifier or the name, ignoring case", async () => {
    expect((await searchConsumers(appId, "ALICE", 10)).map((c) => c.identifier)).toEqual(["Alice-Corp"]);
    expect((await searchConsumers(appId, "tables", 10)).map((c) => c.identifier)).toEqual(["bob"]);
  });

  it("leaves hidden consumers and other apps' consumers out, and keeps to the limit", async () => {
    expect(await searchConsumers(appId, "carol", 10)).toEqual([]);
    expect((await searchConsumers(appId, "secret", 10)).map((c) => c.identifier)).toEqual([]);
    expect(await searchConsumers(appId, "o", 1)).toHaveLength(1);
  });
});

describe("getFilterOptions", () => {
  it("includes the selected endpoint and consumer even past the options' limits", async () => {
    const app = (await createApp()).id;
    // Seen earlier than all the others, so it is past the most recent ENDPOINT_OPTIONS_LIMIT.
    const old = (await seedEndpoints(app, [["GET", "/old"]], NOW - 7200)).get("GET /old")!;
    const recent = Array.from({ length: ENDPOINT_OPTIONS_LIMIT }, (_, i): [string, string] => ["GET", `/r/${i}`]);
    await seedEndpoints(app, recent);
    const hidden = (await seedConsumers(app, [["hidden-one", null]])).get("hidden-one")!;
    await sql().run(`UPDATE "Consumer" SET "hidden" = ?, "hiddenAt" = ? WHERE "appId" = ? AND "id" = ?`, [
      true,
      NOW + 60,
      app,
      hidden,
    ]);

    const plain = await getFilterOptions(app);
    expect(plain.endpoints).toHaveLength(ENDPOINT_OPTIONS_LIMIT);
    expect(plain.endpoints.map((e) => e.id)).not.toContain(old);
    expect(plain.consumers.map((c) => c.id)).not.toContain(hidden);

    const selected = await getFilterOptions(app, { endpointId: old, consumerId: hidden });
    expect(selected.endpoints).toHaveLength(ENDPOINT_OPTIONS_LIMIT);
    expect(selected.endpoints.find((e) => e.id === old)).toMatchObject({ method: "GET", path: "/old" });
    expect(selected.consumers.find((c) => c.id === hidden)).toMatchObject({ identifier: "hidden-one" });
  });
});
