// The data API over HTTP against `next start`, on both databases: API keys (hash only, revocation, app scope), its
// numbers equal to the dashboard's read models for the same filters, pagination, CSV, clear 400s for every bad
// parameter, the rate limit, and the OpenAPI document generated from the same schemas.
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { hashSecret } from "@/lib/auth/tokens";
import { prisma, sql } from "@/lib/db";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getEndpointsTable } from "@/lib/queries/endpoints-table";
import { getTrafficTotals } from "@/lib/queries/traffic-totals";
import { filtersAt, M, seedDashboardApp } from "../helpers/dashboard-fixture";
import { createApp, createUser } from "../helpers/factory";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));

const { createApiKey, revokeApiKey } = await import("@/lib/api/keys");

const base = () => inject("baseUrl");
const iso = (minute: number) => new Date(minute * 60_000).toISOString().replace(":00.000Z", "Z");
// The fixture's last hour, as a custom range: the server's clock is not the fixture's.
const RANGE = { start: iso(M - 59), end: iso(M + 1) };
const DASHBOARD_RANGE = `from=${RANGE.start}&to=${RANGE.end}`;

let appId: number;
let teamId: string;
let ownerId: string;
let key: string;

const api = (path: string, k: string | null = key, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/v1${path}`, { headers: { ...(k ? { "Api-Key": k } : {}), ...headers } });

async function newKey(name: string, appIds = "") {
  const r = await createApiKey(ownerId, teamId, { name, appIds });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

beforeAll(async () => {
  const owner = await createUser();
  ownerId = owner.id;
  teamId = owner.id;
  appId = (await seedDashboardApp({ ownerId })).id;
  key = (await newKey("tests")).key;
});

describe("API keys", () => {
  it("are stored as a hash with a prefix, never as themselves", async () => {
    const made = await newKey("stored");
    const row = await prisma().apiKey.findUniqueOrThrow({ where: { id: made.id } });
    expect(made.key).toMatch(/^thk_[\w-]{43}$/);
    expect(row.hash).toBe(hashSecret(made.key));
    expect(made.key.startsWith(row.prefix)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(made.key);
  });

  it("401 without a key, with an unknown one, and once revoked; the Bearer form works too", async () => {
    expect((await api("/apps", null)).status).toBe(401);
    expect((await api("/apps", "thk_" + "x".repeat(43))).status).toBe(401);
    const made = await newKey("revoked");
    expect((await api("/apps", null, { Authorization: `Bearer ${made.key}` })).status).toBe(200);
    expect(await revokeApiKey(ownerId, teamId, { keyId: made.id })).toMatchObject({ ok: true });
    const r = await api("/apps", made.key);
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ error: "Missing or invalid API key: send it in the Api-Key header." });
  });

  it("reads only its team's apps, and only the ones it names", async () => {
    const second = await createApp({ teamId, name: "Second" });
    const other = await createApp({ name: "Other team's" });
    const all = await (await api("/apps")).json();
    expect(all.data.map((a: { id: number }) => a.id)).toEqual([appId, second.id]);
    const scoped = await newKey("scoped", String(second.id));
    expect((await (await api("/apps", scoped.key)).json()).data.map((a: { id: number }) => a.id)).toEqual([second.id]);
    expect((await api(`/apps/${appId}/consumers`, scoped.key)).status).toBe(404);
    const stranger = await api(`/apps/${other.id}/traffic`);
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain("Other team's");
    expect(await createApiKey(ownerId, teamId, { name: "x", appIds: String(other.id) })).toMatchObject({
      ok: false,
      fieldErrors: { appIds: ["Every app must be one of this team's."] },
    });
  });
});

describe("traffic", () => {
  const get = async (query: string) => {
    const r = await api(`/apps/${appId}/traffic?start=${RANGE.start}&end=${RANGE.end}&${query}`);
    expect(r.status, await r.clone().text()).toBe(200);
    return r.json();
  };

  it("totals, by endpoint and by consumer equal the dashboard's read models for the same filters", async () => {
    for (const filter of ["", "env=prod", "status=4xx", "consumer=1"]) {
      const f = filtersAt(`${DASHBOARD_RANGE}&${filter}`);
      const totals = (await getTrafficTotals(appId, f)).current;
      const [total] = (await get(filter)).data;
      expect({ requests: total?.requests ?? 0, errors: total?.errors ?? 0 }, filter).toEqual({
        requests: totals.requests,
        errors: totals.errors,
      });
      expect(total?.bytes_received ?? 0).toBe(totals.bytesIn);

      const endpoints = (await getEndpointsTable(appId, f)).filter((e) => e.requests > 0);
      const byEndpoint = (await get(`${filter}&group_by=endpoint`)).data;
      expect(
        Object.fromEntries(
          byEndpoint.map((r: { endpoint: { id: number }; requests: number }) => [r.endpoint.id, r.requests]),
        ),
        filter,
      ).toEqual(Object.fromEntries(endpoints.map((e) => [e.id, e.requests])));

      // The Consumers table leaves hidden consumers out; their traffic is still real, so the API keeps it and the
      // rows (anonymous ones too) add up to the total.
      const consumers = await getConsumersTable(appId, f);
      const byConsumer: { consumer: { id: number } | null; requests: number }[] = (
        await get(`${filter}&group_by=consumer`)
      ).data;
      const listed = new Set(consumers.map((c) => c.id));
      expect(
        Object.fromEntries(
          byConsumer.filter((r) => r.consumer && listed.has(r.consumer.id)).map((r) => [r.consumer!.id, r.requests]),
        ),
        filter,
      ).toEqual(Object.fromEntries(consumers.filter((c) => c.requests > 0).map((c) => [c.id, c.requests])));
      expect(
        byConsumer.reduce((n, r) => n + r.requests, 0),
        filter,
      ).toBe(totals.requests);
    }
  });

  it("a comma list is an in filter: the sum of each value's traffic", async () => {
    const total = async (q: string) => ((await get(q)).data[0]?.requests as number | undefined) ?? 0;
    expect(await total("status=400,500")).toBe((await total("status=400")) + (await total("status=500")));
    expect(await total("status=2xx,4xx")).toBe((await total("status=2xx")) + (await total("status=4xx")));
    expect(await total("env=prod,dev")).toBe(await total(""));
    const byEndpoint = async (q: string) =>
      Object.fromEntries(
        (await get(`${q}&group_by=endpoint`)).data.map((r: { endpoint: { id: number }; requests: number }) => [
          r.endpoint.id,
          r.requests,
        ]),
      );
    const [one, two, both] = [
      await byEndpoint("consumer=1"),
      await byEndpoint("consumer=2"),
      await byEndpoint("consumer=1,2"),
    ];
    const summed: Record<string, number> = { ...one };
    for (const [id, n] of Object.entries(two)) summed[id] = (summed[id] ?? 0) + (n as number);
    expect(both).toEqual(summed);
    expect(Object.keys(both).length).toBeGreaterThan(0);
    const bad = await api(`/apps/${appId}/traffic?consumer=1,x`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].param).toBe("consumer");
  });

  it("groups by several dimensions at once, with names beside ids, and pages through them", async () => {
    const all = (await get("group_by=time,env,status&interval=minute&limit=1000")).data;
    expect(all.length).toBeGreaterThan(3);
    expect(all[0]).toEqual(
      expect.objectContaining({
        time: expect.stringMatching(/Z$/),
        env: expect.any(String),
        status_code: expect.any(Number),
      }),
    );
    const seen: unknown[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await get(`group_by=time,env,status&interval=minute&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(all);
  });

  it("answers CSV with every row", async () => {
    const r = await api(`/apps/${appId}/traffic?start=${RANGE.start}&end=${RANGE.end}&group_by=endpoint&format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    const lines = (await r.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "endpoint_id,endpoint_method,endpoint_path,requests,errors,error_rate,bytes_received,bytes_sent",
    );
    expect(lines.length - 1).toBe((await get("group_by=endpoint")).data.length);
  });

  it.each([
    ["group_by=bogus", "group_by"],
    ["limit=5000", "limit"],
    ["limit=abc", "limit"],
    ["status=abc", "status"],
    ["cursor=!!", "cursor"],
    ["cursor=bm90LWpzb24", "cursor"],
    ["colour=red", ""],
    ["interval=week", "interval"],
    ["period=custom&start=yesterday", "start"],
  ])("%s is a 400 naming the parameter", async (query, param) => {
    const r = await api(`/apps/${appId}/traffic?${query}`);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error).toMatch(/^Invalid query: /);
    if (param) expect(body.issues.map((i: { param: string }) => i.param)).toContain(param);
  });
});

describe("lists", () => {
  it("consumers and endpoints page by cursor, errors follow the filters", async () => {
    const all = (await (await api(`/apps/${appId}/consumers?limit=1000`)).json()).data;
    expect(all.map((c: { identifier: string }) => c.identifier)).toEqual(expect.arrayContaining(["acme", "globex"]));
    const first = await (await api(`/apps/${appId}/consumers?limit=2`)).json();
    const second = await (await api(`/apps/${appId}/consumers?limit=2&cursor=${first.next_cursor}`)).json();
    expect([...first.data, ...second.data]).toEqual(all.slice(0, first.data.length + second.data.length));
    expect((await (await api(`/apps/${appId}/endpoints`)).json()).data.length).toBeGreaterThan(0);
    const errors = await (await api(`/apps/${appId}/errors?start=${RANGE.start}&end=${RANGE.end}`)).json();
    expect(errors.data.map((e: { kind: string }) => e.kind)).toContain("server_error");
  });
});

describe("request logs", () => {
  it("list newest first with the Requests view's filters and cursor, and one log in full", async () => {
    const ts = Date.now() / 1000 - 120;
    const ids = ["a", "b", "c"].map((x) => `00000000-0000-4000-8000-00000000000${x}`);
    for (const [i, id] of ids.entries()) {
      await sql().run(
        `INSERT INTO "RequestLog" ("appId", "uuid", "envId", "fileUuid", "ts", "method", "path", "url", "statusCode",
           "responseTimeMs", "requestHeaders", "responseBody")
         VALUES (?, ?, 1, ?, ?, 'GET', '/items/{id}', ?, ?, ?, ?, ?)`,
        [
          appId,
          id,
          id,
          ts + i,
          `https://api.example.com/items/${i}`,
          i === 2 ? 500 : 200,
          10 + i,
          JSON.stringify([["accept", "application/json"]]),
          Buffer.from(`{"id":${i}}`).toString("base64"),
        ],
      );
    }
    const first = await (await api(`/apps/${appId}/request-logs?period=1h&limit=2`)).json();
    expect(first.data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.data[0]).toMatchObject({ status_code: 500, response_time_ms: 12, env: "prod", has_exception: false });
    const second = await (
      await api(`/apps/${appId}/request-logs?period=1h&limit=2&cursor=${first.next_cursor}`)
    ).json();
    expect(second.data.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(second.next_cursor).toBeNull();
    const errors = await (await api(`/apps/${appId}/request-logs?period=1h&status=5xx&min_ms=11`)).json();
    expect(errors.data.map((r: { id: string }) => r.id)).toEqual([ids[2]]);

    const one = await (await api(`/apps/${appId}/request-logs/${ids[1]}`)).json();
    expect(one).toMatchObject({ id: ids[1], url: "https://api.example.com/items/1", status_code: 200 });
    expect(one.request.headers).toEqual([["accept", "application/json"]]);
    expect(JSON.stringify(one.response.body)).toContain('\\"id\\":1');

    expect((await api(`/apps/${appId}/request-logs/00000000-0000-4000-8000-0000000000ff`)).status).toBe(404);
    // These rows came from no forwarding header, so no country: the filter applies.
    expect((await (await api(`/apps/${appId}/request-logs?period=1h&client_country=us`)).json()).data).toEqual([]);
    const bad = await api(`/apps/${appId}/request-logs?min_ms=soon&client_ip=nope&client_country=USA`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { param: string }) => i.param)).toEqual([
      "min_ms",
      "client_ip",
      "client_country",
    ]);
  });
});

