// Realistic hub traffic of one app, in the wire format the official clients send (snake_case, histogram keys as
// strings), so it goes through the same parse and store code as real syncs: a catalog of endpoints (a few slow) and
// consumers (a long tail), and the (endpoint, consumer, status) rows of a minute drawn from it. The demo seeder asks
// for minutes with a daily and weekly rhythm and recurring error bursts (syncFor); the bench asks for one busy minute
// of an exact size (busyMinute), and its OTLP exports draw their series the same way (pick). Request logs (/log
// files: gzip'd NDJSON lines shaped like the Python client's) are drawn the same way too (logLines, logFileBody).
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { requestBody, responseBody } from "./bodies";
import { demoConsumers, demoEndpoints, type DemoConsumer, type DemoEndpoint } from "./catalog";
import { mulberry32, normal, pickWeighted, zipfCumulative, type Rng } from "./random";

export interface DemoOptions {
  consumers: number;
  endpoints: number;
  /** Distinct (endpoint, consumer, status) rows per minute at average load. */
  rowsPerMinute: number;
  seed: number;
}

export const DEFAULT_DEMO: DemoOptions = { consumers: 500, endpoints: 100, rowsPerMinute: 420, seed: 42 };

/** One (endpoint, consumer, status): a row of a sync, a series of an OTLP export. */
export interface Series {
  ep: DemoEndpoint;
  consumer: DemoConsumer | null;
  status: number;
}

export type RequestRow = ReturnType<typeof makeRow>;

/** What a sync carries about its minute's requests. */
export interface MinuteRows {
  requests: RequestRow[];
  validation_errors: object[];
  server_errors: object[];
}

const MINUTE_S = 60;
const BURST_EVERY_MIN = 3 * 24 * 60 + 97; // an incident every ~3 days
const BURST_LENGTH_MIN = 45;
/** The bench's busy minute: about ten requests per row, twice the demo's busiest afternoons. */
const BUSY_LOAD = 3;

export class DemoTraffic {
  readonly endpoints: DemoEndpoint[];
  readonly consumers: DemoConsumer[];
  private readonly endpointCum: number[];
  private readonly consumerCum: number[];
  private readonly instanceUuid = randomUUID();
  private announced = false;

  constructor(readonly options: DemoOptions = DEFAULT_DEMO) {
    const rng = mulberry32(options.seed);
    this.endpoints = demoEndpoints(options.endpoints, rng);
    this.consumers = demoConsumers(options.consumers, rng);
    this.endpointCum = zipfCumulative(this.endpoints.length, 0.8);
    this.consumerCum = zipfCumulative(this.consumers.length, 1.05);
  }

  startup() {
    return {
      instance_uuid: this.instanceUuid,
      message_uuid: randomUUID(),
      paths: this.endpoints.map((e) => ({ method: e.method, path: e.path })),
      versions: { python: "3.12.4", fastapi: "0.115.0", apitally: "0.14.3", app: "2.8.1" },
      client: "python:starlette",
    };
  }

  /** Traffic load at a moment: busy afternoons (UTC), quiet nights, lighter weekends. */
  static load(epochS: number): number {
    const d = new Date(epochS * 1000);
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    const daily = 0.55 + 0.45 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.6 : 1;
    return Math.max(0.15, daily * weekend * 1.25);
  }

  /** A request's endpoint, consumer (some anonymous) and status; the endpoint `burst` is failing. */
  pick(rng: Rng, burst = -1): Series {
    const ei = pickWeighted(rng, this.endpointCum);
    const ep = this.endpoints[ei];
    const consumer = rng() < 0.08 ? null : this.consumers[pickWeighted(rng, this.consumerCum)];
    return { ep, consumer, status: pickStatus(rng, ep, ei === burst) };
  }

  /** Up to `target` distinct rows with their errors; `load` scales the requests per row. */
  rows(rng: Rng, target: number, load: number, burst = -1): MinuteRows {
    const rows = new Map<string, RequestRow>();
    const validation: object[] = [];
    const server: object[] = [];
    for (let tries = 0; rows.size < target && tries < target * 4; tries++) {
      const { ep, consumer, status } = this.pick(rng, burst);
      const key = `${ep.method} ${ep.path}|${consumer?.identifier}|${status}`;
      if (rows.has(key)) continue;
      const inBurst = ep === this.endpoints[burst];
      const count = requestCount(rng, load);
      const id = consumer?.identifier ?? null;
      rows.set(key, makeRow(rng, ep, id, status, count, inBurst));
      if (status === 422) validation.push(validationError(ep, id, count));
      if (status === 500) server.push(serverError(ep, id, count, inBurst));
    }
    return { requests: [...rows.values()], validation_errors: validation, server_errors: server };
  }

