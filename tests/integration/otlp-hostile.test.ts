// Hostile input for the OTLP/HTTP receiver (/v1/{traces,metrics,logs}), generated from a fixed
// seed: never a 5xx, a google.rpc.Status for every refusal (protobuf, or JSON for JSON requests),
// nothing stored by a refused request, an accepted one stored once — a resend changes nothing —
// and valid variants of the real apitally-py exports (unknown fields, other field orders,
// OTLP/JSON, 100 concurrent copies) stored exactly as the exports themselves are.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { createApp } from "../helpers/factory";
import { INGEST_TABLES, rollupTotals, rowCounts } from "../helpers/hub-db";
import { OTLP_FIXTURES_DIR, replayOtlp, shiftOtlpJson } from "../helpers/otlp-fixtures";
import {
  MiB,
  otlpHostileCases,
  paddedTo,
  rawFixtures,
  toOtlpJson,
  withFieldsReversed,
  withUnknownFields,
  withUnpackedBuckets,
  type OtlpCase,
  type RawFixture,
} from "../helpers/otlp-hostile-cases";
import { decodePartialSuccess, decodeStatus, lenField } from "../helpers/otlp-wire";

type App = Awaited<ReturnType<typeof createApp>>;
const db = inject("db");
const baseUrl = () => inject("baseUrl");
const cases = otlpHostileCases();
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 413: 8, 415: 3, 429: 8 };

function requestHeaders(c: OtlpCase, token: string): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": c.encoding === "json" ? "application/json" : "application/x-protobuf",
  };
  const auth = c.auth === undefined ? `Bearer ${token}` : c.auth === null ? null : c.auth(token);
  if (auth !== null) headers.authorization = auth;
  for (const [k, v] of Object.entries(c.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  return headers;
}

/** A case as it says it is sent: on a connection of its own when it asks for one. */
function sendCase(c: OtlpCase, token: string, body: Buffer): Promise<Response | "cut off"> {
  if (c.freshConnection) return sendOnOwnConnection(`${baseUrl()}/v1/${c.signal}`, requestHeaders(c, token), body);
  return send(c, token, body);
}

function send(c: OtlpCase, token: string, body: Buffer): Promise<Response> {
  const payload = c.chunked
    ? new ReadableStream<Uint8Array>({
        start(ctrl) {
          for (let i = 0; i < body.length; i += 256 * 1024)
            ctrl.enqueue(new Uint8Array(body.subarray(i, i + 256 * 1024)));
          ctrl.close();
        },
      })
    : new Uint8Array(body);
  return fetch(`${baseUrl()}/v1/${c.signal}`, {
    method: "POST",
    headers: requestHeaders(c, token),
    body: payload,
    duplex: "half",
  } as RequestInit);
}

/**
 * A chunked POST on a connection of its own, closed afterwards; the answer counts even if the upload is cut off, and a
 * connection the server closed before the answer could be read is "cut off".
 */
function sendOnOwnConnection(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<Response | "cut off"> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      url,
      { method: "POST", agent: false, headers: { ...headers, connection: "close", "transfer-encoding": "chunked" } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("error", reject);
        res.on("end", () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") h.set(k, v);
          resolve(new Response(new Uint8Array(Buffer.concat(chunks)), { status: res.statusCode, headers: h }));
        });
      },
    );
    req.on("error", (e) => {
      if (answered) return;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE" || code === "ECONNRESET") resolve("cut off");
      else reject(e);
    });
    Readable.from(
      (function* () {
        for (let i = 0; i < body.length; i += 256 * 1024) yield body.subarray(i, i + 256 * 1024);
      })(),
    ).pipe(req);
  });
}

const count = async (text: string, params: (string | number)[] = []) =>
  Number((await sql().all<{ n: number }>(text, params))[0].n);
const allReceipts = () => count(`SELECT COUNT(*) AS "n" FROM "IngestReceipt"`);

// Every row an ingest can write for an app: hub-db's tables (what rowCounts counts, in one query:
// it runs several times per case), the OTLP app logs, and the OTLP receipts apart.
const COUNTED = [...INGEST_TABLES, "RequestAppLog"];
const COUNT_ALL = [
  ...COUNTED.map((t) => `SELECT '${t}' AS "t", COUNT(*) AS "n" FROM "${t}" WHERE "appId" = ?`),
  `SELECT 'otlpReceipts' AS "t", COUNT(*) AS "n" FROM "IngestReceipt" WHERE "appId" = ? AND "kind" LIKE 'otlp-%'`,
].join(" UNION ALL ");

