// A trace export → request logs (one per SERVER span, with its descendant spans), server
// errors (its `exception` event), validation errors (a captured FastAPI/pydantic 422 body),
// consumers with their names and groups, and — for services that send no Apitally request
// histograms — request counts from the spans themselves (the store decides which apply).
import type { InstanceTraces, Sender } from "../../model/otlp";
import type { LogLine } from "../../model/payloads";
import { epochMinute } from "../../store/time";
import {
  clientIp,
  consumerOf,
  countable,
  displayUrl,
  firstInt,
  firstStr,
  headers,
  isHeaderAttribute,
  requestKey,
} from "./attributes";
import { binOf, RESPONSE_TIME_BINS, SIZE_BINS } from "./exponential";
import { addBins, asLogLine, asSync, newHubRequest, type HubRequest } from "./hub-shape";
import { hashUuid, requestUuid, sender, str } from "./resource";
import {
  SERVER,
  SPAN_KIND_NAMES,
  STATUS_NAMES,
  type Attributes,
  type AttrValue,
  type OtlpSpan,
  type TracesExport,
} from "./schema";

// The SDKs' body sentinels; the hub clients spell the too-large one their own way, and it is stored in theirs.
const BODY_TOO_LARGE = "[BODY_TOO_LARGE]";
const HUB_BODY_TOO_LARGE = "<body too large>";
const BODY_ATTRIBUTES = new Set(["apitally.request.body", "apitally.response.body"]);
const VALIDATION_ERRORS_PER_REQUEST = 100;
// Stable names first; Node's http instrumentation writes the old uncompressed ones.
const REQUEST_SIZE = [
  "http.request.body.size",
  "http.request_content_length",
  "http.request_content_length_uncompressed",
];
const RESPONSE_SIZE = [
  "http.response.body.size",
  "http.response_content_length",
  "http.response_content_length_uncompressed",
];

interface MinuteAcc {
  first: number;
  requests: Map<string, HubRequest>;
  validation: Map<string, Record<string, unknown>>;
  server: Map<string, Record<string, unknown>>;
  consumers: Map<string, { identifier: string; name: string | null; group: string | null }>;
}

export function readTraces(exp: TracesExport, headerEnv: string | null, receipt: string): InstanceTraces[] {
  const byInstance = new Map<string, { sender: Sender; spans: OtlpSpan[] }>();
  for (const rs of exp.resourceSpans) {
    const s = sender(rs.resource, headerEnv);
    const key = `${s.env}\u0000${s.instanceUuid}`;
    const acc = byInstance.get(key) ?? { sender: s, spans: [] };
    byInstance.set(key, acc);
    for (const ss of rs.scopeSpans) acc.spans.push(...ss.spans.filter((sp) => sp.traceId !== "" && sp.spanId !== ""));
  }
  return [...byInstance.values()].map(({ sender: s, spans }) => instanceTraces(s, spans, receipt));
}

function instanceTraces(s: Sender, spans: OtlpSpan[], receipt: string): InstanceTraces {
  const children = new Map<string, OtlpSpan[]>();
  for (const sp of spans) {
    if (!sp.parentSpanId) continue;
    const k = `${sp.traceId}/${sp.parentSpanId}`;
    children.set(k, [...(children.get(k) ?? []), sp]);
  }
  const minutes = new Map<number, MinuteAcc>();
  const logs: LogLine[] = [];
  for (const sp of spans) {
    if (sp.kind !== SERVER) continue;
    const a = sp.attributes;
    const k = requestKey(a);
    if (k.method === "OPTIONS") continue;
    const durationMs = Math.max(0, (sp.endTimeUnixNano - sp.startTimeUnixNano) * 1000);
    const inside = descendants(sp, children);
    // Frameworks' instrumentations make a handler's active span a child of the SERVER span:
    // a consumer set there counts for the request too.
    const consumer = [sp, ...inside].map((x) => consumerOf(x.attributes)).find((c) => c.identifier) ?? consumerOf(a);
    if (consumer.identifier && !k.consumer) k.consumer = consumer.identifier;
    const exception = lastException(sp);
    const minute = epochMinute(sp.startTimeUnixNano);
    const m = minutes.get(minute) ?? {
      first: sp.startTimeUnixNano,
      requests: new Map(),
      validation: new Map(),
      server: new Map(),
      consumers: new Map(),
    };
    minutes.set(minute, m);
    m.first = Math.min(m.first, sp.startTimeUnixNano);
    if (consumer.identifier) m.consumers.set(consumer.identifier, { ...consumer, identifier: consumer.identifier });
    const responseBody = str(a.get("apitally.response.body"));
    if (countable(k)) {
      const id = JSON.stringify([k.method, k.route, k.status, k.consumer]);
      const r = m.requests.get(id) ?? newHubRequest(k);
      m.requests.set(id, r);
      r.request_count++;
      addBins(r.response_times, binOf(durationMs, RESPONSE_TIME_BINS));
      const reqSize = firstInt(a, ...REQUEST_SIZE);
      const resSize = firstInt(a, ...RESPONSE_SIZE);
      if (reqSize !== null) {
        r.request_size_sum += reqSize;
        addBins(r.request_sizes, binOf(reqSize, SIZE_BINS));
      }
      if (resSize !== null) {
        r.response_size_sum += resSize;
        addBins(r.response_sizes, binOf(resSize, SIZE_BINS));
      }
      const where = { consumer: k.consumer, method: k.method, path: k.route };
      if (exception)
        count(m.server, {
          ...where,
          type: exception.type,
          msg: exception.message,
          traceback: exception.traceback,
          sentry_event_id: exception.sentryEventId,
        });
      if (k.status === 422) for (const e of pydanticErrors(responseBody)) count(m.validation, { ...where, ...e });
    }
    const line = asLogLine({
      uuid: requestUuid(sp.traceId, sp.spanId),
      request: {
        timestamp: sp.startTimeUnixNano,
        method: k.method ?? "",
        path: k.route,
        url: displayUrl(a),
        headers: headers(a, "request"),
        size: firstInt(a, ...REQUEST_SIZE),
        consumer: consumer.identifier,
        body: storedBody(str(a.get("apitally.request.body"))),
      },
      response: {
        status_code: k.status ?? undefined,
        response_time: durationMs / 1000,
        headers: headers(a, "response"),
        size: firstInt(a, ...RESPONSE_SIZE),
        body: storedBody(responseBody),
      },
      exception: exception && {
        type: exception.type,
        message: exception.message,
        traceback: exception.traceback,
        sentry_event_id: exception.sentryEventId,
      },
      spans: [sp, ...inside].map(spanJson),
      trace_id: sp.traceId,
      client_ip: clientIp(a),
    });
    if (line) logs.push(line);
  }
  const syncs = [...minutes.entries()].map(([minute, m]) =>
    asSync({
      timestamp: m.first,
      instance_uuid: s.instanceUuid,
      message_uuid: hashUuid(receipt, s.env, s.instanceUuid, String(minute)),
      requests: [...m.requests.values()],
      validation_errors: [...m.validation.values()],
      server_errors: [...m.server.values()],
      consumers: [...m.consumers.values()],
    }),
  );
  return { sender: s, syncs, logs, logFileUuid: hashUuid(receipt, s.env, s.instanceUuid, "logs") };
}