  /** The sync an instance would send for one minute starting at epochS. */
  syncFor(epochS: number) {
    const minute = Math.floor(epochS / MINUTE_S);
    const rng = mulberry32(this.options.seed * 1_000_003 + minute);
    const load = DemoTraffic.load(epochS) * (0.9 + 0.2 * rng());
    const burst =
      minute % BURST_EVERY_MIN < BURST_LENGTH_MIN ? Math.floor(minute / BURST_EVERY_MIN) % this.endpoints.length : -1;
    const target = Math.max(1, Math.round(this.options.rowsPerMinute * load));
    const rows = this.rows(rng, target, load, burst);
    const consumers = this.announced ? [] : this.consumers.filter((c) => c.name || c.group);
    this.announced = true;
    return {
      timestamp: epochS + 30,
      instance_uuid: this.instanceUuid,
      message_uuid: randomUUID(),
      ...rows,
      consumers,
      resources: {
        cpu_percent: Math.round(load * 40 * 10) / 10,
        memory_rss: 180_000_000 + Math.round(load * 60_000_000),
      },
    };
  }

  /**
   * One busy minute with exactly rowsPerMinute rows and no incident, deterministic for a seed, with a few named
   * consumers announced as a client does when they are new: the body of a sync without its ids and timestamp.
   */
  busyMinute(seed: number): MinuteRows & { consumers: DemoConsumer[] } {
    const rng = mulberry32(seed);
    const rows = this.rows(rng, this.options.rowsPerMinute, BUSY_LOAD);
    if (rows.requests.length < this.options.rowsPerMinute)
      throw new Error(`${this.options.rowsPerMinute} distinct rows need more endpoints or consumers`);
    const named = this.consumers.filter((c) => c.name);
    const consumers = Array.from({ length: Math.min(5, named.length) }, () => named[Math.floor(rng() * named.length)]);
    return { ...rows, consumers };
  }

  /**
   * `count` logged requests spread evenly over [fromS, toS), oldest first, deterministic for a seed: bodies with
   * searchable words, an exception on every 500, a client IP per consumer (X-Forwarded-For), a log record on some.
   */
  logLines(seed: number, fromS: number, toS: number, count: number): LogLineWire[] {
    const rng = mulberry32(seed);
    return Array.from({ length: count }, (_, i) => this.logLine(rng, fromS + ((toS - fromS) * i) / count));
  }

  logLine(rng: Rng, ts: number) {
    const { ep, consumer, status } = this.pick(rng);
    const id = consumer?.identifier ?? null;
    const path = ep.path.replace("{id}", String(1 + Math.floor(rng() * 5000)));
    const reqBody = ep.hasBody ? requestBody(rng, id) : null;
    const resBody = responseBody(rng, ep, status);
    const b64 = (s: string | null) => (s === null ? null : Buffer.from(s).toString("base64"));
    // Consumers call from a few addresses of their own; anonymous callers from anywhere.
    const ipSeed = consumer ? this.consumers.indexOf(consumer) * 4 + Math.floor(rng() * 4) : Math.floor(rng() * 1e6);
    const ip = `10.${(ipSeed >> 16) & 255}.${(ipSeed >> 8) & 255}.${ipSeed & 255}`;
    return {
      uuid: randomUUID(),
      request: {
        timestamp: Math.round(ts * 1000) / 1000,
        method: ep.method,
        path: ep.path,
        url: `https://api.example.com${path}${ep.method === "GET" && rng() < 0.3 ? `?page=${1 + Math.floor(rng() * 9)}` : ""}`,
        headers: [
          ["host", "api.example.com"],
          ["user-agent", rng() < 0.5 ? "python-requests/2.32.3" : "axios/1.7.2"],
          ["x-forwarded-for", ip],
          ...(reqBody ? [["content-type", "application/json"]] : []),
        ],
        size: reqBody?.length ?? 0,
        consumer: id,
        body: b64(reqBody),
      },
      response: {
        status_code: status,
        response_time: responseMs(rng, ep, status) / 1000,
        headers: [["content-type", "application/json"]],
        size: resBody?.length ?? 0,
        body: b64(resBody),
      },
      ...(status === 500 && { exception: exceptionOf(ep) }),
      ...(rng() < 0.1 && {
        logs: [{ timestamp: ts, logger: "app", level: "INFO", message: `handled ${ep.method} ${path}` }],
      }),
    };
  }
}