async function stored(appId: number): Promise<Record<string, number>> {
  const rows = await sql().all<{ t: string; n: number }>(COUNT_ALL, Array<number>(COUNTED.length + 1).fill(appId));
  const [app] = await sql().all<Record<string, number>>(
    `SELECT "nextEnvId", "nextEndpointId", "nextConsumerId", "nextGroupId", "nextErrorId" FROM "App" WHERE "id" = ?`,
    [appId],
  );
  return {
    ...Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])),
    ...Object.fromEntries(Object.entries(app).map(([k, v]) => [k, Number(v)])),
  };
}

/** What an app holds, compared across apps: row counts, rollup sums and a few values that are not timestamps. */
async function storedResult(appId: number) {
  const num = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === "bigint" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) ? Number(v) : v,
        ]),
      ),
    );
  return {
    counts: await stored(appId),
    totals: await rollupTotals(appId),
    requestLogs: num(
      await sql().all(
        `SELECT "method", "path", "url", "statusCode", "responseTimeMs", "consumerId", "requestSize", "responseSize",
           "exception" FROM "RequestLog" WHERE "appId" = ? ORDER BY "ts", "uuid"`,
        [appId],
      ),
    ),
    samples: num(
      await sql().all(`SELECT "ts", "cpuPercent", "memoryRss" FROM "ResourceSample" WHERE "appId" = ? ORDER BY "ts"`, [
        appId,
      ]),
    ),
    consumers: await sql().all(`SELECT "identifier", "name" FROM "Consumer" WHERE "appId" = ? ORDER BY "identifier"`, [
      appId,
    ]),
    endpoints: await sql().all(`SELECT "method", "path" FROM "Endpoint" WHERE "appId" = ? ORDER BY "method", "path"`, [
      appId,
    ]),
    serverErrors: await sql().all(`SELECT "type", "msg" FROM "ServerError" WHERE "appId" = ? ORDER BY "type", "msg"`, [
      appId,
    ]),
    appLogs: num(
      await sql().all(
        `SELECT "message", "level", "logger", "line" FROM "RequestAppLog" WHERE "appId" = ? ORDER BY "ts", "message"`,
        [appId],
      ),
    ),
  };
}

/**
 * The reply must be what OTLP/HTTP says: an empty Export*ServiceResponse, or a google.rpc.Status in the request's
 * encoding.
 */
