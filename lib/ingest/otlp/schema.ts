// zod schemas for the OTLP export requests in their JSON shape (which decode.ts also gives
// protobuf bodies). They accept both spellings OTLP/JSON allows — int64 as string or number,
// enums as number or name, ids as hex or base64 — and turn each into one form: times in
// epoch seconds, ids in lowercase hex, attributes as a plain name → value map.
import { z } from "zod";

export const OTLP_ITEMS_MAX = { resources: 10_000, items: 100_000, attributes: 1_000, events: 1_000, buckets: 10_000 };
const DEPTH_MAX = 16;

export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Map<string, AttrValue>;

// Numbers past 2^53 are not exact in JSON, but senders write them (times in nanoseconds).
const int64 = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().refine(Number.isFinite)]);
const uint64 = z.union([z.string().regex(/^\d{1,20}$/), z.number().min(0).refine(Number.isFinite)]);
/** Unsigned 64-bit counts → numbers; beyond 2^53 they cannot be exact, and are refused. */
const countValue = uint64.transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) ctx.addIssue({ code: "custom", message: "Count is too large", input: v });
  return n;
});
/**
 * Nanoseconds since the epoch → seconds to the microsecond. Both spellings go through the
 * same double first (protobuf's int64 arrives as one), so JSON and protobuf agree exactly.
 */
const nanos = uint64.transform((v) => Math.round(Number(v) / 1000) / 1e6);
const double = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"]).transform(Number)]);

function enumValue<T extends Record<string, number>>(names: T) {
  return z.union([z.number().int(), z.enum(Object.keys(names) as [string, ...string[]]).transform((k) => names[k])]);
}

const hexOrBase64 = (bytes: number) =>
  z.string().transform((s, ctx) => {
    if (s === "") return "";
    if (s.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(s)) return s.toLowerCase();
    const b = Buffer.from(s, "base64");
    if (b.length === bytes && /^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return b.toString("hex");
    ctx.addIssue({ code: "custom", message: `Expected a ${bytes}-byte id in hex or base64`, input: s.slice(0, 64) });
    return "";
  });
const traceId = hexOrBase64(16);
const spanId = hexOrBase64(8);

// AnyValue, read without recursion in zod (a hostile nesting depth must not cost a stack):
// checked as unknown, converted by a depth-capped walk.
function anyValue(v: unknown, depth = 0): AttrValue {
  if (typeof v !== "object" || v === null || depth > DEPTH_MAX) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.stringValue === "string") return o.stringValue;
  if (typeof o.boolValue === "boolean") return o.boolValue;
  if (o.intValue !== undefined) return Number(o.intValue);
  if (o.doubleValue !== undefined) return Number(o.doubleValue);
  if (typeof o.bytesValue === "string") return o.bytesValue;
  const arr = (o.arrayValue as { values?: unknown } | undefined)?.values;
  if (Array.isArray(arr)) return arr.slice(0, OTLP_ITEMS_MAX.attributes).map((x) => anyValue(x, depth + 1));
  const kv = (o.kvlistValue as { values?: unknown } | undefined)?.values;
  if (Array.isArray(kv)) return Object.fromEntries(keyValues(kv, depth + 1));
  return null;
}

function keyValues(list: unknown[], depth: number): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  for (const kv of list.slice(0, OTLP_ITEMS_MAX.attributes)) {
    if (typeof kv === "object" && kv !== null && typeof (kv as { key?: unknown }).key === "string") {
      out.push([(kv as { key: string }).key, anyValue((kv as { value?: unknown }).value, depth)]);
    }
  }
  return out;
}

export const bodyValue = z.unknown().transform((v) => anyValue(v));

const attributes = z
  .array(z.object({ key: z.string(), value: z.unknown().optional() }))
  .max(OTLP_ITEMS_MAX.attributes)
  .optional()
  .transform((list): Attributes => new Map(keyValues(list ?? [], 0)));

const list = <T extends z.ZodType>(item: T, max = OTLP_ITEMS_MAX.items) =>
  z
    .array(item)
    .max(max)
    .optional()
    .transform((a) => a ?? []);

const resource = z
  .object({ attributes })
  .optional()
  .transform((r) => r?.attributes ?? (new Map() as Attributes));
const scope = z
  .object({ name: z.string().optional(), version: z.string().optional() })
  .optional()
  .transform((s) => ({ name: s?.name ?? "", version: s?.version ?? "" }));

// —— metrics ——
const TEMPORALITY = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0,
  AGGREGATION_TEMPORALITY_DELTA: 1,
  AGGREGATION_TEMPORALITY_CUMULATIVE: 2,
};
export const DELTA = 1;

const numberPoint = z
  .object({
    attributes,
    startTimeUnixNano: nanos.optional(),
    timeUnixNano: nanos.optional(),
    asDouble: double.optional(),
    asInt: int64.optional(),
  })
  .transform((p) => ({
    attributes: p.attributes,
    time: p.timeUnixNano ?? 0,
    value: p.asDouble ?? (p.asInt !== undefined ? Number(p.asInt) : null),
  }));

