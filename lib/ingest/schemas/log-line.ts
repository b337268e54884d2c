// One line of a /log file (docs/hub-protocol.md §5). py and go write snake_case, js camelCase;
// both are read into the one camelCase shape the store keeps (LogLine, lib/model/payloads.ts).
import { z } from "zod";
import { countryOfIp } from "../../geo/country";
import { INT32_MAX } from "../../model/limits";
import type { LogLine } from "../../model/payloads";
import { parseIpAddress } from "../../net/ip-address";
import { clientIpFromHeaders } from "../client-ip";
import { STRING_MAX } from "../limits";
import { cleanText, traceId } from "../normalise";
import { consumerRef, method, optionalText, statusCode, timestamp, uuidField } from "./common";

const LOG_LIMITS = {
  body: 1_000_000,
  headers: 500,
  headerValue: 8192,
  logs: 1000,
  logMessage: 2048,
  spans: 1000,
} as const;
// The clients' own sentinel for bodies they do not keep, base64-encoded.
const BODY_TOO_LARGE = Buffer.from("<body too large>").toString("base64");

const size = z
  .number()
  .nullish()
  .transform((n) => (n != null && Number.isInteger(n) && n >= 0 && n <= INT32_MAX ? n : null));

const body = z
  .string()
  .nullish()
  .transform((b) =>
    b == null || b === "" ? null : b.length > LOG_LIMITS.body ? BODY_TOO_LARGE : cleanText(b, LOG_LIMITS.body),
  );

const headers = z
  .array(z.unknown())
  .nullish()
  .transform((list) => {
    if (!list) return null;
    const pairs: [string, string][] = [];
    for (const h of list.slice(0, LOG_LIMITS.headers)) {
      if (Array.isArray(h) && h.length >= 2 && h[0] != null && h[1] != null) {
        pairs.push([cleanText(String(h[0]), 256), cleanText(String(h[1]), LOG_LIMITS.headerValue)]);
      }
    }
    return pairs.length ? JSON.stringify(pairs) : null;
  });

const request = z.object({
  timestamp,
  method,
  path: optionalText(STRING_MAX.path),
  url: optionalText(STRING_MAX.url),
  headers,
  size,
  consumer: consumerRef,
  body,
});

const response = z
  .object({
    status_code: statusCode.optional(),
    statusCode: statusCode.optional(),
    response_time: z.number().min(0).max(1e7).optional(),
    responseTime: z.number().min(0).max(1e7).optional(),
    headers,
    size,
    body,
  })
  .refine((r) => (r.status_code ?? r.statusCode) !== undefined, "status code missing")
  .refine((r) => (r.response_time ?? r.responseTime) !== undefined, "response time missing");

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number) =>
  typeof v === "string" ? cleanText(v, max) : v == null ? null : cleanText(String(v), max);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
// js sends span times as strings of nanoseconds, py/go as numbers.
const nanos = (v: unknown) =>
  typeof v === "string" && /^\d{1,20}$/.test(v)
    ? v
    : typeof v === "number" && Number.isFinite(v)
      ? BigInt(Math.round(v)).toString()
      : null;
const pick = (o: Obj, camel: string, snake: string) => o[camel] ?? o[snake];

function exceptionJson(e: unknown): string | null {
  if (!isObj(e)) return null;
  return JSON.stringify({
    type: str(e.type, STRING_MAX.errorType),
    message: str(e.message, STRING_MAX.errorMsg),
    traceback: str(e.traceback ?? e.stacktrace, STRING_MAX.traceback),
    sentryEventId: str(pick(e, "sentryEventId", "sentry_event_id"), STRING_MAX.sentryEventId),
  });
}

function logsJson(logs: unknown): string | null {
  if (!Array.isArray(logs)) return null;
  const out = logs
    .filter(isObj)
    .slice(0, LOG_LIMITS.logs)
    .map((l) => ({
      timestamp: num(l.timestamp),
      logger: str(l.logger, 256),
      level: str(l.level, 32),
      message: str(l.message, LOG_LIMITS.logMessage),
      file: str(l.file, 1024),
      line: num(l.line),
    }));
  return out.length ? JSON.stringify(out) : null;
}

function spansJson(spans: unknown): string | null {
  if (!Array.isArray(spans)) return null;
  const out = spans
    .filter(isObj)
    .slice(0, LOG_LIMITS.spans)
    .map((s) => ({
      spanId: str(pick(s, "spanId", "span_id"), 64),
      parentSpanId: str(pick(s, "parentSpanId", "parent_span_id"), 64),
      name: str(s.name, 1024),
      kind: str(s.kind, 32),
      startTime: nanos(pick(s, "startTime", "start_time")),
      endTime: nanos(pick(s, "endTime", "end_time")),
      status: str(s.status, 32),
      attributes: isObj(s.attributes) ? s.attributes : null,
    }));
  return out.length ? JSON.stringify(out) : null;
}

export const logLineSchema = z
  .object({
    uuid: uuidField,
    request,
    response,
    exception: z.unknown().optional(),
    logs: z.unknown().optional(),
    spans: z.unknown().optional(),
    trace_id: z.unknown().optional(),
    traceId: z.unknown().optional(),
    // Not in the hub clients' lines (theirs comes from the forwarding headers): the OTLP
    // receiver's, from the span's client.address.
    client_ip: z.unknown().optional(),
  })
  .transform((l): LogLine => {
    const clientIp =
      (typeof l.client_ip === "string" ? parseIpAddress(l.client_ip) : null) ??
      clientIpFromHeaders(l.request.headers ? JSON.parse(l.request.headers) : []);
    return {
      uuid: l.uuid,
      ts: l.request.timestamp,
      method: l.request.method,
      path: l.request.path || null,
      url: l.request.url ?? "",
      statusCode: (l.response.status_code ?? l.response.statusCode)!,
      // Clients send seconds; milliseconds are what everything else in Tallyhub uses.
      responseTimeMs: (l.response.response_time ?? l.response.responseTime)! * 1000,
      consumer: l.request.consumer,
      requestSize: l.request.size,
      responseSize: l.response.size,
      requestHeaders: l.request.headers,
      responseHeaders: l.response.headers,
      requestBody: l.request.body,
      responseBody: l.response.body,
      exception: exceptionJson(l.exception),
      logs: logsJson(l.logs),
      spans: spansJson(l.spans),
      traceId: traceId(l.traceId ?? l.trace_id),
      clientIp,
      clientCountry: countryOfIp(clientIp),
    };
  });