function count(into: Map<string, Record<string, unknown>>, item: Record<string, unknown>) {
  const id = JSON.stringify(item);
  const prior = into.get(id);
  if (prior) (prior.error_count as number)++;
  else into.set(id, { ...item, error_count: 1 });
}

/** The last `exception` event wins (OpenTelemetry's rule, and Apitally's). */
function lastException(sp: OtlpSpan) {
  const e = sp.events.findLast((ev) => ev.name === "exception");
  if (!e) return null;
  return {
    type: firstStr(e.attributes, "exception.type") ?? "",
    message: firstStr(e.attributes, "exception.message") ?? "",
    traceback: firstStr(e.attributes, "exception.stacktrace"),
    sentryEventId: firstStr(sp.attributes, "apitally.exception.sentry_event_id"),
  };
}

/** FastAPI/pydantic's 422 body, {"detail": [{"loc": [...], "msg": ..., "type": ...}]}; anything else names no field. */
function pydanticErrors(body: string | null): { loc: (string | number)[]; msg: string; type: string }[] {
  if (!body || body === BODY_TOO_LARGE) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const detail = (parsed as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return [];
  return detail
    .slice(0, VALIDATION_ERRORS_PER_REQUEST)
    .filter(
      (d): d is { loc: unknown[]; msg: unknown; type: unknown } =>
        typeof d === "object" && d !== null && Array.isArray((d as { loc?: unknown }).loc),
    )
    .map((d) => ({
      loc: d.loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number"),
      msg: typeof d.msg === "string" ? d.msg : "",
      type: typeof d.type === "string" ? d.type : "",
    }));
}

// Request logs keep bodies base64-encoded, as the hub clients send them.
function storedBody(body: string | null): string | null {
  if (body === null) return null;
  return Buffer.from(body === BODY_TOO_LARGE ? HUB_BODY_TOO_LARGE : body, "utf8").toString("base64");
}

function descendants(root: OtlpSpan, children: Map<string, OtlpSpan[]>): OtlpSpan[] {
  const out: OtlpSpan[] = [];
  const queue = [root];
  const seen = new Set([root.spanId]);
  while (queue.length > 0) {
    const sp = queue.shift()!;
    for (const c of children.get(`${sp.traceId}/${sp.spanId}`) ?? []) {
      if (seen.has(c.spanId)) continue;
      seen.add(c.spanId);
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function spanJson(sp: OtlpSpan) {
  return {
    span_id: sp.spanId,
    parent_span_id: sp.parentSpanId || null,
    name: sp.name,
    kind: SPAN_KIND_NAMES[sp.kind] ?? "UNSPECIFIED",
    start_time: nanosText(sp.startTimeUnixNano),
    end_time: nanosText(sp.endTimeUnixNano),
    status: STATUS_NAMES[sp.status.code] ?? "UNSET",
    attributes: plainAttributes(sp.attributes),
  };
}

/** Epoch seconds → nanoseconds as the hub's span times are written (digits, microsecond precision). */
const nanosText = (seconds: number) => (BigInt(Math.round(seconds * 1e6)) * 1000n).toString();

/** Span attributes as stored: the headers and bodies live on the request log instead. */
function plainAttributes(a: Attributes): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of a) if (!isHeaderAttribute(k) && !BODY_ATTRIBUTES.has(k)) out[k] = v;
  return out;
}