// Bucket counts are most of a histogram export's numbers: read in one loop, not one schema each.
const bucketCounts = z
  .unknown()
  .optional()
  .transform((v, ctx): number[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      ctx.addIssue({ code: "custom", message: "bucketCounts must be a list", input: typeof v });
      return [];
    }
    if (v.length > OTLP_ITEMS_MAX.buckets) {
      ctx.addIssue({
        code: "too_big",
        origin: "array",
        maximum: OTLP_ITEMS_MAX.buckets,
        message: "Too many buckets",
        input: v.length,
      });
      return [];
    }
    const out = new Array<number>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const n = typeof x === "number" ? x : typeof x === "string" && /^\d{1,20}$/.test(x) ? Number(x) : NaN;
      if (!(Number.isSafeInteger(n) && n >= 0)) {
        ctx.addIssue({
          code: "custom",
          message: "A bucket count must be a non-negative integer below 2^53",
          path: [i],
          input: String(x).slice(0, 32),
        });
        return [];
      }
      out[i] = n;
    }
    return out;
  });

const buckets = z
  .object({
    offset: z
      .number()
      .int()
      .min(-(2 ** 31))
      .max(2 ** 31 - 1)
      .optional(),
    bucketCounts,
  })
  .optional()
  .transform((b) => ({ offset: b?.offset ?? 0, counts: b?.bucketCounts ?? [] }));

const exponentialPoint = z
  .object({
    attributes,
    startTimeUnixNano: nanos.optional(),
    timeUnixNano: nanos.optional(),
    count: countValue.optional(),
    sum: double.optional(),
    scale: z.number().int().optional(),
    zeroCount: countValue.optional(),
    zeroThreshold: double.optional(),
    positive: buckets,
    negative: buckets,
  })
  .transform((p) => ({
    attributes: p.attributes,
    start: p.startTimeUnixNano || p.timeUnixNano || 0,
    count: p.count ?? 0,
    sum: p.sum ?? 0,
    scale: p.scale ?? 0,
    zeroCount: p.zeroCount ?? 0,
    positive: p.positive,
    negative: p.negative,
  }));

const metric = z
  .object({
    name: z
      .string()
      .optional()
      .transform((n) => n ?? ""),
    unit: z.string().optional(),
    gauge: z.object({ dataPoints: list(numberPoint) }).optional(),
    sum: z.object({ dataPoints: list(numberPoint) }).optional(),
    exponentialHistogram: z
      .object({ dataPoints: list(exponentialPoint), aggregationTemporality: enumValue(TEMPORALITY).optional() })
      .optional(),
  })
  // Other kinds (explicit-bucket histograms, summaries) are accepted and not read.
  .loose();

export const metricsExportSchema = z.object({
  resourceMetrics: list(
    z.object({ resource, scopeMetrics: list(z.object({ scope, metrics: list(metric) })) }),
    OTLP_ITEMS_MAX.resources,
  ),
});

// —— traces ——
const SPAN_KIND = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
export const SPAN_KIND_NAMES = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];
export const SERVER = 2;
const STATUS_CODE = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };
export const STATUS_NAMES = ["UNSET", "OK", "ERROR"];

const span = z.object({
  traceId,
  spanId,
  parentSpanId: spanId.optional().transform((s) => s ?? ""),
  name: z
    .string()
    .optional()
    .transform((n) => n ?? ""),
  kind: enumValue(SPAN_KIND)
    .optional()
    .transform((k) => k ?? 0),
  startTimeUnixNano: nanos.optional().transform((t) => t ?? 0),
  endTimeUnixNano: nanos.optional().transform((t) => t ?? 0),
  attributes,
  events: list(
    z.object({ name: z.string().optional(), timeUnixNano: nanos.optional(), attributes }),
    OTLP_ITEMS_MAX.events,
  ),
  status: z
    .object({ code: enumValue(STATUS_CODE).optional(), message: z.string().optional() })
    .optional()
    .transform((s) => ({ code: s?.code ?? 0, message: s?.message ?? "" })),
});

export const tracesExportSchema = z.object({
  resourceSpans: list(
    z.object({ resource, scopeSpans: list(z.object({ scope, spans: list(span) })) }),
    OTLP_ITEMS_MAX.resources,
  ),
});

// —— logs ——
const logRecord = z.object({
  timeUnixNano: nanos.optional(),
  observedTimeUnixNano: nanos.optional(),
  severityNumber: z.union([z.number().int(), z.string()]).optional(),
  severityText: z.string().optional(),
  body: bodyValue.optional(),
  attributes,
  traceId: traceId.optional().transform((t) => t ?? ""),
  spanId: spanId.optional().transform((s) => s ?? ""),
  eventName: z.string().optional(),
});

export const logsExportSchema = z.object({
  resourceLogs: list(
    z.object({ resource, scopeLogs: list(z.object({ scope, logRecords: list(logRecord) })) }),
    OTLP_ITEMS_MAX.resources,
  ),
});

export type MetricsExport = z.output<typeof metricsExportSchema>;
export type TracesExport = z.output<typeof tracesExportSchema>;
export type LogsExport = z.output<typeof logsExportSchema>;
export type OtlpSpan = TracesExport["resourceSpans"][number]["scopeSpans"][number]["spans"][number];
export type OtlpLogRecord = LogsExport["resourceLogs"][number]["scopeLogs"][number]["logRecords"][number];
export type ExponentialPoint = z.output<typeof exponentialPoint>;