async function checkReply(res: Response, c: OtlpCase, headers: Record<string, string>) {
  const body = Buffer.from(await res.arrayBuffer());
  const json = headers["content-type"]?.split(";")[0].trim().toLowerCase() === "application/json";
  const shown = body
    .toString("utf8")
    .replace(/[^\x20-\x7e]/g, ".")
    .slice(0, 300);
  expect(res.status, shown).toBeLessThan(500);
  expect(c.expect, `${res.status} ${shown}`).toContain(res.status);
  if (res.status === 200) {
    // An empty Export*ServiceResponse, or one whose partial success says what was left out (times the server does not
    // keep, such as an unset start time of 1970).
    const reply = json ? (JSON.parse(body.toString()) as Record<string, { errorMessage?: string }>) : null;
    const partial = json ? (reply!.partialSuccess ?? null) : body.length ? decodePartialSuccess(body) : null;
    if (reply) expect(Object.keys(reply)).toEqual(partial ? ["partialSuccess"] : []);
    if (!json && body.length) expect(partial, shown).not.toBeNull();
    if (partial) expect(partial.errorMessage).toMatch(/^Not stored: /);
    return;
  }
  const status = json ? (JSON.parse(body.toString()) as { code: number; message: string }) : decodeStatus(body);
  expect(res.headers.get("content-type")).toContain(json ? "application/json" : "application/x-protobuf");
  expect(status.code, shown).toBe(GRPC_CODE[res.status]);
  expect(status.message.length).toBeGreaterThan(0);
  if (res.status === 429) expect(res.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
}

// A few apps share the cases, so no app comes near the rate limit (200 exports a second, 1,800 a minute).
const CASES_PER_APP = 100;
const pool: Promise<App>[] = [];
const appFor = (i: number) => (pool[Math.floor(i / CASES_PER_APP)] ??= createApp({ envs: ["prod"] }));

describe("OTLP hostile input", () => {
  it("has at least 400 reproducible cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(otlpHostileCases().map((c) => `${c.name} ${c.expect.join(",")}`)).toEqual(
      cases.map((c) => `${c.name} ${c.expect.join(",")}`),
    );
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  cases.forEach((c, i) => {
    const bug = c.knownBug?.[db];
    // A known receiver bug is expected to fail here until it is fixed (then vitest says so).
    const test = bug ? it.fails : it;
    test(`${i} ${c.signal}: ${c.name}${bug ? ` [known bug: ${bug}]` : ""}`, async () => {
      const app = await appFor(i);
      const body = c.body();
      const before = { stored: await stored(app.id), receipts: await allReceipts() };
      const headers = requestHeaders(c, app.writeToken!);
      const res = await sendCase(c, app.writeToken!, body);
      if (res === "cut off") {
        expect(c.freshConnection, "only an upload past the drain limit may be cut off").toBe(true);
        expect(await stored(app.id)).toEqual(before.stored);
        expect(await allReceipts()).toBe(before.receipts);
        return;
      }
      await checkReply(res, c, headers);

      if (res.status !== 200) {
        // Refused: nothing stored, in this app or any other.
        expect(await stored(app.id)).toEqual(before.stored);
        expect(await allReceipts()).toBe(before.receipts);
        return;
      }
      // Accepted: one new receipt for a body not seen before (and then nothing else for one seen before).
      const after = await stored(app.id);
      const added = after.otlpReceipts - before.stored.otlpReceipts;
      expect([0, 1]).toContain(added);
      if (added === 0) expect(after).toEqual(before.stored);
      for (const [table, n] of Object.entries(after))
        expect(n, table).toBeGreaterThanOrEqual(before.stored[table as keyof typeof after]);
      // Exactly once: the same body again is acknowledged and stores nothing.
      const again = await sendCase(c, app.writeToken!, body);
      if (again === "cut off") throw new Error("an accepted body was cut off when sent again");
      expect(again.status).toBe(200);
      await again.arrayBuffer();
      expect(await stored(app.id)).toEqual(after);
    });
  });

  it("leaves the server healthy", async () => {
    const r = await fetch(`${baseUrl()}/api/health`);
    expect(r.status).toBe(200);
  });

  it("counted what rowCounts counts", async () => {
    for (const app of await Promise.all(pool)) {
      const counts = await stored(app.id);
      expect(counts).toMatchObject(await rowCounts(app.id));
      expect(counts.RequestAppLog).toBe(
        await count(`SELECT COUNT(*) AS "n" FROM "RequestAppLog" WHERE "appId" = ?`, [app.id]),
      );
      expect(Object.keys(counts)).toHaveLength(Object.keys(await rowCounts(app.id)).length + 2);
    }
  });
});

const fixtures = rawFixtures();
const plain = fixtures.filter((f) => f.run === "");
const token = (app: App) => app.writeToken!;
const replayBody = (f: RawFixture, app: App, body: Buffer, overrides: Record<string, string> = {}) =>
  replayOtlp(baseUrl(), { ...f, body }, token(app), overrides);
const IDENTITY = { "content-encoding": "identity" };

async function expectOk(res: Response, label: string) {
  const text = Buffer.from(await res.arrayBuffer())
    .toString("utf8")
    .replace(/[^\x20-\x7e]/g, ".");
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBe(200);
}

/** The stored result of one fixture alone, in a fresh app. */
const reference = new Map<string, Promise<Awaited<ReturnType<typeof storedResult>>>>();
function referenceOf(f: RawFixture) {
  if (!reference.has(f.label)) {
    reference.set(
      f.label,
      (async () => {
        const app = await createApp({ envs: ["prod"] });
        await expectOk(await replayOtlp(baseUrl(), f, token(app)), f.label);
        return storedResult(app.id);
      })(),
    );
  }
  return reference.get(f.label)!;
}

describe("valid protobuf variants store exactly what the export stores", () => {
  it.each(fixtures.map((f) => [f.label, f] as const))(
    "%s with unknown fields of every wire type in every message",
    async (_l, f) => {
      const app = await createApp({ envs: ["prod"] });
      await expectOk(await replayBody(f, app, withUnknownFields(f.signal, f.raw, 7), IDENTITY), f.label);
      expect(await storedResult(app.id)).toEqual(await referenceOf(f));
    },
  );

  it.each(fixtures.map((f) => [f.label, f] as const))(
    "%s with every message's fields in reverse order",
    async (_l, f) => {
      const app = await createApp({ envs: ["prod"] });
      await expectOk(await replayBody(f, app, withFieldsReversed(f.signal, f.raw), IDENTITY), f.label);
      expect(await storedResult(app.id)).toEqual(await referenceOf(f));
    },
  );

  it("005-metrics with its packed bucket counts written unpacked", async () => {
    const f = plain.find((x) => x.name === "005-metrics")!;
    const app = await createApp({ envs: ["prod"] });
    const unpacked = withUnpackedBuckets(f.raw);
    expect(unpacked.length).toBeGreaterThan(f.raw.length);
    await expectOk(await replayBody(f, app, unpacked, IDENTITY), f.label);
    expect(await storedResult(app.id)).toEqual(await referenceOf(f));
  });

  it("003-traces padded to exactly 4 MiB on the wire, and to exactly 16 MiB inflated", async () => {
    const f = plain.find((x) => x.name === "003-traces")!;
    const wire = await createApp({ envs: ["prod"] });
    await expectOk(await replayBody(f, wire, paddedTo(f.raw, 4 * MiB), IDENTITY), "4 MiB");
    expect(await storedResult(wire.id)).toEqual(await referenceOf(f));
    const inflated = await createApp({ envs: ["prod"] });
    await expectOk(await replayBody(f, inflated, gzipSync(paddedTo(f.raw, 16 * MiB))), "16 MiB inflated");
    expect(await storedResult(inflated.id)).toEqual(await referenceOf(f));
  });
});

describe("OTLP/JSON stores what the protobuf export stores", () => {
  it.each(["", "concatenated-batches"])(
    "the %s exports as OTLP/JSON (hex ids, base64 ids, and the fixture's own .json)",
    async (run) => {
      const runFixtures = fixtures.filter((f) => f.run === run);
      const protobufApp = await createApp({ envs: ["prod"] });
      for (const f of runFixtures) await expectOk(await replayOtlp(baseUrl(), f, token(protobufApp)), f.label);
      const expected = await storedResult(protobufApp.id);
      expect(expected.counts.RequestLog).toBe(7);

      const variants: [string, (f: RawFixture) => Buffer][] = [
        ["hex ids", (f) => Buffer.from(JSON.stringify(toOtlpJson(f.signal, f.raw)))],
        ["base64 ids", (f) => Buffer.from(JSON.stringify(toOtlpJson(f.signal, f.raw, "base64")))],
        // Python's json_format: enum names, hex ids (README); a resource per concatenated message.
        [
          "fixture .json",
          (f) =>
            Buffer.from(shiftOtlpJson(readFileSync(path.join(OTLP_FIXTURES_DIR, f.run, `${f.name}.json`), "utf8"))),
        ],
      ];
      for (const [label, json] of variants) {
        const app = await createApp({ envs: ["prod"] });
        for (const f of runFixtures) {
          const res = await replayBody(f, app, json(f), { "content-type": "application/json", ...IDENTITY });
          expect(res.headers.get("content-type"), `${label} ${f.label}`).toContain("application/json");
          expect(await res.json(), `${label} ${f.label}`).toEqual({});
          expect(res.status).toBe(200);
        }
        expect(await storedResult(app.id), label).toEqual(expected);
      }
    },
  );

  it("gzip-encoded OTLP/JSON is the same export", async () => {
    const f = plain.find((x) => x.name === "003-traces")!;
    const app = await createApp({ envs: ["prod"] });
    await expectOk(
      await replayBody(f, app, gzipSync(JSON.stringify(toOtlpJson(f.signal, f.raw))), {
        "content-type": "application/json",
      }),
      f.label,
    );
    expect(await storedResult(app.id)).toEqual(await referenceOf(f));
  });
});

describe("write tokens", () => {
  it("a token of another app writes into that app, never this one", async () => {
    const mine = await createApp({ envs: ["prod"] });
    const other = await createApp({ envs: ["prod"] });
    const before = await storedResult(mine.id);
    for (const f of plain) {
      // This app's environment header and client id change nothing: the token alone names the app.
      await expectOk(
        await replayOtlp(baseUrl(), f, token(other), { "apitally-env": "prod", "apitally-client-id": mine.clientId }),
        f.label,
      );
    }
    expect(await storedResult(mine.id)).toEqual(before);
    expect((await storedResult(other.id)).counts.RequestLog).toBe(7);
  });

  it("a deleted app's token is refused", async () => {
    const app = await createApp({ envs: ["prod"] });
    const t = token(app);
    await sql().run(`UPDATE "App" SET "writeToken" = ? WHERE "id" = ?`, [`apt_${"Z".repeat(24)}`, app.id]);
    const receipts = await allReceipts();
    const res = await replayOtlp(baseUrl(), plain[0], t);
    expect(res.status).toBe(401);
    expect(decodeStatus(Buffer.from(await res.arrayBuffer())).code).toBe(16);
    expect(await allReceipts()).toBe(receipts);
  });
});

/** The statuses of one export's attempts: resent after Retry-After on 429/503, as exporters do, at most 20 times. */
async function exportUntilDone(f: RawFixture, appToken: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = await replayOtlp(baseUrl(), f, appToken);
    await r.arrayBuffer();
    statuses.push(r.status);
    if (r.status !== 429 && r.status !== 503) break;
    await new Promise((done) => setTimeout(done, Number(r.headers.get("retry-after") ?? 1) * 1000));
  }
  return statuses;
}

