import { describe, expect, it } from "vitest";
import { parseSync } from "@/lib/ingest/parse";
import { HubReply } from "@/lib/ingest/responses";
import { fixtureJson, hubFixtures, syncTotals, type SyncJson } from "../../helpers/hub-fixtures";

const parse = (json: unknown) => parseSync(Buffer.from(JSON.stringify(json)));

function refusal(json: unknown): {
  status: number;
  body: { detail: { loc: (string | number)[]; msg: string; type: string }[] };
} {
  try {
    parse(json);
  } catch (e) {
    if (e instanceof HubReply) return { status: e.status, body: e.body as never };
    throw e;
  }
  throw new Error("expected a refusal");
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const binTotal = (bins: [number, number][]) => sum(bins.map(([, n]) => n));

// [fixture, items, requests, request bytes, response bytes, validation errors, server errors, consumers[]]
const expected: [string, number, number, number, number, number, number, number][] = [
  ["js-express-sync", 7, 9, 74, 2647, 2, 2, 1],
  ["js-fastify-sync", 5, 5, 49, 273, 1, 1, 1],
  ["py-fastapi-sync", 7, 9, 74, 534, 3, 2, 2],
  ["py-flask-sync", 3, 3, 0, 304, 0, 1, 1],
  ["js-express-sync-empty", 0, 0, 0, 0, 0, 0, 0],
  ["js-fastify-sync-empty", 0, 0, 0, 0, 0, 0, 0],
  ["py-fastapi-sync-empty", 0, 0, 0, 0, 0, 0, 0],
  ["py-fastapi-sync-shutdown", 0, 0, 0, 0, 0, 0, 0],
  ["py-flask-sync-empty", 0, 0, 0, 0, 0, 0, 0],
  ["py-flask-sync-shutdown", 0, 0, 0, 0, 0, 0, 0],
];

describe("sync payload parsing", () => {
  it("covers every captured sync", () => {
    const names = hubFixtures()
      .filter((f) => f.endpoint === "sync")
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(expected.map((e) => e[0]).sort());
  });

  it.each(expected)(
    "%s adds up exactly",
    (name, items, requests, reqBytes, resBytes, validation, server, consumers) => {
      const raw = fixtureJson<SyncJson>(name);
      const p = parse(raw);
      const totals = syncTotals(raw);
      expect(p.requests).toHaveLength(items);
      expect(sum(p.requests.map((r) => r.requestCount))).toBe(requests);
      expect(sum(p.requests.map((r) => r.requestSizeSum))).toBe(reqBytes);
      expect(sum(p.requests.map((r) => r.responseSizeSum))).toBe(resBytes);
      expect(sum(p.requests.map((r) => binTotal(r.responseTimes)))).toBe(totals.responseTimeBins);
      expect(sum(p.requests.map((r) => binTotal(r.requestSizes)))).toBe(totals.requestSizeBins);
      expect(sum(p.requests.map((r) => binTotal(r.responseSizes)))).toBe(totals.responseSizeBins);
      expect(sum(p.validationErrors.map((e) => e.count))).toBe(validation);
      expect(sum(p.serverErrors.map((e) => e.count))).toBe(server);
      expect(p.consumers).toHaveLength(consumers);
      expect(p.timestamp).toBe(raw.timestamp);
    },
  );

  it("normalises the express capture field by field", () => {
    const p = parse(fixtureJson("js-express-sync"));
    expect(p.instanceUuid).toBe("2dd31438-ecbb-4ada-8b17-024f7eb96c7b");
    expect(p.messageUuid).toBe("150a28c0-ddc4-463d-91f3-25e1232cf95a");
    expect(p.requests[0]).toEqual({
      consumer: null,
      method: "GET",
      path: "/items/:id",
      statusCode: 200,
      requestCount: 2,
      requestSizeSum: 0,
      responseSizeSum: 90,
      responseTimes: [[0, 2]],
      requestSizes: [],
      responseSizes: [[0, 2]],
    });
    expect(p.requests.find((r) => r.statusCode === 500)!.responseSizes).toEqual([[1, 2]]);
    expect(p.requests.map((r) => r.consumer)).toEqual([null, "user-123", "api-key-42", null, null, "user-123", null]);
    expect(p.validationErrors[0]).toEqual({
      consumer: null,
      method: "POST",
      path: "/items",
      loc: ["body", "name"],
      msg: "Invalid value",
      type: "field",
      count: 1,
    });
    expect(p.serverErrors[0]).toMatchObject({
      consumer: "user-123",
      type: "Error",
      msg: "Something exploded in /error",
      sentryEventId: null,
      count: 2,
    });
    expect(p.serverErrors[0].traceback).toMatch(/^Error: Something exploded in \/error\n {4}at /);
    // A plain-string consumer never appears in consumers[] (protocol §6).
    expect(p.consumers).toEqual([{ identifier: "user-123", name: "Alice Example", group: "Admins" }]);
    expect(p.resources).toEqual({ cpuPercent: 2.7437277067139783, memoryRss: 82395136 });
  });

  it("keeps py's null group and null resources", () => {
    expect(parse(fixtureJson("py-fastapi-sync")).consumers).toEqual([
      { identifier: "user-789", name: "Carol", group: "Enterprise" },
      { identifier: "svc-account-1", name: "Batch job", group: null },
    ]);
    expect(parse(fixtureJson("py-fastapi-sync-empty")).resources).toBeNull();
  });

  it("accepts go's omitted keys as empty", () => {
    const go = {
      timestamp: 1795898000,
      instance_uuid: "A42EB749-BA18-4C01-8DB1-951E226D36F3",
      message_uuid: "4baf3a47-b14a-4202-9742-c9323dab9d77",
      requests: [
        {
          method: "get",
          path: "/x",
          status_code: 200,
          request_count: 3,
          request_size_sum: 0,
          response_size_sum: 30,
          response_times: { "10": 2, "20": 1 },
          request_sizes: null,
          response_sizes: { "0": 3 },
        },
      ],
    };
    const p = parse(go);
    expect(p.instanceUuid).toBe("a42eb749-ba18-4c01-8db1-951e226d36f3");
    expect(p.requests).toEqual([
      {
        consumer: null,
        method: "GET",
        path: "/x",
        statusCode: 200,
        requestCount: 3,
        requestSizeSum: 0,
        responseSizeSum: 30,
        responseTimes: [
          [10, 2],
          [20, 1],
        ],
        requestSizes: [],
        responseSizes: [[0, 3]],
      },
    ]);
    expect(p.validationErrors).toEqual([]);
    expect(p.serverErrors).toEqual([]);
    expect(p.consumers).toEqual([]);
    expect(p.resources).toBeNull();
  });

  it("normalises consumers like the clients do", () => {
    const base = fixtureJson<SyncJson>("js-express-sync");
    const long = "x".repeat(200);
    const p = parse({
      ...base,
      requests: [
        { ...base.requests[0], consumer: `  ${long}  ` },
        { ...base.requests[1], consumer: "   " },
        { ...base.requests[2], consumer: 42 },
      ],
      consumers: [
        { identifier: " bob ", name: ` ${"n".repeat(80)} `, group: "" },
        { identifier: "", name: "nobody" },
      ],
    });
    expect(p.requests.map((r) => r.consumer)).toEqual(["x".repeat(128), null, "42"]);
    expect(p.consumers).toEqual([{ identifier: "bob", name: "n".repeat(64), group: null }]);
  });

  it("keeps a path within 2048 bytes of UTF-8, the room PostgreSQL's unique index has", () => {
    const base = fixtureJson<SyncJson>("js-express-sync");
    const p = parse({
      ...base,
      requests: [
        { ...base.requests[0], path: "/" + "路".repeat(3000) },
        { ...base.requests[1], path: "/" + "🙂".repeat(1500) },
      ],
    });
    expect(Buffer.byteLength(p.requests[0].path)).toBe(2047); // "/" + 682 three-byte characters
    expect(p.requests[0].path).toBe("/" + "路".repeat(682));
    expect(p.requests[1].path).toBe("/" + "🙂".repeat(511));
  });

  it("drops requests that matched no route (empty path) instead of refusing the sync", () => {
    const base = fixtureJson<SyncJson>("js-fastify-sync");
    const p = parse({ ...base, requests: [...base.requests, { ...base.requests[0], path: "", status_code: 404 }] });
    expect(p.requests).toHaveLength(5);
  });

  it("strips NUL characters, which PostgreSQL text cannot hold, and mends lone surrogates", () => {
    const base = fixtureJson<SyncJson>("js-express-sync");
    const p = parse({
      ...base,
      requests: [
        { ...base.requests[0], path: "/a\u0000b", consumer: "c\u0000d" },
        { ...base.requests[1], consumer: "\ud800x\udc00🙂" },
      ],
    });
    expect(p.requests[0].path).toBe("/ab");
    expect(p.requests[0].consumer).toBe("cd");
    expect(p.requests[1].consumer).toBe("\ufffdx\ufffd🙂");
  });

  it.each([
    ["negative count", { request_count: -1 }, ["body", "requests", 0, "request_count"]],
    ["count beyond 32 bits", { request_count: 2 ** 31 }, ["body", "requests", 0, "request_count"]],
    ["fractional count", { request_count: 1.5 }, ["body", "requests", 0, "request_count"]],
    ["bytes beyond safe integers", { response_size_sum: 2 ** 53 }, ["body", "requests", 0, "response_size_sum"]],
    ["string count", { request_count: "3" }, ["body", "requests", 0, "request_count"]],
    ["bad status", { status_code: 42 }, ["body", "requests", 0, "status_code"]],
    ["bad method", { method: "GET /x" }, ["body", "requests", 0, "method"]],
    ["negative bin", { response_times: { "-10": 1 } }, ["body", "requests", 0, "response_times", "-10"]],
    ["non-numeric bin", { response_times: { abc: 1 } }, ["body", "requests", 0, "response_times", "abc"]],
    ["negative bin count", { response_times: { "0": -1 } }, ["body", "requests", 0, "response_times", "0"]],
  ])("refuses a %s with 422 naming the field", (_label, patch, loc) => {
    const base = fixtureJson<SyncJson>("js-express-sync");
    const r = refusal({ ...base, requests: [{ ...base.requests[0], ...patch }] });
    expect(r.status).toBe(422);
    expect(r.body.detail[0].loc).toEqual(loc);
    expect(typeof r.body.detail[0].msg).toBe("string");
    expect(typeof r.body.detail[0].type).toBe("string");
  });

  it.each([
    ["missing timestamp", { timestamp: undefined }, ["body", "timestamp"]],
    ["timestamp in milliseconds", { timestamp: 1795897898186 }, ["body", "timestamp"]],
    ["non-uuid message_uuid", { message_uuid: "nope" }, ["body", "message_uuid"]],
    ["requests as an object", { requests: {} }, ["body", "requests"]],
    [
      "resources with negative memory",
      { resources: { cpu_percent: 1, memory_rss: -5 } },
      ["body", "resources", "memory_rss"],
    ],
  ] as [string, Record<string, unknown>, (string | number)[]][])("refuses a %s", (_label, patch, loc) => {
    const r = refusal({ ...fixtureJson<SyncJson>("js-express-sync"), ...patch });
    expect(r.status).toBe(422);
    expect(r.body.detail.map((d) => d.loc)).toContainEqual(loc);
  });

  it("refuses non-JSON and non-object bodies with a JSON detail", () => {
    expect(() => parseSync(Buffer.from("{not json"))).toThrow(HubReply);
    for (const body of ["{not json", "[]", "null", "42", ""]) {
      try {
        parseSync(Buffer.from(body));
        throw new Error("accepted");
      } catch (e) {
        expect(e).toBeInstanceOf(HubReply);
        expect((e as HubReply).status).toBe(422);
        expect((e as HubReply).body).toMatchObject({ detail: [{ loc: ["body"] }] });
      }
    }
  });
});
