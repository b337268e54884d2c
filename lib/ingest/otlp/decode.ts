// OTLP request bytes → a plain object in the OTLP/JSON shape, whichever encoding came in.
// Protobuf goes through the OpenTelemetry project's own generated codecs (protobufjs); a body
// holding several messages back to back (apitally-py spools them so) decodes as their merge,
// as protobuf defines it: the repeated resource lists are appended.
import * as generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import { badRequest, tooLarge } from "./responses";
import { OTLP_ITEMS_MAX } from "./schema";

// Its typings declare only a protobufjs Root; these are the parts we use.
interface Codec {
  decode(bytes: Uint8Array | unknown, length?: number, error?: number): unknown;
  toObject(message: unknown, options: object): unknown;
}
type Package = { [name: string]: Codec & Package };
// A CommonJS module: Node's ESM loader puts it under default, bundlers at the top level.
const root = ((generated as { default?: unknown }).default ?? generated) as { opentelemetry: { proto: Package } };
const proto = root.opentelemetry.proto;

export type Signal = "traces" | "metrics" | "logs";
export type Encoding = "protobuf" | "json";

const MESSAGES: Record<Signal, Codec> = {
  traces: proto.collector.trace.v1.ExportTraceServiceRequest,
  metrics: proto.collector.metrics.v1.ExportMetricsServiceRequest,
  logs: proto.collector.logs.v1.ExportLogsServiceRequest,
};

// Int64 as numbers (a nanosecond time loses ~100 ns to a double; we keep milliseconds), ids
// as base64 (the schema reads base64 and hex alike), enums as numbers: what OTLP/JSON allows.
const TO_OBJECT = { longs: Number, bytes: String, enums: Number, defaults: false } as const;

// A few bytes of gzip can inflate to millions of empty data points, each an object once
// decoded. The generated decoders are counted as they run, so an export over the limits is
// refused after decoding that many items, not after building all of them.
const BUDGETS = {
  items: OTLP_ITEMS_MAX.items,
  attributes: 20 * OTLP_ITEMS_MAX.items,
  events: OTLP_ITEMS_MAX.items,
  bucketBytes: 1024 * 1024,
};
type Budget = keyof typeof BUDGETS;
let left: Record<Budget, number> | null = null;

function counted(codec: Codec, budget: Budget, bytes = false) {
  const decode = codec.decode.bind(codec);
  codec.decode = (reader, length, error) => {
    if (left) {
      left[budget] -= bytes ? (length ?? 0) : 1;
      if (left[budget] < 0)
        throw tooLarge(`Too many ${budget === "bucketBytes" ? "histogram buckets" : budget} in one export`);
    }
    return decode(reader, length, error);
  };
}

const { metrics, trace, logs, common } = {
  metrics: proto.metrics.v1,
  trace: proto.trace.v1,
  logs: proto.logs.v1,
  common: proto.common.v1,
};
for (const c of [
  metrics.NumberDataPoint,
  metrics.HistogramDataPoint,
  metrics.ExponentialHistogramDataPoint,
  metrics.SummaryDataPoint,
  trace.Span,
  logs.LogRecord,
]) {
  counted(c, "items");
}
counted(common.KeyValue, "attributes");
counted(trace.Span.Event, "events");
counted(trace.Span.Link, "events");
counted(metrics.ExponentialHistogramDataPoint.Buckets, "bucketBytes", true);

// Exemplars are half of some SDKs' metrics exports and nothing Tallyhub reads: skipped unread.
const exemplar = metrics.Exemplar;
exemplar.decode = (reader, length) => {
  (reader as { skip(n?: number): void }).skip(length);
  return {};
};

export function decodeOtlp(signal: Signal, body: Buffer, encoding: Encoding): unknown {
  if (encoding === "json") {
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("Body is not valid JSON");
    }
  }
  const message = MESSAGES[signal];
  left = { ...BUDGETS };
  try {
    return message.toObject(message.decode(body), TO_OBJECT);
  } catch (e) {
    if (e instanceof Error && "status" in e) throw e;
    // protobufjs names the fault (wire type, truncation); a structure nested past the stack is a RangeError.
    throw badRequest(
      `Body is not a valid ${signal} export: ${e instanceof Error ? e.message.slice(0, 200) : "undecodable"}`,
    );
  } finally {
    left = null;
  }
}