describe("rate limit and OpenAPI", () => {
  it("sends the rate headers and a 429 with Retry-After past 100 a minute", async () => {
    const { key: k } = await newKey("burst");
    let last: Response | undefined;
    for (let i = 0; i < 100; i++) {
      last = await api("/apps", k);
      if (last.status !== 200) break;
    }
    // A minute boundary may have passed during the burst; then the window restarted and fewer are left.
    expect(last!.status).toBe(200);
    expect(last!.headers.get("x-ratelimit-limit")).toBe("100");
    let over = await api("/apps", k);
    for (let i = 0; over.status === 200 && i < 100; i++) over = await api("/apps", k);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("documents every route with the parameters its schema validates", async () => {
    const doc = await (await fetch(`${base()}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/api/v1/apps",
      "/api/v1/apps/{appId}/consumers",
      "/api/v1/apps/{appId}/endpoints",
      "/api/v1/apps/{appId}/traffic",
      "/api/v1/apps/{appId}/request-logs",
      "/api/v1/apps/{appId}/request-logs/{requestId}",
      "/api/v1/apps/{appId}/errors",
    ]);
    const traffic = doc.paths["/api/v1/apps/{appId}/traffic"].get.parameters;
    const limit = traffic.find((p: { name: string }) => p.name === "limit");
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 1000 });
    expect(traffic.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["appId", "start", "end", "env", "status", "group_by", "interval", "format", "cursor"]),
    );
  });
});
