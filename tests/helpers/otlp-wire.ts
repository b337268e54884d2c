// The protobuf wire format of the OTLP exports, by hand: reading and writing a message's fields as they are on the
// wire (so that tests can build bytes no encoder writes) and rewriting every message of an export.

export type Signal = "traces" | "metrics" | "logs";

export function varint(n: number | bigint): Buffer {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n; // negative int32/int64: ten bytes, two's complement
  const out: number[] = [];
  while (v > 127n) {
    out.push(Number(v & 127n) | 128);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

export const tag = (field: number, wireType: number) => varint(field * 8 + wireType);
export const lenField = (field: number, payload: Buffer) =>
  Buffer.concat([tag(field, 2), varint(payload.length), payload]);

export interface WireField {
  field: number;
  wt: number;
  /** The value's bytes: a varint's bytes, 8 or 4 fixed bytes, a LEN field's payload or a group's inner fields. */
  value: Buffer;
}

export function readVarint(buf: Buffer, pos: number): [number, number] {
  let n = 0;
  for (let shift = 0; shift < 70; shift += 7) {
    if (pos >= buf.length) throw new Error("truncated varint");
    const b = buf[pos++];
    n += (b & 127) * 2 ** shift;
    if (b < 128) return [n, pos];
  }
  throw new Error("varint too long");
}

/** One message's fields, in order (throws on malformed bytes). */
export function parseWire(buf: Buffer): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [field, wt, value, next] = readField(buf, pos);
    if (wt === 4) throw new Error("unexpected end group");
    out.push({ field, wt, value });
    pos = next;
  }
  return out;
}

function readField(buf: Buffer, pos: number): [number, number, Buffer, number] {
  const [key, p] = readVarint(buf, pos);
  const field = Math.floor(key / 8);
  const wt = key % 8;
  let end: number;
  let start = p;
  if (wt === 0) end = readVarint(buf, p)[1];
  else if (wt === 1) end = p + 8;
  else if (wt === 5) end = p + 4;
  else if (wt === 2) {
    const [len, q] = readVarint(buf, p);
    start = q;
    end = q + len;
  } else if (wt === 3) {
    let q = p;
    for (;;) {
      const [f, w, , next] = readField(buf, q);
      if (w === 4) {
        if (f !== field) throw new Error("mismatched end group");
        end = q;
        q = next;
        break;
      }
      q = next;
    }
    if (end > buf.length) throw new Error("truncated");
    return [field, wt, buf.subarray(start, end), q];
  } else if (wt === 4) return [field, wt, Buffer.alloc(0), p];
  else throw new Error(`invalid wire type ${wt}`);
  if (end > buf.length) throw new Error("truncated");
  return [field, wt, buf.subarray(start, end), end];
}

export function encodeWire(fields: WireField[]): Buffer {
  return Buffer.concat(
    fields.map((f) =>
      f.wt === 2
        ? lenField(f.field, f.value)
        : f.wt === 3
          ? Buffer.concat([tag(f.field, 3), f.value, tag(f.field, 4)])
          : Buffer.concat([tag(f.field, f.wt), f.value]),
    ),
  );
}

// The message-typed fields of the OTLP protos (opentelemetry-proto, as the generated codec has them).
export const SUB: Record<string, Record<number, string>> = {
  ExportTraceServiceRequest: { 1: "ResourceSpans" },
  ExportMetricsServiceRequest: { 1: "ResourceMetrics" },
  ExportLogsServiceRequest: { 1: "ResourceLogs" },
  ResourceSpans: { 1: "Resource", 2: "ScopeSpans" },
  ScopeSpans: { 1: "InstrumentationScope", 2: "Span" },
  Span: { 9: "KeyValue", 11: "Event", 13: "Link", 15: "Status" },
  Event: { 3: "KeyValue" },
  Link: { 4: "KeyValue" },
  Status: {},
  ResourceMetrics: { 1: "Resource", 2: "ScopeMetrics" },
  ScopeMetrics: { 1: "InstrumentationScope", 2: "Metric" },
  Metric: { 5: "Gauge", 7: "Sum", 10: "ExponentialHistogram", 12: "KeyValue" },
  Gauge: { 1: "NumberDataPoint" },
  Sum: { 1: "NumberDataPoint" },
  ExponentialHistogram: { 1: "ExponentialHistogramDataPoint" },
  NumberDataPoint: { 7: "KeyValue" },
  ExponentialHistogramDataPoint: { 1: "KeyValue", 8: "Buckets", 9: "Buckets" },
  Buckets: {},
  ResourceLogs: { 1: "Resource", 2: "ScopeLogs" },
  ScopeLogs: { 1: "InstrumentationScope", 2: "LogRecord" },
  LogRecord: { 5: "AnyValue", 6: "KeyValue" },
  Resource: { 1: "KeyValue" },
  InstrumentationScope: { 3: "KeyValue" },
  KeyValue: { 2: "AnyValue" },
  AnyValue: { 5: "ArrayValue", 6: "KeyValueList" },
  ArrayValue: { 1: "AnyValue" },
  KeyValueList: { 1: "KeyValue" },
};

export const ROOT_MESSAGE: Record<Signal, string> = {
  traces: "ExportTraceServiceRequest",
  metrics: "ExportMetricsServiceRequest",
  logs: "ExportLogsServiceRequest",
};

/** Rewrites every message of an export, innermost first: visit gets each message's fields and returns the new ones. */
export function rewrite(type: string, buf: Buffer, visit: (type: string, fields: WireField[]) => WireField[]): Buffer {
  const fields = parseWire(buf).map((f) => {
    const sub = SUB[type]?.[f.field];
    return sub && f.wt === 2 ? { ...f, value: rewrite(sub, f.value, visit) } : f;
  });
  return encodeWire(visit(type, fields));
}

/** google.rpc.Status in protobuf: code (1) and message (2). */
export function decodeStatus(buf: Buffer): { code: number; message: string } {
  let code = 0;
  let message = "";
  for (const f of parseWire(buf)) {
    if (f.field === 1 && f.wt === 0) code = readVarint(f.value, 0)[0];
    if (f.field === 2 && f.wt === 2) message = f.value.toString("utf8");
  }
  return { code, message };
}

/** The partial_success (field 1) of an Export*ServiceResponse in protobuf: the count (1) and the message (2). */
export function decodePartialSuccess(buf: Buffer): { rejected: number; errorMessage: string } | null {
  const partial = parseWire(buf).find((f) => f.field === 1 && f.wt === 2);
  if (!partial) return null;
  let rejected = 0;
  let errorMessage = "";
  for (const f of parseWire(partial.value)) {
    if (f.field === 1 && f.wt === 0) rejected = readVarint(f.value, 0)[0];
    if (f.field === 2 && f.wt === 2) errorMessage = f.value.toString("utf8");
  }
  return { rejected, errorMessage };
}
