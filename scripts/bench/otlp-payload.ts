// OTLP/HTTP export bodies shaped like apitally-py 1.x's (tests/fixtures/otlp/apitally-py-1.x:
// 005-metrics and 003-traces): one resource with the SDK's attributes (telemetry.distro.name
// apitally-py, so the receiver counts requests from the metrics), encoded by OpenTelemetry's
// own generated protobuf codec and gzipped at level 9 as the SDK's spool files are.
//  - Metrics: scope `apitally`, delta exponential histograms at scale 3, one data point per
//    (method, route, status, consumer) series: http.server.request.duration (s),
//    http.server.response.body.size (By) for every series, http.server.request.body.size (By)
//    for methods with a body; each with min/max and up to 20 exemplars (the OpenTelemetry
//    default reservoir for exponential histograms, filled because every request is traced);
//    plus process.uptime, process.cpu.utilization and process.memory.usage.
//  - Traces: SERVER spans under the FastAPI instrumentation's scope with the attributes it sets
//    in http/dup mode (old and stable HTTP semconv), list-valued headers, the SDK's JSON bodies
//    and consumer attributes; 1–2 child spans each (a database query, sometimes an outbound
//    call); an `exception` event on the 500s; pydantic bodies on the 422s.
// The series come from the demo traffic of the hub bench's app (payload.ts's BENCH_APP,
// lib/demo/traffic.ts), with its request counts, times and sizes, so both protocols describe
// the same API. Every body differs (its own minute and ids): the receiver skips a
// body it has seen (receipt = hash of the body).
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import * as generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import { mulberry32, type Rng } from "../../lib/demo/random";
import {
  DemoTraffic,
  requestBytes,
  requestCount,
  responseBytes,
  responseMs,
  type Series,
} from "../../lib/demo/traffic";
import { BENCH_APP } from "./payload";

interface Codec {
  fromObject(object: object): unknown;
  encode(message: unknown): { finish(): Uint8Array };
}
type Collector = Record<"trace" | "metrics", { v1: Record<string, Codec> }>;
// A CommonJS module: under tsx its exports sit under default.
const root = ((generated as { default?: unknown }).default ?? generated) as {
  opentelemetry: { proto: { collector: Collector } };
};
const { collector } = root.opentelemetry.proto;
const CODECS = {
  metrics: collector.metrics.v1.ExportMetricsServiceRequest,
  traces: collector.trace.v1.ExportTraceServiceRequest,
};

export interface OtlpSender {
  /** service.instance.id: a UUIDv4 per process, as the SDK sets it. */
  instanceId: string;
  env: string;
}

export interface OtlpBody {
  /** The gzip bytes POSTed. */
  body: Buffer<ArrayBuffer>;
  /** The protobuf message before gzip. */
  protobufBytes: number;
  /** Data points (metrics) or spans (traces) in the export. */
  items: number;
  /** Requests the export counts (the duration histograms' counts; SERVER spans for traces). */
  requests: number;
}

const SDK_VERSION = "1.0.0";
export const OTLP_USER_AGENT = `apitally-py/${SDK_VERSION}`;
const DELTA = 1;
const CUMULATIVE = 2;
const SCALE = 3;
const EXEMPLARS_MAX = 20;
const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 };
const STATUS_ERROR = 2;

// --- AnyValue helpers --------------------------------------------------------------------------
type KeyValue = { key: string; value: object };
const str = (key: string, v: string): KeyValue => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): KeyValue => ({ key, value: { intValue: v } });
const strs = (key: string, v: string[]): KeyValue => ({
  key,
  value: { arrayValue: { values: v.map((x) => ({ stringValue: x })) } },
});

/** Nanoseconds since the epoch as the decimal string protobufjs takes for fixed64. */
const nanos = (sec: number, extraNs = 0) => (BigInt(sec) * 1_000_000_000n + BigInt(Math.floor(extraNs))).toString();

