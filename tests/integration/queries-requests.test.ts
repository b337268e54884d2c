// The Requests view's read models and JSON routes, fed through the real ingest routes: the
// hub clients' captured log files, hand-made log lines for what the captures lack (both span
// key casings, sentinels, forwarding headers, equal timestamps) and apitally-py 1.x's OTLP exports.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadRequestDetail, loadRequests } from "@/lib/dashboard/requests";
import { sql } from "@/lib/db";
import { countryOfIp } from "@/lib/geo/country";
import { createApp } from "../helpers/factory";
import { get, signIn, userWithPassword } from "../helpers/http-session";
import { hubUrl, logFilesExpanded, makeRequest, makeSync, postJson } from "../helpers/hub-db";
import { fixture, onCaptureDay, periodParams, replay } from "../helpers/hub-fixtures";
import { CAPTURED_AT, OTLP_FIXTURES_DIR, otlpFixtures, replayOtlp, shiftOtlpJson } from "../helpers/otlp-fixtures";

// Recent, as the replayed captures are (inside log retention).
const T = onCaptureDay(22);
// Everything below sits inside this range (the captures were made at 20:31–20:34).
const RANGE = periodParams(onCaptureDay(20), onCaptureDay(23));
const NOW = (T + 50 * 3600) * 1000;
const b64 = (s: string) => Buffer.from(s).toString("base64");
const ns = (ms: number) => BigInt(T * 1000 + ms) * 1_000_000n;

interface Line {
  uuid?: string;
  ts?: number;
  method?: string;
  path?: string;
  url?: string;
  status?: number;
  seconds?: number;
  consumer?: string;
  reqHeaders?: [string, string][];
  resHeaders?: [string, string][];
  reqBody?: string;
  resBody?: string;
  extra?: Record<string, unknown>;
}

/** A log line as the Python client writes it (snake_case). */
function line(l: Line) {
  return {
    uuid: l.uuid ?? randomUUID(),
    request: {
      timestamp: l.ts ?? T,
      method: l.method ?? "GET",
      path: l.path ?? "/orders/{id}",
      url: l.url ?? "https://api.example.com/orders/1",
      headers: l.reqHeaders ?? [["accept", "*/*"]],
      consumer: l.consumer,
      body: l.reqBody,
      size: l.reqBody ? Buffer.from(l.reqBody, "base64").length : undefined,
    },
    response: {
      status_code: l.status ?? 200,
      response_time: l.seconds ?? 0.01,
      headers: l.resHeaders ?? [["content-type", "application/json"]],
      body: l.resBody,
      size: l.resBody ? Buffer.from(l.resBody, "base64").length : 0,
    },
    ...l.extra,
  };
}

async function postLog(clientId: string, env: string, lines: unknown[]) {
  const body = gzipSync(lines.map((l) => JSON.stringify(l)).join("\n"));
  const r = await fetch(hubUrl(clientId, env, "log", `?uuid=${randomUUID()}`), { method: "POST", body });
  expect(r.status).toBe(202);
  await logFilesExpanded();
}

const ID = {
  order: randomUUID(),
  crash: randomUUID(),
  big: randomUUID(),
  remove: randomUUID(),
};
/** Requests into env "edge" from behind proxies: the forwarding headers each sent, and the client Tallyhub should find. */
const EDGE = {
  // Private hops of the app's own network right of the client.
  chain: { headers: [["x-forwarded-for", "8.8.8.8, 172.16.0.3, 100.64.0.7, 10.0.0.2"]], ip: "8.8.8.8" },
  // The client made up the left entries; the app's proxy appended the address it saw.
  spoofed: { headers: [["X-Forwarded-For", "1.1.1.1, 10.9.9.9, 9.9.9.9, 10.0.0.2"]], ip: "9.9.9.9" },
  // Every hop inside the network: the leftmost is where the request started.
  internal: { headers: [["x-forwarded-for", "192.168.1.20, 10.0.0.2"]], ip: "192.168.1.20" },
  forwarded: {
    headers: [["forwarded", 'for=1.1.1.1, for="[2001:4860:4860::8888]:443";proto=https, for=10.0.0.9']],
    ip: "2001:4860:4860::8888",
  },
  realIp: { headers: [["x-real-ip", "193.0.6.139"]], ip: "193.0.6.139" },
} satisfies Record<string, { headers: [string, string][]; ip: string }>;
const EDGE_ID = Object.fromEntries(Object.keys(EDGE).map((k) => [k, randomUUID()])) as Record<
  keyof typeof EDGE,
  string