describe("exactly once under concurrency", () => {
  it.each(["005-metrics", "003-traces", "004-logs", "001-logs"])(
    "100 concurrent copies of %s are stored once",
    async (name) => {
      const f = plain.find((x) => x.name === name)!;
      const app = await createApp({ envs: ["prod"] });
      // Sent as an OTLP exporter does: a 503 (the server's ingest slots are full) or 429 is retried after Retry-After.
      const seen = await Promise.all(Array.from({ length: 100 }, () => exportUntilDone(f, token(app))));
      expect(
        seen.filter((statuses) => statuses.at(-1) !== 200),
        "every copy is acknowledged in the end",
      ).toEqual([]);
      expect(
        seen.flat().filter((s) => ![200, 429, 503].includes(s)),
        "nothing but acknowledgements and retry signals",
      ).toEqual([]);
      const result = await storedResult(app.id);
      expect(result.counts.otlpReceipts).toBe(1);
      expect(result).toEqual(await referenceOf(f));
    },
  );

  it("25 concurrent different exports of the same requests all count", async () => {
    const f = plain.find((x) => x.name === "005-metrics")!;
    const app = await createApp({ envs: ["prod"] });
    // Each copy ends in its own unknown field: a different body, so a different export.
    const copies = Array.from({ length: 25 }, (_, i) => Buffer.concat([f.raw, lenField(999, Buffer.from(String(i)))]));
    const replies = await Promise.all(copies.map((body) => replayBody(f, app, body, IDENTITY)));
    expect(await Promise.all(replies.map(async (r) => (await r.arrayBuffer(), r.status)))).toEqual(Array(25).fill(200));
    const one = (await referenceOf(f)).totals;
    const all = await rollupTotals(app.id);
    for (const [k, v] of Object.entries(one)) expect(all[k as keyof typeof all], k).toBe(25 * v);
    expect((await stored(app.id)).otlpReceipts).toBe(25);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-app limit, for that app and signal only, storing nothing", async () => {
    const app = await createApp({ envs: ["prod"] });
    const receipts = await allReceipts();
    const c: OtlpCase = { name: "rate", signal: "logs", body: () => Buffer.alloc(8, 0xff), expect: [400, 429] };
    const headers = requestHeaders(c, token(app));
    const limited: Response[] = [];
    // 200 a second, 1,800 a minute: within 2,000 requests one is limited whatever the timing.
    for (let wave = 0; wave < 8 && limited.length === 0; wave++) {
      const replies = await Promise.all(Array.from({ length: 250 }, () => send(c, token(app), c.body())));
      for (const r of replies) {
        expect([400, 429]).toContain(r.status);
        if (r.status === 429) limited.push(r);
        else await r.arrayBuffer();
      }
    }
    expect(limited.length).toBeGreaterThan(0);
    for (const r of limited) {
      await checkReply(r, c, headers);
      expect(Number(r.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    }
    // Another signal of the same app, and the same signal of another app, go on.
    const traces = await send({ ...c, signal: "traces" }, token(app), c.body());
    expect(traces.status).toBe(400);
    const otherApp = await createApp({ envs: ["prod"] });
    const other = await send(c, token(otherApp), c.body());
    expect(other.status).toBe(400);
    expect(await allReceipts()).toBe(receipts);
  });
});