/** Random trace/span ids from one pool per body (ids must be unique across bodies, so not from the seeded rng). */
function idPool(bytes: number) {
  const pool = randomBytes(bytes);
  let at = 0;
  return (n: 8 | 16) => {
    if (at + n > pool.length) throw new Error("id pool exhausted");
    const id = pool.subarray(at, at + n);
    at += n;
    return id;
  };
}

function resource(s: OtlpSender) {
  return {
    attributes: [
      str("telemetry.sdk.language", "python"),
      str("telemetry.sdk.name", "opentelemetry"),
      str("telemetry.sdk.version", "1.43.0"),
      str("service.instance.id", s.instanceId),
      str("service.name", "unknown_service"),
      str("deployment.environment.name", s.env),
      str("telemetry.distro.name", "apitally-py"),
      str("telemetry.distro.version", SDK_VERSION),
    ],
  };
}

function encode(kind: keyof typeof CODECS, exp: object): { body: Buffer<ArrayBuffer>; protobufBytes: number } {
  const codec = CODECS[kind];
  const bytes = codec.encode(codec.fromObject(exp)).finish();
  return { body: Buffer.from(gzipSync(bytes, { level: 9 })), protobufBytes: bytes.length };
}

// --- Series: the (method, route, status, consumer) tuples of one app ---------------------------
const traffic = new DemoTraffic({ ...BENCH_APP, rowsPerMinute: 1 }); // its catalog and pick(), no minutes