/** One request-log line of the Python client (tests/fixtures/hub/py-*-log.ndjson). */
export type LogLineWire = ReturnType<DemoTraffic["logLine"]>;

/** A /log file's body as the clients send it: one JSON line per request, gzip'd. */
export const logFileBody = (lines: object[]) => gzipSync(lines.map((l) => JSON.stringify(l)).join("\n"));

/** Requests of one row in a minute: mostly a few, sometimes many; `load` scales them. */
export function requestCount(rng: Rng, load: number): number {
  return 1 + Math.floor(-Math.log(1 - rng()) * 3 * load);
}

function pickStatus(rng: Rng, ep: DemoEndpoint, inBurst: boolean): number {
  const x = rng();
  if (x < (inBurst ? 0.3 : ep.baseErrorRate)) return rng() < 0.85 ? 500 : 503;
  if (x < 0.04) return 404;
  if (x < 0.055) return 401;
  if (x < 0.07 && ep.hasBody) return 422;
  if (x < 0.08) return 400;
  if (x < 0.085) return 429;
  return ep.method === "POST" ? 201 : ep.method === "DELETE" ? 204 : 200;
}

/** One request's response time: around the endpoint's median, 4× in an incident, client errors answer early. */
export function responseMs(rng: Rng, ep: DemoEndpoint, status: number, slowed = false): number {
  const median = ep.medianMs * (slowed ? 4 : 1) * (status >= 400 && status < 500 ? 0.4 : 1);
  return Math.max(0, median * Math.exp(0.55 * normal(rng)));
}

/** Response body bytes: lists and records from GETs, small acknowledgements otherwise, nothing for a 204. */
export function responseBytes(rng: Rng, ep: DemoEndpoint, status: number): number {
  return status === 204 ? 0 : Math.round(300 + rng() * (ep.method === "GET" ? 9000 : 1200));
}

/** Request body bytes, for methods with a body. */
export function requestBytes(rng: Rng): number {
  return Math.round(80 + rng() * 2500);
}

function makeRow(rng: Rng, ep: DemoEndpoint, consumer: string | null, status: number, count: number, slowed: boolean) {
  const responseTimes: Record<string, number> = {};
  const responseSizes: Record<string, number> = {};
  const requestSizes: Record<string, number> = {};
  let responseSizeSum = 0;
  let requestSizeSum = 0;
  for (let i = 0; i < count; i++) {
    inc(responseTimes, Math.floor(responseMs(rng, ep, status, slowed) / 10) * 10);
    const resBytes = responseBytes(rng, ep, status);
    responseSizeSum += resBytes;
    inc(responseSizes, Math.floor(resBytes / 1000));
    if (ep.hasBody) {
      const reqBytes = requestBytes(rng);
      requestSizeSum += reqBytes;
      inc(requestSizes, Math.floor(reqBytes / 1000));
    }
  }
  return {
    consumer,
    method: ep.method,
    path: ep.path,
    status_code: status,
    request_count: count,
    request_size_sum: requestSizeSum,
    response_size_sum: responseSizeSum,
    response_times: responseTimes,
    request_sizes: requestSizes,
    response_sizes: responseSizes,
  };
}

function inc(h: Record<string, number>, bin: number) {
  h[String(bin)] = (h[String(bin)] ?? 0) + 1;
}

function validationError(ep: DemoEndpoint, consumer: string | null, count: number) {
  return {
    consumer,
    method: ep.method,
    path: ep.path,
    loc: ["body", "email"],
    msg: "value is not a valid email address",
    type: "value_error.email",
    error_count: count,
  };
}

function exceptionOf(ep: DemoEndpoint) {
  const e = serverError(ep, null, 1, false);
  return { type: e.type, message: e.msg, traceback: e.traceback };
}

function serverError(ep: DemoEndpoint, consumer: string | null, count: number, inBurst: boolean) {
  const [type, msg] = inBurst
    ? ["sqlalchemy.exc.OperationalError", "(psycopg.OperationalError) connection to server failed: timeout expired"]
    : ["builtins.KeyError", "'customer_id'"];
  const traceback = [
    "Traceback (most recent call last):",
    '  File "/app/api/routes.py", line 88, in handler',
    "    return await service.run(request)",
    '  File "/app/api/service.py", line 41, in run',
    `    raise ${type.split(".").pop()}(${JSON.stringify(msg)})`,
    `${type}: ${msg}`,
    "",
  ].join("\n");
  return {
    consumer,
    method: ep.method,
    path: ep.path,
    type,
    msg,
    error_count: count,
    sentry_event_id: null,
    traceback,
  };
}