>;
const TIES = 3; // timestamps shared by many rows …
const PER_TIE = 40; // … each

let appId: number;
let clientId: string;
let owner: string;
let stranger: string;
let strangerAppId: number;
let strangerRequest: string;

beforeAll(async () => {
  const [a, b] = [await userWithPassword(), await userWithPassword()];
  const app = await createApp({ ownerId: a.id, envs: ["prod", "staging", "dev"] });
  appId = app.id;
  clientId = app.clientId;
  owner = await signIn(a.email);
  stranger = await signIn(b.email);

  // The consumers' group comes from a sync, as the clients send it.
  const sync = makeSync({
    timestamp: T,
    consumers: [
      { identifier: "acme", name: "Acme Inc", group: "Partners" },
      { identifier: "globex", name: "Globex", group: null },
    ],
  });
  expect((await postJson(clientId, "prod", "sync", sync)).status).toBe(202);
  // Endpoints come from syncs (and startups), not from logs.
  const endpoints = makeSync({
    timestamp: T,
    requests: [makeRequest({ method: "POST", path: "/items", status_code: 201 })],
  });
  expect((await postJson(clientId, "dev", "sync", endpoints)).status).toBe(202);

  await postLog(clientId, "prod", [
    line({
      uuid: ID.order,
      ts: T + 1,
      method: "POST",
      path: "/orders",
      url: "https://api.example.com/orders?ref=newsletter",
      status: 201,
      seconds: 0.12,
      consumer: "acme",
      reqHeaders: [
        ["content-type", "application/json"],
        ["x-forwarded-for", "203.0.113.9, 10.0.0.1"],
        ["authorization", "******"],
      ],
      reqBody: b64('{"sku":"Widget-42","qty":2}'),
      resBody: b64('{"id":7,"status":"created"}'),
      extra: {
        logs: [
          { timestamp: T + 1.001, logger: "orders", level: "INFO", message: "placing order", file: "app.py", line: 12 },
        ],
        // Python and Go: snake_case keys, integer nanoseconds.
        spans: [
          {
            span_id: "s1",
            parent_span_id: null,
            name: "POST /orders",
            kind: "SERVER",
            start_time: Number(ns(1000)),
            end_time: Number(ns(1120)),
          },
          {
            span_id: "s2",
            parent_span_id: "s1",
            name: "db.insert",
            kind: "INTERNAL",
            start_time: Number(ns(1020)),
            end_time: Number(ns(1080)),
            attributes: { "db.system": "postgresql" },
          },
        ],
        trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
      },
    }),
    line({
      uuid: ID.crash,
      ts: T + 2,
      status: 500,
      seconds: 1.5,
      consumer: "globex",
      url: "https://api.example.com/orders/13",
      resBody: b64("<masked>"),
      extra: {
        exception: {
          type: "builtins.RuntimeError",
          message: "boom",
          traceback: 'Traceback (most recent call last):\n  File "app.py", line 40, in get_order\nRuntimeError: boom\n',
          sentry_event_id: "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        },
        // JS: camelCase keys, nanoseconds as text.
        spans: [
          {
            spanId: "j1",
            parentSpanId: null,
            name: "GET /orders/:id",
            startTime: String(ns(2000)),
            endTime: String(ns(3500)),
          },
          {
            spanId: "j2",
            parentSpanId: "j1",
            name: "cache.get",
            startTime: String(ns(2100)),
            endTime: String(ns(2150)),
          },
        ],
      },
    }),
    line({
      uuid: ID.big,
      ts: T + 3,
      status: 404,
      seconds: 0.005,
      url: "https://api.example.com/orders/999",
      reqHeaders: [["x-real-ip", "2001:db8::5"]],
      resBody: b64("<body too large>"),
    }),
    line({
      uuid: ID.remove,
      ts: T + 4,
      method: "DELETE",
      status: 204,
      seconds: 0.03,
      consumer: "acme",
      url: "https://api.example.com/orders/5",
      extra: {
        exception: {
          type: "Error",
          message: "late failure",
          stacktrace: "Error: late failure\n    at remove (/srv/app.js:9:3)",
        },
      },
    }),
  ]);
  await postLog(
    clientId,
    "staging",
    Array.from({ length: TIES * PER_TIE }, (_, i) =>
      line({ ts: T - 600 + Math.floor(i / PER_TIE), path: "/ping", url: `https://api.example.com/ping?i=${i}` }),
    ),
  );
  await postLog(
    clientId,
    "edge",
    Object.entries(EDGE).map(([k, e], i) =>
      line({ uuid: EDGE_ID[k as keyof typeof EDGE], ts: T + 10 + i, path: "/geo", reqHeaders: e.headers }),
    ),
  );
  // The hub clients' own files, into dev.
  for (const name of ["js-express-log", "py-fastapi-log"]) {
    expect((await replay(inject("baseUrl"), fixture(name), clientId, "dev")).status).toBe(202);
  }

  const other = await createApp({ ownerId: b.id });
  strangerAppId = other.id;
  strangerRequest = randomUUID();
  await postLog(other.clientId, "prod", [line({ uuid: strangerRequest })]);
});

const list = async (q: string) => {
  const env = await loadRequests(appId, new URLSearchParams(`${RANGE}&${q}`), NOW);
  expect(env.issues).toEqual([]);
  return env.data;
};
const ids = async (q: string) => (await list(q)).rows.map((r) => r.id);

describe("the request list", () => {
  it("lists the prod requests newest first, with what the table shows", async () => {
    const { rows, next } = await list("env=prod");
    expect(rows.map((r) => r.id)).toEqual([ID.remove, ID.big, ID.crash, ID.order]);
    expect(next).toBeNull();
    expect(rows[3]).toEqual({
      id: ID.order,
      ts: T + 1,
      env: "prod",
      method: "POST",
      path: "/orders",
      url: "https://api.example.com/orders?ref=newsletter",
      statusCode: 201,
      responseTimeMs: 120,
      consumer: { id: expect.any(Number), identifier: "acme", name: "Acme Inc" },
      requestSize: 27,
      responseSize: 27,
      clientIp: "203.0.113.9",
      clientCountry: null, // a documentation address, in no country
      hasException: false,
      hasLogs: true,
      hasSpans: true,
    });
    expect(rows[2]).toMatchObject({ hasException: true, hasLogs: false, hasSpans: true });
  });

  it("filters by consumer and by group", async () => {
    const acme = (await list("env=prod")).rows[0].consumer!.id;
    expect(await ids(`consumer=${acme}`)).toEqual([ID.remove, ID.order]);
    const [{ id: partners }] = await sql().all<{ id: number }>(
      `SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ? AND "name" = 'Partners'`,
      [appId],
    );
    expect(await ids(`group=${partners}`)).toEqual([ID.remove, ID.order]);
  });

  it("filters by method, endpoint route and URL", async () => {
    expect(await ids("method=delete")).toEqual([ID.remove]);
    expect(await ids("env=prod&endpoint=/orders/*")).toEqual([ID.remove, ID.big, ID.crash]);
    expect(await ids("env=prod&endpoint=POST /orders")).toEqual([ID.order]);
    expect(await ids("url=REF=NEWS")).toEqual([ID.order]);
    // An endpoint by id matches the logs of its method and route.
    const [endpoint] = await sql().all<{ id: number }>(
      `SELECT "id" FROM "Endpoint" WHERE "appId" = ? AND "method" = 'POST' AND "path" = '/items'`,
      [appId],
    );
    const posts = await list(`endpoint=${endpoint.id}`);
    expect(posts.rows.length).toBe(4); // js-express and py-fastapi each log two POST /items
    expect(new Set(posts.rows.map((r) => `${r.method} ${r.path}`))).toEqual(new Set(["POST /items"]));
  });

  it("filters by exact status and by class", async () => {
    expect(await ids("env=prod&status=404")).toEqual([ID.big]);
    expect(await ids("env=prod&status=5xx")).toEqual([ID.crash]);
    expect(await ids("env=prod&status=2xx")).toEqual([ID.remove, ID.order]);
  });

  it("filters by response time range, inclusive", async () => {
    expect(await ids("env=prod&minMs=30")).toEqual([ID.remove, ID.crash, ID.order]);
    expect(await ids("env=prod&minMs=30&maxMs=120")).toEqual([ID.remove, ID.order]);
    expect(await ids("env=prod&maxMs=5")).toEqual([ID.big]);
  });

  it("filters by request and response body contents, decoded", async () => {
    expect(await ids("reqBody=Widget-42")).toEqual([ID.order]);
    expect(await ids("resBody=created")).toEqual([ID.order]);
    expect(await ids("reqBody=widget-42")).toEqual([]); // exact bytes
    expect(await ids("resBody=masked")).toEqual([]); // a sentinel is not the body
  });

  it("filters by client IP, from the forwarding headers", async () => {
    expect(await ids("ip=203.0.113.9")).toEqual([ID.order]);
    expect(await ids("ip=2001:db8::5")).toEqual([ID.big]);
  });

  it("finds the client as the first public hop from the right, and its country", async () => {
    const rows = (await list("env=edge")).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [k, e] of Object.entries(EDGE)) {
      const row = byId.get(EDGE_ID[k as keyof typeof EDGE])!;
      expect(row.clientIp, k).toBe(e.ip);
      // What the bundled database says; private addresses have no country.
      expect(row.clientCountry, k).toBe(countryOfIp(e.ip));
    }
    expect(countryOfIp("8.8.8.8")).toBe("US");
    expect(countryOfIp("193.0.6.139")).toBe("NL");
    expect(byId.get(EDGE_ID.chain)!.clientCountry).toBe("US");
    expect(byId.get(EDGE_ID.realIp)!.clientCountry).toBe("NL");
    expect(byId.get(EDGE_ID.internal)!.clientCountry).toBeNull();
    // The spoofed entry's country is not the client's.
    expect(await ids("ip=1.1.1.1")).toEqual([]);
  });

  it("filters by country, exactly", async () => {
    const edge = (await list("env=edge")).rows;
    const from = (c: string) => edge.filter((r) => r.clientCountry === c).map((r) => r.id);
    expect(from("US")).toContain(EDGE_ID.chain);
    expect(await ids("env=edge&country=US")).toEqual(from("US"));
    expect(await ids("env=edge&country=nl")).toEqual([EDGE_ID.realIp]);
    expect(await ids("country=NL")).toEqual([EDGE_ID.realIp]);
    expect(await ids("env=edge&country=ZZ")).toEqual([]);
    expect(await ids("env=edge&country=US&ip=8.8.8.8")).toEqual([EDGE_ID.chain]);
  });

  it("gives OTLP requests the country of the SERVER span's client.address", async () => {
    const app = await createApp();
    const traces = JSON.parse(shiftOtlpJson(readFileSync(path.join(OTLP_FIXTURES_DIR, "003-traces.json"), "utf8")));
    const withClient = JSON.stringify(traces, (key, value) =>
      value?.key === "client.address" ? { key: value.key, value: { stringValue: "8.8.8.8" } } : value,
    );
    expect(withClient).toContain('"stringValue":"8.8.8.8"');
    const r = await fetch(`${inject("baseUrl")}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${app.writeToken}` },
      body: withClient,
    });
    expect(r.status).toBe(200);
    const rows = await sql().all<{ clientIp: string; clientCountry: string }>(
      `SELECT "clientIp", "clientCountry" FROM "RequestLog" WHERE "appId" = ?`,
      [app.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.clientIp === "8.8.8.8" && x.clientCountry === "US")).toBe(true);
  });

  it("filters by exception", async () => {
    expect(await ids("env=prod&exception=1")).toEqual([ID.remove, ID.crash]);
    expect(await ids("env=prod&exception=0")).toEqual([ID.big, ID.order]);
    const dev = await list("env=dev&exception=1");
    expect(dev.rows.map((r) => `${r.path} ${r.statusCode}`)).toEqual(Array(4).fill("/error 500"));
  });

  it("keeps to the period and the environment", async () => {
    const later = await loadRequests(appId, new URLSearchParams(periodParams(onCaptureDay(24), onCaptureDay(25))), NOW);
    expect(later.data.rows).toEqual([]);
    expect((await list("env=dev")).rows).toHaveLength(18); // 9 lines in each captured file
  });

  it("pages through rows sharing timestamps without repeating or skipping one", async () => {
    const seen: string[] = [];
    const stamps: number[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const page = await list(`env=staging${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.rows.map((r) => r.id));
      stamps.push(...page.rows.map((r) => r.ts));
      cursor = page.next;
      pages++;
    }
    expect(pages).toBe(3); // 50 + 50 + 20
    expect(new Set(seen).size).toBe(TIES * PER_TIE);
    const all = await sql().all<{ uuid: string }>(
      `SELECT "uuid" FROM "RequestLog" WHERE "appId" = ? AND "path" = '/ping' ORDER BY "ts" DESC, "uuid" DESC`,
      [appId],
    );
    expect(seen).toEqual(all.map((r) => r.uuid));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
  });

  it("names each bad param instead of failing", async () => {
    const env = await loadRequests(
      appId,
      new URLSearchParams("minMs=fast&ip=localhost&country=USA&cursor=nope&status=2x"),
      NOW,
    );
    expect(env.issues.map((i) => i.message)).toEqual([
      "status must be a status code like 404 or a class like 4xx",
      "minMs must be a number of milliseconds",
      "ip must be an IPv4 or IPv6 address",
      "country must be a two-letter country code (ISO 3166-1 alpha-2)",
      "cursor is not a cursor this list gave out",
    ]);
  });
});

describe("a request's detail", () => {
  it("shows request and response with headers, decoded bodies, app logs and snake_case spans", async () => {
    const d = (await loadRequestDetail(appId, ID.order))!;
    expect(d).toMatchObject({
      method: "POST",
      url: "https://api.example.com/orders?ref=newsletter",
      statusCode: 201,
      env: "prod",
      consumer: { identifier: "acme", name: "Acme Inc" },
      clientIp: "203.0.113.9",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      exception: null,
      // A hub /log file does not say which instance served the request.
      instance: null,
    });
    expect(d.request.headers).toContainEqual(["authorization", "******"]);
    expect(d.request.body).toEqual({
      kind: "json",
      text: '{"sku":"Widget-42","qty":2}',
      pretty: '{\n  "sku": "Widget-42",\n  "qty": 2\n}',
    });
    expect(d.response.body).toMatchObject({ kind: "json", text: '{"id":7,"status":"created"}' });
    expect(d.logs).toEqual([
      { ts: T + 1.001, level: "INFO", logger: "orders", message: "placing order", file: "app.py", line: 12 },
    ]);
    expect(d.waterfall!.spans.map((s) => [s.name, s.depth, Math.round(s.offsetMs), Math.round(s.durationMs)])).toEqual([
      ["POST /orders", 0, 0, 120],
      ["db.insert", 1, 20, 60],
    ]);
    expect(d.waterfall!.spans[1].attributes).toEqual({ "db.system": "postgresql" });
  });

  it("reads camelCase spans, a Python traceback with its Sentry id and the masked sentinel", async () => {
    const d = (await loadRequestDetail(appId, ID.crash))!;
    expect(d.exception).toEqual({
      type: "builtins.RuntimeError",
      message: "boom",
      stack: expect.stringContaining('File "app.py", line 40'),
      sentryEventId: "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    });
    expect(d.response.body).toEqual({ kind: "masked" });
    expect(d.waterfall!.spans.map((s) => [s.name, s.depth, s.offsetMs, s.durationMs])).toEqual([
      ["GET /orders/:id", 0, 0, 1500],
      ["cache.get", 1, 100, 50],
    ]);
    expect((await loadRequestDetail(appId, ID.big))!.response.body).toEqual({ kind: "too-large" });
    expect((await loadRequestDetail(appId, ID.remove))!.exception).toMatchObject({
      type: "Error",
      stack: "Error: late failure\n    at remove (/srv/app.js:9:3)",
      sentryEventId: null,
    });
  });

  it("shows the JS client's captured request: JSON body, console logs, spans, stack trace", async () => {
    const [row] = await sql().all<{ uuid: string }>(
      `SELECT "uuid" FROM "RequestLog" WHERE "appId" = ? AND "url" LIKE ? AND "method" = 'GET' ORDER BY "ts" LIMIT 1`,
      [appId, "%:3000/items/1?%"],
    );
    const d = (await loadRequestDetail(appId, row.uuid))!;
    expect(d.response.body).toMatchObject({ kind: "json", text: '{"id":1,"name":"Widget","secret_token":"******"}' });
    expect(d.logs[0]).toMatchObject({ logger: "console", level: "log", message: "fetching item 1" });
    expect(d.waterfall!.spans.map((s) => s.name)).toEqual(["GET /items/:id", "db.load_item"]);
  });

  it("merges application logs sent over OTLP", async () => {
    const app = await createApp();
    for (const f of otlpFixtures()) {
      expect((await replayOtlp(inject("baseUrl"), f, app.writeToken!)).status).toBe(200);
    }
    const [row] = await sql().all<{ requestUuid: string; n: number }>(
      `SELECT "requestUuid", COUNT(*) AS "n" FROM "RequestAppLog" WHERE "appId" = ? GROUP BY "requestUuid" ORDER BY 2 DESC, 1 LIMIT 1`,
      [app.id],
    );
    const d = (await loadRequestDetail(app.id, row.requestUuid))!;
    expect(d.logs).toHaveLength(Number(row.n));
    expect(d.logs.every((l) => l.message && l.ts)).toBe(true);
    const page = await loadRequests(app.id, new URLSearchParams("period=24h"), CAPTURED_AT);
    expect(page.data.rows.find((r) => r.id === row.requestUuid)).toMatchObject({ hasLogs: true });
  });

  it("is null for another app's request and for ids that are not ids", async () => {
    expect(await loadRequestDetail(appId, strangerRequest)).toBeNull();
    expect(await loadRequestDetail(strangerAppId, strangerRequest)).not.toBeNull();
    expect(await loadRequestDetail(appId, "not-a-uuid")).toBeNull();
    expect(await loadRequestDetail(appId, ID.order.toUpperCase())).not.toBeNull();
  });
});

describe("the JSON routes", () => {
  it("serve a page with a cursor that fetches the next one", async () => {
    const r = await get(`/api/apps/${appId}/requests?${RANGE}&env=staging`, owner);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const first = await r.json();
    expect(first.data.rows).toHaveLength(50);
    const second = await (
      await get(`/api/apps/${appId}/requests?${RANGE}&env=staging&cursor=${first.data.next}`, owner)
    ).json();
    expect(second.data.rows[0].ts).toBeLessThanOrEqual(first.data.rows[49].ts);
    expect(second.data.rows.map((x: { id: string }) => x.id)).not.toContain(first.data.rows[49].id);
  });

  it("answer bad params with 400 and a message naming them", async () => {
    const r = await get(`/api/apps/${appId}/requests?maxMs=soon&exception=perhaps`, owner);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: "maxMs must be a number of milliseconds; exception must be 1 (with an exception) or 0 (without)",
      issues: [
        { param: "maxMs", message: "maxMs must be a number of milliseconds" },
        { param: "exception", message: "exception must be 1 (with an exception) or 0 (without)" },
      ],
    });
  });

  it("answer a bad country with 400, in the list and in the export", async () => {
    const country = "country must be a two-letter country code (ISO 3166-1 alpha-2)";
    for (const bad of ["USA", "1", "%C3%BCs"]) {
      const r = await get(`/api/apps/${appId}/requests?country=${bad}`, owner);
      expect(r.status, bad).toBe(400);
      expect(await r.json()).toEqual({ error: country, issues: [{ param: "country", message: country }] });
    }
    expect((await get(`/api/apps/${appId}/requests/export?country=U5`, owner)).status).toBe(400);
    const ok = await get(`/api/apps/${appId}/requests?${RANGE}&env=edge&country=nl`, owner);
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.rows.map((x: { id: string }) => x.id)).toEqual([EDGE_ID.realIp]);
  });

  it("are 404 for another user's app or request and 401 signed out", async () => {
    expect((await get(`/api/apps/${appId}/requests`, stranger)).status).toBe(404);
    expect((await get(`/api/apps/${appId}/requests/${ID.order}`, stranger)).status).toBe(404);
    expect((await get(`/api/apps/${appId}/requests/${strangerRequest}`, owner)).status).toBe(404);
    expect((await get(`/api/apps/${appId}/requests/${ID.order}`)).status).toBe(401);
    const own = await get(`/api/apps/${appId}/requests/${ID.order}`, owner);
    expect(own.status).toBe(200);
    expect((await own.json()).request.body.kind).toBe("json");
  });

  it("and so are the pages", async () => {
    const page = await get(`/apps/${appId}/requests/${ID.order}`, owner);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("https://api.example.com/orders?ref=newsletter");
    expect((await get(`/apps/${appId}/requests/${ID.order}`, stranger)).status).toBe(404);
    expect((await get(`/apps/${appId}/requests/${strangerRequest}`, owner)).status).toBe(404);
    expect((await get(`/apps/${appId}/requests/not-an-id`, owner)).status).toBe(404);
    // The page names a bad param and shows the list without it.
    const bad = await get(`/apps/${appId}/requests?minMs=x`, owner);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("minMs must be a number of milliseconds");
  });
});