/** `n` distinct series, deterministic for a seed (as payload.ts's templates pick their rows). */
export function makeSeries(n: number, seed: number): Series[] {
  const rng = mulberry32(seed);
  const seen = new Set<string>();
  const out: Series[] = [];
  while (out.length < n) {
    const x = traffic.pick(rng);
    const key = `${x.ep.method} ${x.ep.path}|${x.consumer?.identifier}|${x.status}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  return out;
}

/** Requests per series: ~6.5 on average, ~3,250 in a 500-series export (BENCHMARKS.md §6). */
const LOAD = 2;
const durationSec = (rng: Rng, x: Series) => responseMs(rng, x.ep, x.status) / 1000;

// --- Metrics -----------------------------------------------------------------------------------
/** One delta exponential histogram point at scale 3 over `values` (bucket i holds (2^(i/8), 2^((i+1)/8)]). */
function exponentialPoint(
  attributes: KeyValue[],
  startNs: string,
  timeNs: string,
  values: number[],
  asInt: boolean,
  startSec: number,
  rng: Rng,
  id: ReturnType<typeof idPool>,
) {
  const buckets = new Map<number, number>();
  let zero = 0;
  let sum = 0;
  for (const v of values) {
    sum += v;
    if (v <= 0) zero++;
    else {
      const i = Math.ceil(Math.log2(v) * 2 ** SCALE) - 1;
      buckets.set(i, (buckets.get(i) ?? 0) + 1);
    }
  }
  const indices = [...buckets.keys()];
  const offset = indices.length ? Math.min(...indices) : 0;
  const bucketCounts = indices.length
    ? Array.from({ length: Math.max(...indices) - offset + 1 }, (_, k) => buckets.get(offset + k) ?? 0)
    : [];
  return {
    attributes,
    startTimeUnixNano: startNs,
    timeUnixNano: timeNs,
    count: values.length,
    sum,
    scale: SCALE,
    zeroCount: zero,
    positive: { offset, bucketCounts },
    negative: { bucketCounts: [0] },
    exemplars: values.slice(0, EXEMPLARS_MAX).map((v) => ({
      timeUnixNano: nanos(startSec, rng() * 45e9),
      ...(asInt ? { asInt: Math.round(v) } : { asDouble: v }),
      spanId: id(8),
      traceId: id(16),
    })),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * One metrics export of the given series for the minute starting at `minuteSec` (epoch
 * seconds): each series' first measurement in that minute's first 45 s, the export at :59.
 * `seed` varies the counts and values, so every export differs.
 */
export function metricsExport(
  series: Series[],
  sender: OtlpSender,
  minuteSec: number,
  seed: number,
  uptimeSec: number,
): OtlpBody {
  const rng = mulberry32(seed);
  const exemplars = series.reduce((n, x) => n + (x.ep.hasBody ? 3 : 2), 0) * EXEMPLARS_MAX;
  const id = idPool(exemplars * 24);
  const timeNs = nanos(minuteSec + 59, rng() * 1e9);
  const duration: object[] = [];
  const response: object[] = [];
  const request: object[] = [];
  let requests = 0;
  for (const x of series) {
    const count = requestCount(rng, LOAD);
    requests += count;
    const startNs = nanos(minuteSec, rng() * 45e9);
    const attributes = [
      str("http.request.method", x.ep.method),
      str("http.route", x.ep.path),
      int("http.response.status_code", x.status),
      ...(x.consumer ? [str("apitally.consumer.identifier", x.consumer.identifier)] : []),
      str("url.scheme", "https"),
      ...(x.status >= 500 ? [str("error.type", String(x.status))] : []),
    ];
    const point = (values: number[], asInt: boolean) =>
      exponentialPoint(attributes, startNs, timeNs, values, asInt, minuteSec, rng, id);
    duration.push(
      point(
        Array.from({ length: count }, () => durationSec(rng, x)),
        false,
      ),
    );
    response.push(
      point(
        Array.from({ length: count }, () => responseBytes(rng, x.ep, x.status)),
        true,
      ),
    );
    if (x.ep.hasBody)
      request.push(
        point(
          Array.from({ length: count }, () => requestBytes(rng)),
          true,
        ),
      );
  }
  const histogram = (name: string, unit: string, dataPoints: object[]) => ({
    name,
    unit,
    exponentialHistogram: { dataPoints, aggregationTemporality: DELTA },
  });
  const exp = {
    resourceMetrics: [
      {
        resource: resource(sender),
        scopeMetrics: [
          {
            scope: { name: "apitally" },
            metrics: [
              {
                name: "process.uptime",
                unit: "s",
                gauge: { dataPoints: [{ timeUnixNano: timeNs, asDouble: uptimeSec }] },
              },
              histogram("http.server.request.duration", "s", duration),
              histogram("http.server.response.body.size", "By", response),
              histogram("http.server.request.body.size", "By", request),
            ],
          },
          {
            scope: { name: "opentelemetry.instrumentation.system_metrics", version: "0.64b0" },
            metrics: [
              {
                name: "process.cpu.utilization",
                description:
                  "Difference in process.cpu.time since the last measurement, divided by the elapsed time and number of CPUs available to the process.",
                unit: "1",
                gauge: {
                  dataPoints: [{ timeUnixNano: timeNs, asDouble: Math.round((0.05 + rng() * 0.4) * 1000) / 1000 }],
                },
              },
              {
                name: "process.memory.usage",
                description: "The amount of physical memory in use.",
                unit: "By",
                sum: {
                  dataPoints: [
                    {
                      startTimeUnixNano: nanos(minuteSec - Math.floor(uptimeSec)),
                      timeUnixNano: timeNs,
                      asInt: Math.round(180e6 + rng() * 40e6),
                    },
                  ],
                  aggregationTemporality: CUMULATIVE,
                },
              },
            ],
          },
        ],
      },
    ],
  };
  return { ...encode("metrics", exp), items: duration.length + response.length + request.length + 3, requests };
}

// --- Traces ------------------------------------------------------------------------------------
const USER_AGENTS = [
  "python-httpx/0.27.0",
  "okhttp/4.12.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "axios/1.7.2",
  "Go-http-client/2.0",
];
const WORDS = [
  "alpha",
  "bravo",
  "charlie",
  "delta",
  "echo",
  "foxtrot",
  "golf",
  "hotel",
  "india",
  "juliet",
  "kilo",
  "lima",
  "mike",
  "november",
  "oscar",
  "papa",
];

function jsonRecord(rng: Rng, id: number) {
  const w = () => WORDS[Math.floor(rng() * WORDS.length)];
  return {
    id,
    name: `${w()} ${w()}`,
    status: rng() < 0.8 ? "active" : "archived",
    amount: Math.round(rng() * 100_000) / 100,
    currency: "EUR",
    tags: [w(), w()],
    created_at: "2026-11-09T14:03:27.114Z",
    owner: { id: Math.floor(rng() * 10_000), email: `${w()}.${w()}@example.com`, api_token: "[REDACTED]" },
  };
}

/** A JSON response body of about `bytes` bytes: a record or a page of records. */
function responseJson(rng: Rng, bytes: number): string {
  const one = JSON.stringify(jsonRecord(rng, 1));
  if (bytes <= one.length * 1.5) return one;
  const items: object[] = [];
  let size = 40;
  while (size < bytes) {
    const r = jsonRecord(rng, items.length + 1);
    items.push(r);
    size += JSON.stringify(r).length + 1;
  }
  return JSON.stringify({ items, page: 1, per_page: items.length, total: items.length * 7 });
}

const PYDANTIC_422 = JSON.stringify({
  detail: [
    { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error.email" },
    {
      loc: ["body", "quantity"],
      msg: "ensure this value is greater than 0",
      type: "value_error.number.not_gt",
      ctx: { limit_value: 0 },
    },
  ],
});

function traceback(route: string): string {
  const frames = [
    [
      "/srv/app/.venv/lib/python3.12/site-packages/opentelemetry/instrumentation/asgi/__init__.py",
      743,
      "__call__",
      "await self.app(scope, otel_receive, otel_send)",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/middleware/exceptions.py",
      62,
      "__call__",
      "await wrap_app_handling_exceptions(self.app, conn)(scope, receive, send)",
    ],
    ["/srv/app/.venv/lib/python3.12/site-packages/starlette/_exception_handler.py", 53, "wrapped_app", "raise exc"],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/_exception_handler.py",
      42,
      "wrapped_app",
      "await app(scope, receive, sender)",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/routing.py",
      715,
      "__call__",
      "await self.middleware_stack(scope, receive, send)",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/routing.py",
      735,
      "app",
      "await route.handle(scope, receive, send)",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/routing.py",
      288,
      "handle",
      "await self.app(scope, receive, send)",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/starlette/routing.py",
      76,
      "app",
      "await wrap_app_handling_exceptions(app, request)(scope, receive, send)",
    ],
    ["/srv/app/.venv/lib/python3.12/site-packages/starlette/routing.py", 73, "app", "response = await f(request)"],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/fastapi/routing.py",
      301,
      "app",
      "raw_response = await run_endpoint_function(",
    ],
    [
      "/srv/app/.venv/lib/python3.12/site-packages/fastapi/routing.py",
      212,
      "run_endpoint_function",
      "return await dependant.call(**values)",
    ],
    [
      `/srv/app/api/routes${route.replace(/\{[^}]+\}/g, "item").replace(/\/api\/v1/, "")}.py`,
      88,
      "handler",
      "return await service.run(request, payload)",
    ],
    ["/srv/app/api/services/base.py", 131, "run", "customer = self.customers[payload.customer_id]"],
  ];
  const lines = frames.map(([file, line, fn, code]) => `  File "${file}", line ${line}, in ${fn}\n    ${code}\n`);
  return `Traceback (most recent call last):\n${lines.join("")}KeyError: 'customer_id'\n`;
}

/**
 * One trace export with `servers` SERVER spans of requests in the minute starting at
 * `minuteSec`, each with 1–2 child spans (so about 2.5 spans per request in all).
 */
export function tracesExport(servers: number, sender: OtlpSender, minuteSec: number, seed: number): OtlpBody {
  const rng = mulberry32(seed);
  const id = idPool(servers * (16 + 3 * 8));
  const serverSpans: object[] = [];
  const dbSpans: object[] = [];
  const httpSpans: object[] = [];
  const host = "api.example.com";
  for (let n = 0; n < servers; n++) {
    const x = traffic.pick(rng);
    const { ep, status, consumer } = x;
    const traceId = id(16);
    const spanId = id(8);
    const startNs = rng() * 50e9;
    const durNs = Math.max(0.3, durationSec(rng, x)) * 1e9;
    const path = ep.path.replace(/\{[^}]+\}/, String(1 + Math.floor(rng() * 99_999)));
    const query =
      ep.method === "GET" && !ep.path.includes("{") && rng() < 0.4
        ? `page=${1 + Math.floor(rng() * 5)}&per_page=50`
        : "";
    const target = query ? `${path}?${query}` : path;
    const userAgent = USER_AGENTS[Math.floor(rng() * USER_AGENTS.length)];
    const clientIp = `203.0.113.${1 + Math.floor(rng() * 254)}`;
    const clientPort = 30_000 + Math.floor(rng() * 30_000);
    const requestId = traceId.toString("hex").slice(0, 16);
    const requestBody = ep.hasBody
      ? JSON.stringify({
          ...jsonRecord(rng, 0),
          email: "someone@example.com",
          quantity: 1 + Math.floor(rng() * 9),
          password: "[REDACTED]",
        })
      : null;
    const responseBody =
      status === 204
        ? null
        : status >= 500
          ? "Internal Server Error"
          : status === 422
            ? PYDANTIC_422
            : status === 404
              ? '{"detail":"Not Found"}'
              : status === 401
                ? '{"detail":"Not authenticated"}'
                : status === 400 || status === 429
                  ? `{"detail":"${status === 429 ? "Too many requests" : "Bad request"}"}`
                  : responseJson(rng, 150 + rng() ** 2 * 6000);
    const responseSize = responseBody === null ? 0 : Buffer.byteLength(responseBody);
    const attributes: KeyValue[] = [
      str("http.scheme", "https"),
      str("url.scheme", "https"),
      str("http.host", host),
      str("server.address", host),
      int("net.host.port", 443),
      int("server.port", 443),
      str("http.flavor", "1.1"),
      str("network.protocol.version", "1.1"),
      str("http.target", target),
      str("url.path", path),
      ...(query ? [str("url.query", query)] : []),
      str("http.url", `https://${host}${target}`),
      str("http.method", ep.method),
      str("http.request.method", ep.method),
      str("http.server_name", host),
      str("http.user_agent", userAgent),
      str("user_agent.original", userAgent),
      str("net.peer.ip", clientIp),
      str("client.address", clientIp),
      int("net.peer.port", clientPort),
      int("client.port", clientPort),
      int("http.status_code", status),
      int("http.response.status_code", status),
      ...(status >= 500 ? [str("error.type", String(status))] : []),
      str("http.route", ep.path),
      ...(requestBody ? [int("http.request.body.size", Buffer.byteLength(requestBody))] : []),
      int("http.response.body.size", responseSize),
      ...(consumer ? [str("apitally.consumer.identifier", consumer.identifier)] : []),
      ...(consumer?.name ? [str("apitally.consumer.name", consumer.name)] : []),
      ...(consumer?.group ? [str("apitally.consumer.group", consumer.group)] : []),
      strs("http.request.header.host", [host]),
      strs("http.request.header.user-agent", [userAgent]),
      strs("http.request.header.accept", ["application/json"]),
      strs("http.request.header.accept-encoding", ["gzip, deflate, br"]),
      strs("http.request.header.authorization", ["[REDACTED]"]),
      strs("http.request.header.x-request-id", [requestId]),
      ...(requestBody
        ? [
            strs("http.request.header.content-type", ["application/json"]),
            strs("http.request.header.content-length", [String(Buffer.byteLength(requestBody))]),
          ]
        : []),
      strs("http.response.header.content-length", [String(responseSize)]),
      ...(responseBody !== null
        ? [
            strs("http.response.header.content-type", [
              status >= 500 ? "text/plain; charset=utf-8" : "application/json",
            ]),
          ]
        : []),
      strs("http.response.header.x-request-id", [requestId]),
      ...(requestBody ? [str("apitally.request.body", requestBody)] : []),
      ...(responseBody !== null ? [str("apitally.response.body", responseBody)] : []),
    ];
    const events =
      status === 500
        ? [
            {
              timeUnixNano: nanos(minuteSec, startNs + durNs * 0.9),
              name: "exception",
              attributes: [
                str("exception.type", "KeyError"),
                str("exception.message", "'customer_id'"),
                str("exception.stacktrace", traceback(ep.path)),
                str("exception.escaped", "False"),
              ],
            },
          ]
        : [];
    serverSpans.push({
      traceId,
      spanId,
      name: `${ep.method} ${ep.path}`,
      kind: SPAN_KIND.SERVER,
      startTimeUnixNano: nanos(minuteSec, startNs),
      endTimeUnixNano: nanos(minuteSec, startNs + durNs),
      attributes,
      events,
      status: status >= 500 ? { code: STATUS_ERROR } : {},
      flags: 256,
    });
    // A database query inside the request, and for a third of them an outbound call too.
    const table = ep.path.split("/")[2]; // /v1/{resource}/…
    const dbStart = startNs + durNs * 0.1;
    const dbDur = durNs * (0.2 + rng() * 0.4);
    const statement =
      ep.method === "GET"
        ? `SELECT ${table}.id, ${table}.name, ${table}.status, ${table}.amount, ${table}.created_at FROM ${table} WHERE ${table}.owner_id = %(owner_id_1)s ORDER BY ${table}.created_at DESC LIMIT %(param_1)s`
        : `UPDATE ${table} SET name=%(name)s, status=%(status)s, amount=%(amount)s WHERE ${table}.id = %(id_1)s`;
    dbSpans.push({
      traceId,
      spanId: id(8),
      parentSpanId: spanId,
      name: `${ep.method === "GET" ? "SELECT" : "UPDATE"} app`,
      kind: SPAN_KIND.CLIENT,
      startTimeUnixNano: nanos(minuteSec, dbStart),
      endTimeUnixNano: nanos(minuteSec, dbStart + dbDur),
      attributes: [
        str("db.statement", statement),
        str("db.system", "postgresql"),
        str("db.name", "app"),
        str("db.user", "app"),
        str("net.peer.name", "db.internal"),
        int("net.peer.port", 5432),
      ],
      status: {},
      flags: 256,
    });
    if (rng() < 1 / 3) {
      const callStart = dbStart + dbDur;
      httpSpans.push({
        traceId,
        spanId: id(8),
        parentSpanId: spanId,
        name: "POST",
        kind: SPAN_KIND.CLIENT,
        startTimeUnixNano: nanos(minuteSec, callStart),
        endTimeUnixNano: nanos(minuteSec, callStart + durNs * 0.2),
        attributes: [
          str("http.method", "POST"),
          str("http.request.method", "POST"),
          str("http.url", "https://payments.internal/v2/charges"),
          str("url.full", "https://payments.internal/v2/charges"),
          str("server.address", "payments.internal"),
          int("server.port", 443),
          int("http.status_code", 200),
          int("http.response.status_code", 200),
        ],
        status: {},
        flags: 256,
      });
    } else id(8);
  }
  const exp = {
    resourceSpans: [
      {
        resource: resource(sender),
        scopeSpans: [
          { scope: { name: "opentelemetry.instrumentation.fastapi", version: "0.64b0" }, spans: serverSpans },
          { scope: { name: "opentelemetry.instrumentation.sqlalchemy", version: "0.64b0" }, spans: dbSpans },
          { scope: { name: "opentelemetry.instrumentation.httpx", version: "0.64b0" }, spans: httpSpans },
        ],
      },
    ],
  };
  return { ...encode("traces", exp), items: serverSpans.length + dbSpans.length + httpSpans.length, requests: servers };
}

/** The headers apitally-py sends with every export (the fixtures' .http.json). */
export function otlpHeaders(writeToken: string, env: string): Record<string, string> {
  return {
    "user-agent": OTLP_USER_AGENT,
    accept: "*/*",
    authorization: `Bearer ${writeToken}`,
    "apitally-env": env,
    "content-type": "application/x-protobuf",
    "content-encoding": "gzip",
  };
}
