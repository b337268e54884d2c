// OTLP request bytes → a plain object in the OTLP/JSON shape, whichever encoding came in.
// Protobuf goes through the OpenTelemetry project's own generated codecs (protobufjs); a body
// holding several messages back to back (apitally-py spools them so) decodes as their merge,
// as protobuf defines it: the repeated resource lists are appended.
import * as generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import { badRequest } from "./responses";

// Its typings declare only a protobufjs Root; these are the three messages we use.
interface Codec {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: object): unknown;
}
type Collector = Record<"trace" | "metrics" | "logs", { v1: Record<string, Codec> }>;
// A CommonJS module: Node's ESM loader puts it under default, bundlers at the top level.
const root = ((generated as { default?: unknown }).default ?? generated) as { opentelemetry: { proto: { collector: Collector } } };
const { collector } = root.opentelemetry.proto;

export type Signal = "traces" | "metrics" | "logs";
export type Encoding = "protobuf" | "json";

const MESSAGES = {
  traces: collector.trace.v1.ExportTraceServiceRequest,
  metrics: collector.metrics.v1.ExportMetricsServiceRequest,
  logs: collector.logs.v1.ExportLogsServiceRequest,
};

// Int64 as decimal strings (nanosecond times overflow doubles), ids as base64 (the schema
// reads base64 and hex alike), enums as numbers: what OTLP/JSON itself allows.
const TO_OBJECT = { longs: String, bytes: String, enums: Number, defaults: false } as const;

export function decodeOtlp(signal: Signal, body: Buffer, encoding: Encoding): unknown {
  if (encoding === "json") {
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("Body is not valid JSON");
    }
  }
  const message = MESSAGES[signal];
  try {
    return message.toObject(message.decode(body), TO_OBJECT);
  } catch (e) {
    // protobufjs names the fault (wire type, truncation); a structure nested past the stack is a RangeError.
    throw badRequest(`Body is not a valid ${signal} export: ${e instanceof Error ? e.message.slice(0, 200) : "undecodable"}`);
  }
}
