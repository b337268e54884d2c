// Reproducible hostile input for the OTLP/HTTP endpoints (/v1/{traces,metrics,logs}): the
// real apitally-py 1.x exports cut, bit-flipped, re-framed with wrong wire types, sent to the
// wrong signal or with unknown fields; garbage, gzip bombs, oversized bodies, wrong headers
// and tokens; OTLP/JSON of the wrong shape. Everything comes from a fixed seed. Each case
// says which answers are acceptable; where only the decoder can tell (a flipped byte may
// still be a valid message), the answer is what OpenTelemetry's own generated codec — the
// one the receiver uses — makes of the bytes: 400 when it cannot decode them, else 200 or 400.
import { createRequire } from "node:module";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { rng } from "./hostile-cases";
import { otlpFixtures, type OtlpFixture } from "./otlp-fixtures";
import {
  encodeWire,
  lenField,
  parseWire,
  readVarint,
  rewrite,
  ROOT_MESSAGE,
  SUB,
  tag,
  varint,
  type Signal,
  type WireField,
} from "./otlp-wire";

export type { Signal } from "./otlp-wire";
export const SIGNALS: readonly Signal[] = ["traces", "metrics", "logs"];
export const MiB = 1024 * 1024;

// —— the codec ——

export interface Codec {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: object): Record<string, unknown>;
  fromObject(object: object): unknown;
  encode(message: unknown): { finish(): Uint8Array };
}
type Collector = Record<"trace" | "metrics" | "logs", { v1: Record<string, Codec> }>;
// A CommonJS module: loaded with require, its exports sit under default when an ESM loader wrapped it.
const generated = createRequire(import.meta.url)("@opentelemetry/otlp-transformer/build/src/generated/root") as {
  default?: unknown;
};
const root = (generated.default ?? generated) as { opentelemetry: { proto: { collector: Collector } } };
const { collector } = root.opentelemetry.proto;

export const EXPORT_REQUEST: Record<Signal, Codec> = {
  traces: collector.trace.v1.ExportTraceServiceRequest,
  metrics: collector.metrics.v1.ExportMetricsServiceRequest,
  logs: collector.logs.v1.ExportLogsServiceRequest,
};

/** Encodes an export given in protobufjs's object form (lowerCamelCase, int64 as strings or numbers). */
export function encodeExport(signal: Signal, object: object): Buffer {
  const codec = EXPORT_REQUEST[signal];
  return Buffer.from(codec.encode(codec.fromObject(object)).finish());
}

/**
 * Whether the generated codec decodes these bytes as an export of this signal (what the receiver's decode step does).
 */
export function codecDecodes(signal: Signal, bytes: Buffer): boolean {
  const codec = EXPORT_REQUEST[signal];
  try {
    codec.toObject(codec.decode(bytes), { longs: String, bytes: String, enums: Number });
    return true;
  } catch {
    return false;
  }
}

/** Hex for the ids OTLP/JSON writes in hex; everything else as protobuf's JSON mapping has it. */
const HEX_IDS = new Set(["traceId", "spanId", "parentSpanId"]);

/**
 * Protobuf bytes → the OTLP/JSON request: lowerCamelCase names, int64 as decimal strings, enums
 * as integers, NaN/Infinity as strings, trace/span ids in hex (or base64, which OTLP/JSON
 * receivers must not need but protobuf's JSON mapping would write).
 */
export function toOtlpJson(signal: Signal, bytes: Buffer, ids: "hex" | "base64" = "hex"): Record<string, unknown> {
  const codec = EXPORT_REQUEST[signal];
  const object = codec.toObject(codec.decode(bytes), {
    longs: String,
    bytes: String,
    enums: Number,
    defaults: false,
    json: true,
  });
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        HEX_IDS.has(k) && typeof x === "string" && ids === "hex" ? Buffer.from(x, "base64").toString("hex") : walk(x),
      ]),
    );
  };
  return walk(object) as Record<string, unknown>;
}

// —— the fixtures ——

export interface RawFixture extends OtlpFixture {
  /** "" or "concatenated-batches" */
  run: string;
  /** The inflated protobuf. */
  raw: Buffer;
  label: string;
}

export function rawFixtures(): RawFixture[] {
  return ["", "concatenated-batches"].flatMap((run) =>
    otlpFixtures(run).map((f) => ({ ...f, run, raw: gunzipSync(f.body), label: run ? `${run}/${f.name}` : f.name })),
  );
}

// —— building blocks ——

/** Unknown fields of every wire type (varint, fixed64, LEN, fixed32, group), numbered far from any OTLP field. */
function unknownFields(r: ReturnType<typeof rng>): WireField[] {
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => r.int(256)));
  return [
    { field: 1000 + r.int(1000), wt: 0, value: varint(r.int(2 ** 31)) },
    { field: 2000 + r.int(1000), wt: 1, value: bytes(8) },
    { field: 3000 + r.int(1000), wt: 2, value: bytes(r.int(40)) },
    { field: 4000 + r.int(1000), wt: 5, value: bytes(4) },
    {
      field: 5000 + r.int(1000),
      wt: 3,
      value: encodeWire([
        { field: 1, wt: 0, value: varint(7) },
        { field: 2, wt: 2, value: bytes(5) },
      ]),
    },
    { field: 536_870_911, wt: 0, value: varint(1) }, // the largest field number there is
    { field: 19_500, wt: 2, value: Buffer.from("reserved range") }, // 19000–19999: reserved for protobuf itself
  ];
}

/** The export with unknown fields before, between and after the known ones of every message. */
export function withUnknownFields(signal: Signal, raw: Buffer, seed: number): Buffer {
  const r = rng(seed);
  return rewrite(ROOT_MESSAGE[signal], raw, (_type, fields) => {
    const extra = unknownFields(r);
    const out = [...fields];
    for (const f of extra) out.splice(r.int(out.length + 1), 0, f);
    return out;
  });
}

/** The export with every message's fields in reverse order (protobuf fields may come in any order). */
export function withFieldsReversed(signal: Signal, raw: Buffer): Buffer {
  // Repeated fields keep their own order: only the runs of different field numbers swap.
  return rewrite(ROOT_MESSAGE[signal], raw, (_type, fields) => {
    const byField = new Map<number, WireField[]>();
    for (const f of fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);
    return [...byField.values()].reverse().flat();
  });
}

/** Packed repeated bucket counts written unpacked, one tag each (parsers must accept both). */
export function withUnpackedBuckets(raw: Buffer): Buffer {
  return rewrite("ExportMetricsServiceRequest", raw, (type, fields) => {
    if (type !== "Buckets") return fields;
    return fields.flatMap((f) => {
      if (f.field !== 2 || f.wt !== 2) return [f];
      const out: WireField[] = [];
      for (let pos = 0; pos < f.value.length;) {
        const next = readVarint(f.value, pos)[1];
        out.push({ field: 2, wt: 0, value: f.value.subarray(pos, next) });
        pos = next;
      }
      return out;
    });
  });
}

/** The export padded to exactly `size` bytes with one unknown LEN field at the top level. */
export function paddedTo(raw: Buffer, size: number): Buffer {
  const field = 999;
  let payload = size - raw.length - tag(field, 2).length - 1;
  // The length prefix grows with the payload: shrink the payload until prefix + payload fit exactly.
  while (raw.length + tag(field, 2).length + varint(payload).length + payload > size) payload--;
  const out = Buffer.concat([raw, lenField(field, Buffer.alloc(payload, 0x61))]);
  if (out.length !== size) throw new Error(`padding missed: ${out.length} != ${size}`);
  return out;
}

/** One field's wire type changed (the value re-encoded to fit the new type): a strict parser refuses it. */
export function withWireType(signal: Signal, raw: Buffer, target: { type: string; field: number; wt: number }): Buffer {
  let done = false;
  const out = rewrite(ROOT_MESSAGE[signal], raw, (type, fields) =>
    fields.map((f) => {
      if (done || type !== target.type || f.field !== target.field) return f;
      done = true;
      const value =
        target.wt === 0
          ? varint(f.value.length * 1000 + 3)
          : target.wt === 1
            ? Buffer.concat([f.value, Buffer.alloc(8)]).subarray(0, 8)
            : target.wt === 5
              ? Buffer.concat([f.value, Buffer.alloc(4)]).subarray(0, 4)
              : target.wt === 3
                ? encodeWire([{ field: 1, wt: 0, value: varint(1) }])
                : f.value; // LEN: the old value's bytes as the payload
      return { field: f.field, wt: target.wt, value };
    }),
  );
  if (!done) throw new Error(`no ${target.type}.${target.field} in ${signal}`);
  return out;
}

/** Only the tag's wire type changed, the bytes after it untouched: the message is misframed from there on. */
export function withTagWireType(
  signal: Signal,
  raw: Buffer,
  target: { type: string; field: number; wt: number },
): Buffer {
  let done = false;
  const out = rewriteRaw(ROOT_MESSAGE[signal], raw, (type, fields) => {
    const i = done || type !== target.type ? -1 : fields.findIndex((f) => f.field === target.field);
    if (i < 0) return fields;
    done = true;
    const f = fields[i];
    const body =
      f.wt === 2
        ? Buffer.concat([varint(f.value.length), f.value])
        : f.wt === 3
          ? Buffer.concat([f.value, tag(f.field, 4)])
          : f.value;
    const misframed = Buffer.concat([tag(f.field, target.wt), body]);
    // Splice the raw bytes in: encodeWire cannot write a field whose wire type does not match its bytes.
    return [...fields.slice(0, i), { field: 0, wt: -1, value: misframed }, ...fields.slice(i + 1)];
  });
  if (!done) throw new Error(`no ${target.type}.${target.field} in ${signal}`);
  return out;
}

// rewrite with pass-through "raw" fields (wt -1): bytes copied as they are.
function rewriteRaw(type: string, buf: Buffer, visit: (type: string, fields: WireField[]) => WireField[]): Buffer {
  const fields = parseWire(buf).map((f) => {
    const sub = SUB[type]?.[f.field];
    return sub && f.wt === 2 ? { ...f, value: rewriteRaw(sub, f.value, visit) } : f;
  });
  const visited = visit(type, fields);
  return Buffer.concat(visited.map((f) => (f.wt === -1 ? f.value : encodeWire([f]))));
}

// A deeply nested AnyValue (array in array in …) as protobuf, inside one span attribute. Built
// from the inside out as a list of prefixes: protobuf puts every length before its payload.
function nestedAnyValueProtobuf(depth: number): Buffer {
  const leaf = Buffer.concat([tag(1, 2), varint(4), Buffer.from("leaf")]); // AnyValue{string_value}
  const prefixes: Buffer[] = [];
  let size = leaf.length;
  for (let i = 0; i < depth; i++) {
    // AnyValue{array_value (5): ArrayValue{values (1): [inner]}}
    const inner = Buffer.concat([tag(1, 2), varint(size)]);
    const outer = Buffer.concat([tag(5, 2), varint(size + inner.length)]);
    prefixes.push(inner, outer);
    size += inner.length + outer.length;
  }
  const v = Buffer.concat([...prefixes.reverse(), leaf]);
  const kv = Buffer.concat([lenField(1, Buffer.from("deep")), lenField(2, v)]);
  const span = Buffer.concat([
    lenField(1, Buffer.alloc(16, 1)),
    lenField(2, Buffer.alloc(8, 2)),
    lenField(5, Buffer.from("x")),
    lenField(9, kv),
  ]);
  return lenField(1, lenField(2, lenField(2, span)));
}

// —— the cases ——

export type Expect = number[];

export interface OtlpCase {
  name: string;
  /** The endpoint. */
  signal: Signal;
  /** "protobuf" (default) or "json": which Content-Type is sent, and how the reply is encoded. */
  encoding?: "protobuf" | "json";
  /** Header overrides; null removes the header. Content-Type defaults to the encoding's. */
  headers?: Record<string, string | null>;
  /** The Authorization header from the test app's write token; null sends none. Default: Bearer <token>. */
  auth?: ((token: string) => string) | null;
  chunked?: boolean;
  /**
   * Sent on a new connection that is closed afterwards (the receiver may drop the one it came on). The receiver
   * answers 413 and then cuts the upload off, so the connection may be gone before the answer is read: then
   * "cut off" is the outcome, and nothing may have been stored either way.
   */
  freshConnection?: boolean;
  body: () => Buffer;
  /** Acceptable statuses (never a 5xx). */
  expect: Expect;
  /** A receiver bug this case reproduces, per database (it is expected to fail there until fixed). */
  knownBug?: Partial<Record<"sqlite" | "postgres", string>>;
}

/** What the receiver can answer to these protobuf bytes: 400 if it cannot inflate or decode them, else 200 or 400. */
export function protobufOutcome(signal: Signal, body: Buffer): Expect {
  let raw = body;
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) {
    try {
      raw = gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 16 * MiB });
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError ? [413] : [400];
    }
  }
  return codecDecodes(signal, raw) ? [200, 400] : [400];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const jsonBody = (v: unknown) => Buffer.from(JSON.stringify(v));
const clone = <T>(v: T): T => structuredClone(v);

const kv = (key: string, value: Json) => ({
  key,
  value: typeof value === "string" ? { stringValue: value } : (value as Json),
});

// Paths into the JSON of the fixtures (their shapes are fixed: see tests/fixtures/otlp/…/README.md).
type Obj = Record<string, Json>;
const at = (o: unknown, ...path: (string | number)[]): Obj =>
  path.reduce((x: unknown, k) => (x as Record<string | number, unknown>)[k], o) as Obj;
const histogramPoint = (m: Obj) =>
  at(findMetric(m, "http.server.request.duration"), "exponentialHistogram", "dataPoints", 0);
function findMetric(m: Obj, name: string): Obj {
  for (const rm of m.resourceMetrics as Obj[])
    for (const sm of rm.scopeMetrics as Obj[]) for (const x of sm.metrics as Obj[]) if (x.name === name) return x;
  throw new Error(`no metric ${name}`);
}
const firstSpan = (t: Obj) => at(t, "resourceSpans", 0, "scopeSpans", 0, "spans", 0);
const firstLog = (l: Obj) => at(l, "resourceLogs", 0, "scopeLogs", 0, "logRecords", 0);

function nestedJsonAnyValue(depth: number, kind: "array" | "kvlist"): string {
  const open = kind === "array" ? '{"arrayValue":{"values":[' : '{"kvlistValue":{"values":[{"key":"k","value":';
  const close = kind === "array" ? "]}}" : "}]}}";
  return open.repeat(depth) + '{"stringValue":"leaf"}' + close.repeat(depth);
}

export function otlpHostileCases(seed = 20261130): OtlpCase[] {
  const r = rng(seed);
  const cases: OtlpCase[] = [];
  const add = (c: OtlpCase) => cases.push(c);
  const fixtures = rawFixtures();
  const gz = { "content-encoding": "gzip" };

  // —— Truncated protobuf: every fixture cut at seeded offsets, at the edges, and between its top-level
  // fields: a cut there (or at 0) leaves a whole export of fewer resources, which must be accepted. ——
  for (const f of fixtures) {
    const boundaries = new Set<number>();
    parseWire(f.raw).reduce((end, field) => {
      const next = end + encodeWire([field]).length;
      if (next < f.raw.length) boundaries.add(next);
      return next;
    }, 0);
    const cuts = new Set([0, 1, 2, f.raw.length - 1, ...boundaries]);
    for (let n = cuts.size + 6; cuts.size < n;) cuts.add(1 + r.int(f.raw.length - 1));
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const body = f.raw.subarray(0, cut);
      const whole = cut === 0 || boundaries.has(cut);
      add({
        name: `${f.label} protobuf cut at ${cut}/${f.raw.length}${whole ? " (between messages)" : ""}`,
        signal: f.signal,
        body: () => body,
        expect: whole ? [200] : protobufOutcome(f.signal, body),
      });
    }
    // The gzip stream cut: what inflates is a cut protobuf (or nothing).
    for (const cut of [r.int(f.body.length - 20) + 10, f.body.length - 4]) {
      const body = f.body.subarray(0, cut);
      add({
        name: `${f.label} gzip cut at ${cut}/${f.body.length}`,
        signal: f.signal,
        headers: gz,
        body: () => body,
        expect: protobufOutcome(f.signal, body),
      });
    }
  }

  // A gzip stream cut short is inflated as far as it goes (Z_SYNC_FLUSH, the hub's rule for /log
  // files): OTLP calls a body it cannot decode a 400, but what inflates is taken as the export.
  for (const [label, wanted] of [
    ["005-metrics", "nothing"],
    ["concatenated-batches/003-traces", "a whole message"],
  ] as const) {
    const f = fixtures.find((x) => x.label === label)!;
    const firstMessage = encodeWire(parseWire(f.raw).slice(0, 1)).length;
    let cut = 20;
    for (; cut < f.body.length; cut++) {
      const inflated = gunzipSync(f.body.subarray(0, cut), { finishFlush: constants.Z_SYNC_FLUSH }).length;
      if (wanted === "nothing" ? inflated > 0 : inflated === firstMessage) break;
    }
    if (wanted === "nothing") cut--; // the last cut that inflates to nothing
    const body = f.body.subarray(0, cut);
    const inflated = gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH }).length;
    if (cut >= f.body.length || (wanted === "nothing") !== (inflated === 0)) throw new Error(`no such cut in ${label}`);
    add({
      name: `${label} gzip cut at ${cut}/${f.body.length} (inflates to ${inflated} of ${f.raw.length} bytes)`,
      signal: f.signal,
      headers: gz,
      body: () => body,
      expect: [400],
    });
  }

  // —— Random byte flips (1–4 bytes) in the protobuf, and in the gzip stream. ——
  for (const f of fixtures) {
    for (let i = 0; i < (f.run ? 4 : 6); i++) {
      const body = Buffer.from(f.raw);
      const at_ = Array.from({ length: 1 + r.int(4) }, () => r.int(body.length));
      for (const p of at_) body[p] ^= 1 + r.int(255);
      add({
        name: `${f.label} protobuf flipped at ${at_.join(",")}`,
        signal: f.signal,
        body: () => body,
        expect: protobufOutcome(f.signal, body),
      });
    }
    for (let i = 0; i < 1; i++) {
      const body = Buffer.from(f.body);
      const p = 10 + r.int(body.length - 10);
      body[p] ^= 1 + r.int(255);
      add({
        name: `${f.label} gzip flipped at ${p}`,
        signal: f.signal,
        headers: gz,
        body: () => body,
        expect: protobufOutcome(f.signal, body),
      });
    }
  }

  // —— Garbage. ——
  for (let i = 0; i < 9; i++) {
    const signal = SIGNALS[i % 3];
    const body = Buffer.from(Array.from({ length: 1 + r.int(3000) }, () => r.int(256)));
    if (body[0] === 0x1f) body[0] = 0;
    add({
      name: `random bytes (${body.length}) to ${signal}`,
      signal,
      body: () => body,
      expect: protobufOutcome(signal, body),
    });
  }
  for (const signal of SIGNALS) {
    const zeros = Buffer.alloc(64);
    add({
      name: `64 zero bytes to ${signal} (field 0: protobufjs skips it)`,
      signal,
      body: () => zeros,
      expect: protobufOutcome(signal, zeros),
    });
    const ff = Buffer.alloc(64, 0xff);
    add({ name: `64 0xff bytes to ${signal}`, signal, body: () => ff, expect: [400] });
    add({
      name: `gzip magic then garbage to ${signal}`,
      signal,
      headers: gz,
      body: () => Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      expect: [400],
    });
    const gzRandom = gzipSync(Buffer.from(Array.from({ length: 500 }, () => r.int(256))));
    add({
      name: `gzip of random bytes to ${signal}`,
      signal,
      headers: gz,
      body: () => gzRandom,
      expect: protobufOutcome(signal, gzRandom),
    });
    add({
      name: `text as protobuf to ${signal}`,
      signal,
      body: () => Buffer.from("hello, this is not protobuf\n"),
      expect: protobufOutcome(signal, Buffer.from("hello, this is not protobuf\n")),
    });
  }
  add({
    name: "an overlong varint as the length",
    signal: "metrics",
    body: () => Buffer.concat([tag(1, 2), Buffer.alloc(11, 0xff), Buffer.from([1])]),
    expect: [400],
  });
  add({
    name: "a length beyond the body",
    signal: "traces",
    body: () => Buffer.concat([tag(1, 2), varint(1000), Buffer.alloc(10)]),
    expect: [400],
  });
  add({
    name: "a length of 2^32-1",
    signal: "logs",
    body: () => Buffer.concat([tag(1, 2), varint(2 ** 32 - 1), Buffer.alloc(10)]),
    expect: [400],
  });
  add({
    name: "a nested length beyond its parent",
    signal: "metrics",
    body: () => Buffer.concat([tag(1, 2), varint(3), tag(2, 2), varint(100), Buffer.alloc(1)]),
    expect: [400],
  });
  for (const wt of [6, 7]) {
    for (const signal of SIGNALS) {
      const body = Buffer.concat([tag(50, wt), Buffer.alloc(8)]);
      add({
        name: `wire type ${wt} (does not exist) at the top of ${signal}`,
        signal,
        body: () => body,
        expect: [400],
      });
    }
  }
  add({ name: "a lone end-group tag", signal: "logs", body: () => tag(50, 4), expect: [400] });
  add({
    name: "an unterminated group",
    signal: "traces",
    body: () => Buffer.concat([tag(50, 3), tag(1, 0), varint(1)]),
    expect: [400],
  });
  const deep = nestedAnyValueProtobuf(100_000);
  add({ name: "AnyValue nested 100,000 deep in protobuf", signal: "traces", body: () => deep, expect: [400] });
  const deep12 = nestedAnyValueProtobuf(12);
  add({ name: "AnyValue nested 12 deep in protobuf", signal: "traces", body: () => deep12, expect: [200] });

  // —— Wrong wire types on known fields, in the fixtures. ——
  const byName = (name: string) => fixtures.find((f) => f.label === name)!;
  const wire: [string, string, number, number][] = [
    ["003-traces", "ExportTraceServiceRequest", 1, 0],
    ["003-traces", "ExportTraceServiceRequest", 1, 1],
    ["003-traces", "ExportTraceServiceRequest", 1, 5],
    ["003-traces", "ExportTraceServiceRequest", 1, 3],
    ["003-traces", "Span", 1, 5], // trace id as fixed32
    ["003-traces", "Span", 5, 0], // name as varint
    ["003-traces", "Span", 6, 2], // kind as LEN
    ["003-traces", "Span", 7, 0], // start time as varint
    ["003-traces", "Span", 15, 0], // status as varint
    ["003-traces", "KeyValue", 1, 1], // attribute key as fixed64
    ["003-traces", "AnyValue", 1, 0], // string value as varint
    ["005-metrics", "ExportMetricsServiceRequest", 1, 0],
    ["005-metrics", "Metric", 10, 0], // exponential histogram as varint
    ["005-metrics", "Metric", 1, 5], // name as fixed32
    ["005-metrics", "ExponentialHistogramDataPoint", 4, 0], // count as varint
    ["005-metrics", "ExponentialHistogramDataPoint", 6, 1], // scale as fixed64
    ["005-metrics", "ExponentialHistogramDataPoint", 8, 0], // positive buckets as varint
    ["005-metrics", "Buckets", 2, 1], // packed counts as fixed64
    ["005-metrics", "NumberDataPoint", 4, 0], // double as varint
    ["004-logs", "ExportLogsServiceRequest", 1, 5],
    ["004-logs", "LogRecord", 1, 2], // time as LEN
    ["004-logs", "LogRecord", 2, 5], // severity as fixed32
    ["004-logs", "LogRecord", 5, 0], // body as varint
    ["004-logs", "LogRecord", 9, 0], // trace id as varint
    ["001-logs", "LogRecord", 12, 1], // event name as fixed64
    ["001-logs", "Resource", 1, 3], // attribute as a group
  ];
  for (const [fx, type, field, wt] of wire) {
    const f = byName(fx);
    const body = withWireType(f.signal, f.raw, { type, field, wt });
    add({
      name: `${fx} ${type}.${field} re-encoded as wire type ${wt}`,
      signal: f.signal,
      body: () => body,
      expect: protobufOutcome(f.signal, body),
    });
    const misframed = withTagWireType(f.signal, f.raw, { type, field, wt });
    add({
      name: `${fx} ${type}.${field} tagged wire type ${wt}, bytes unchanged`,
      signal: f.signal,
      body: () => misframed,
      expect: protobufOutcome(f.signal, misframed),
    });
  }

  // —— Valid protobuf of the wrong signal. ——
  for (const f of fixtures.filter((x) => x.run === "")) {
    for (const signal of SIGNALS.filter((s) => s !== f.signal)) {
      add({
        name: `${f.label} sent to /v1/${signal}`,
        signal,
        headers: gz,
        body: () => f.body,
        expect: protobufOutcome(signal, f.body),
      });
    }
  }

  // —— Content types, encodings. ——
  const traces = byName("003-traces");
  const metrics = byName("005-metrics");
  for (const ct of [
    "text/plain",
    "application/octet-stream",
    "application/x-www-form-urlencoded",
    "application/grpc",
    "application/x-protobuf-json",
    "application/jsonl",
    "multipart/form-data; boundary=x",
    "*/*",
  ]) {
    add({
      name: `content-type ${ct}`,
      signal: "traces",
      headers: { ...gz, "content-type": ct },
      body: () => traces.body,
      expect: [415],
    });
  }
  add({
    name: "no content-type",
    signal: "traces",
    headers: { ...gz, "content-type": null },
    body: () => traces.body,
    expect: [415],
  });
  add({
    name: "content-type text/plain and no token (415 comes first)",
    signal: "metrics",
    headers: { "content-type": "text/plain" },
    auth: null,
    body: () => metrics.raw,
    expect: [415],
  });
  for (const ct of [
    "application/x-protobuf; charset=utf-8",
    "APPLICATION/X-PROTOBUF",
    "application/protobuf",
    " application/x-protobuf ",
  ]) {
    add({
      name: `content-type "${ct}" with a valid export`,
      signal: "traces",
      headers: { ...gz, "content-type": ct },
      body: () => traces.body,
      expect: [200],
    });
  }
  add({
    name: "protobuf sent as application/json",
    signal: "traces",
    headers: { ...gz, "content-type": "application/json" },
    body: () => traces.body,
    expect: [400],
  });
  add({
    name: "OTLP/JSON sent as application/x-protobuf",
    signal: "traces",
    body: () => jsonBody(toOtlpJson("traces", traces.raw)),
    expect: protobufOutcome("traces", jsonBody(toOtlpJson("traces", traces.raw))),
  });
  for (const ce of ["br", "deflate", "compress", "zstd", "gzip, br", "gzip, gzip", "x-gzip", "*"]) {
    add({
      name: `content-encoding ${ce}`,
      signal: "metrics",
      headers: { "content-encoding": ce },
      body: () => metrics.body,
      expect: [400],
    });
  }
  for (const ce of ["GZIP", " gzip ", "identity"]) {
    add({
      name: `content-encoding "${ce}" with a gzip body`,
      signal: "metrics",
      headers: { "content-encoding": ce },
      body: () => metrics.body,
      expect: [200],
    });
  }
  // The body reader goes by gzip's magic bytes, as the hub endpoints do: a plain body labelled gzip is read as it is.
  add({
    name: "content-encoding gzip with a plain protobuf body",
    signal: "metrics",
    headers: gz,
    body: () => metrics.raw,
    expect: [200],
  });
  add({
    name: "content-encoding gzip, gzip magic, then deflate garbage",
    signal: "logs",
    headers: gz,
    body: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(100, 0xee)]),
    expect: [400],
  });
  const twoMembers = Buffer.concat([gzipSync(traces.raw.subarray(0, 0)), traces.body]);
  add({
    name: "two gzip members (an empty one, then the export)",
    signal: "traces",
    headers: gz,
    body: () => twoMembers,
    expect: protobufOutcome("traces", twoMembers),
  });
  const trailing = Buffer.concat([traces.body, Buffer.from("trailing garbage")]);
  add({
    name: "gzip then trailing garbage",
    signal: "traces",
    headers: gz,
    body: () => trailing,
    expect: protobufOutcome("traces", trailing),
  });
  const doubleGzip = gzipSync(traces.body);
  add({ name: "gzip of a gzip", signal: "traces", headers: gz, body: () => doubleGzip, expect: [400] });

  // —— Write tokens. ——
  const fakeToken = "apt_" + "A".repeat(24);
  const auths: [string, ((t: string) => string) | null][] = [
    ["no Authorization", null],
    ["empty Authorization", () => ""],
    ["Bearer and nothing", () => "Bearer"],
    ["Bearer and spaces", () => "Bearer    "],
    ["the token without a scheme", (t) => t],
    ["Basic with the token", (t) => `Basic ${Buffer.from(`${t}:`).toString("base64")}`],
    ["Token scheme", (t) => `Token ${t}`],
    ["Bearer, the token cut by one", (t) => `Bearer ${t.slice(0, -1)}`],
    ["Bearer, the token plus one", (t) => `Bearer ${t}x`],
    ["Bearer, the token upper-cased", (t) => `Bearer ${t.toUpperCase()}`],
    ["Bearer, an unknown well-formed token", () => `Bearer ${fakeToken}`],
    ["Bearer, the token twice", (t) => `Bearer ${t} ${t}`],
    ["Bearer, the token then a comma", (t) => `Bearer ${t},`],
    ["Bearer, the token quoted", (t) => `Bearer "${t}"`],
    ["Bearer, SQL in the token", () => `Bearer apt_' OR '1'='1' --`],
    ["Bearer, a wildcard token", () => "Bearer apt_%"],
    ["Bearer, 8 KB of token", () => `Bearer apt_${"a".repeat(8192)}`],
    ["Bearer, latin-1 in the token", () => `Bearer apt_${"é".repeat(24)}`],
  ];
  auths.forEach(([name, auth], i) => {
    const signal = SIGNALS[i % 3];
    const f = byName(signal === "traces" ? "003-traces" : signal === "metrics" ? "005-metrics" : "004-logs");
    add({ name: `401: ${name} on ${signal}`, signal, headers: gz, auth, body: () => f.body, expect: [401] });
  });
  add({
    name: "401 before the body is looked at (garbage body)",
    signal: "logs",
    auth: () => `Bearer ${fakeToken}`,
    body: () => Buffer.alloc(100, 0xff),
    expect: [401],
  });
  add({
    name: "lower-case bearer scheme",
    signal: "traces",
    headers: gz,
    auth: (t) => `bearer ${t}`,
    body: () => traces.body,
    expect: [200],
  });
  add({
    name: "Bearer with a tab and trailing spaces",
    signal: "traces",
    headers: gz,
    auth: (t) => `Bearer\t${t}   `,
    body: () => traces.body,
    expect: [200],
  });

  // —— Body caps. ——
  add({ name: "4 MiB + 1 of garbage", signal: "metrics", body: () => Buffer.alloc(4 * MiB + 1, 0x0a), expect: [413] });
  add({
    name: "4 MiB + 1, chunked",
    signal: "traces",
    chunked: true,
    body: () => Buffer.alloc(4 * MiB + 1, 0x0a),
    expect: [413],
  });
  // Past 16 MiB the receiver stops reading and drops the connection: sent on a connection of its own.
  add({
    name: "20 MiB, chunked (past the drain limit)",
    signal: "logs",
    chunked: true,
    freshConnection: true,
    body: () => Buffer.alloc(20 * MiB, 0x0a),
    expect: [413],
  });
  add({
    name: "5 MiB of incompressible gzip",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(Buffer.alloc(5 * MiB, 0x0a), { level: 0 }),
    expect: [413],
  });
  add({
    name: "4 MiB + 1 valid export (padded)",
    signal: "traces",
    body: () => paddedTo(traces.raw, 4 * MiB + 1),
    expect: [413],
  });
  add({
    name: "gzip bomb: 64 MiB of zeros in 64 KB",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(Buffer.alloc(64 * MiB)),
    expect: [413],
  });
  add({
    name: "gzip bomb, chunked",
    signal: "logs",
    headers: gz,
    chunked: true,
    body: () => gzipSync(Buffer.alloc(40 * MiB, 0x0a)),
    expect: [413],
  });
  add({
    name: "gzip inflating to 16 MiB + 1 (a valid export, padded)",
    signal: "traces",
    headers: gz,
    body: () => gzipSync(paddedTo(traces.raw, 16 * MiB + 1)),
    expect: [413],
  });

  // —— Too many items. Built with the generated codec; a big export is one encoded export repeated
  // back to back, which protobuf decodes as their merge (the resource lists appended). ——
  const gauges = (n: number, metrics = 1) =>
    encodeExport("metrics", {
      resourceMetrics: [
        {
          resource: { attributes: [kv("service.instance.id", "7d0e4b1e-0000-4000-8000-000000000001")] },
          scopeMetrics: [
            {
              scope: { name: "hostile" },
              metrics: Array.from({ length: metrics }, (_, i) => ({
                name: `hostile.gauge.${i}`,
                gauge: { dataPoints: Array.from({ length: n }, () => ({ asDouble: 0.5 })) },
              })),
            },
          ],
        },
      ],
    });
  const times = (b: Buffer, n: number) => Buffer.concat(Array<Buffer>(n).fill(b));
  add({
    name: "1,000,000 data points (100,000 × 10 back to back) → 413",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(times(gauges(100_000), 10), { level: 1 }),
    expect: [413],
  });
  // 8,000,000 empty gauge points in 16 MB of protobuf (15.6 KB of gzip): refused once the decoder has counted
  // past the limit, not after building all of them.
  add({
    name: "8,000,000 empty data points in 16 KB of gzip → 413",
    signal: "metrics",
    headers: gz,
    body: () => {
      const varint = (v: number) => {
        const out: number[] = [];
        for (; v > 127; v = Math.floor(v / 128)) out.push((v & 127) | 128);
        return Buffer.from([...out, v]);
      };
      const len = (field: number, payload: Buffer) =>
        Buffer.concat([varint((field << 3) | 2), varint(payload.length), payload]);
      const points = Buffer.alloc(16_000_000);
      for (let i = 0; i < points.length; i += 2) points[i] = 0x0a; // NumberDataPoint {} × 8M
      return gzipSync(len(1, len(2, len(2, len(5, points)))), { level: 9 });
    },
    expect: [413],
  });
  add({
    name: "100,001 data points in one list → 413",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(gauges(100_001), { level: 1 }),
    expect: [413],
  });
  add({
    name: "100,001 data points in three lists → 413",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(Buffer.concat([times(gauges(50_000), 2), gauges(1)]), { level: 1 }),
    expect: [413],
  });
  add({
    name: "100,000 data points in two lists → 200",
    signal: "metrics",
    headers: gz,
    body: () => gzipSync(times(gauges(50_000), 2), { level: 1 }),
    expect: [200],
  });
  const spanIds = Buffer.alloc(8);
  const spans = (n: number, traceByte: number) =>
    Array.from({ length: n }, (_, i) => {
      spanIds.writeUInt32BE(i + 1, 4);
      return { traceId: Buffer.alloc(16, traceByte), spanId: Buffer.from(spanIds), name: "s", kind: 1 };
    });
  const spanExport = (n: number, traceByte: number) =>
    encodeExport("traces", { resourceSpans: [{ scopeSpans: [{ spans: spans(n, traceByte) }] }] });
  add({
    name: "100,001 spans in three resources → 413",
    signal: "traces",
    headers: gz,
    body: () => gzipSync(Buffer.concat([times(spanExport(50_000, 1), 2), spanExport(1, 2)]), { level: 1 }),
    expect: [413],
  });
  const logExport = (n: number) =>
    encodeExport("logs", {
      resourceLogs: [{ scopeLogs: [{ logRecords: Array.from({ length: n }, () => ({ severityNumber: 9 })) }] }],
    });
  add({
    name: "100,001 log records in three resources → 413",
    signal: "logs",
    headers: gz,
    body: () => gzipSync(Buffer.concat([times(logExport(50_000), 2), logExport(1)]), { level: 1 }),
    expect: [413],
  });
  add({
    name: "1,001 attributes on one span → 413",
    signal: "traces",
    body: () =>
      encodeExport("traces", {
        resourceSpans: [
          {
            scopeSpans: [
              { spans: [{ ...spans(1, 7)[0], attributes: Array.from({ length: 1001 }, (_, i) => kv(`a${i}`, "v")) }] },
            ],
          },
        ],
      }),
    expect: [413],
  });

  // —— OTLP/JSON of the wrong shape. ——
  const json = (name: string, signal: Signal, body: () => Buffer, expect: Expect, extra: Partial<OtlpCase> = {}) =>
    add({ name: `json: ${name}`, signal, encoding: "json", body, expect, ...extra });
  const base = {
    traces: toOtlpJson("traces", traces.raw),
    metrics: toOtlpJson("metrics", metrics.raw),
    logs: toOtlpJson("logs", byName("004-logs").raw),
  };
  const startup = toOtlpJson("logs", byName("001-logs").raw);
  const mutate = (signal: Signal, fn: (o: Obj) => void, from: Record<string, unknown> = base[signal]) => {
    const o = clone(from) as Obj;
    fn(o);
    return jsonBody(o);
  };
  const m = (name: string, fn: (o: Obj) => void, expect: Expect, extra: Partial<OtlpCase> = {}) =>
    json(name, "metrics", () => mutate("metrics", fn), expect, extra);
  const t = (name: string, fn: (o: Obj) => void, expect: Expect, extra: Partial<OtlpCase> = {}) =>
    json(name, "traces", () => mutate("traces", fn), expect, extra);
  // Numbers past their bounds are a 400, like any other malformed field.
  const l = (name: string, fn: (o: Obj) => void, expect: Expect, extra: Partial<OtlpCase> = {}) =>
    json(name, "logs", () => mutate("logs", fn), expect, extra);

  // Broken or non-object JSON.
  const text = JSON.stringify(base.traces);
  for (let i = 0; i < 5; i++) {
    const cut = 1 + r.int(text.length - 2);
    json(`cut at ${cut}`, "traces", () => Buffer.from(text.slice(0, cut)), [400]);
  }
  for (const v of ["null", "[]", '"x"', "42", "true", "[{}]", '{"resourceSpans": null}', '{"resourceSpans": [null]}'])
    json(`body ${v}`, "traces", () => Buffer.from(v), [400]);
  json("empty body", "logs", () => Buffer.alloc(0), [400]);
  json("{} (an empty export)", "metrics", () => Buffer.from("{}"), [200]);
  json(
    "a BOM before the JSON",
    "traces",
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), jsonBody(base.traces)]),
    [400],
  );
  json(
    "NaN as a bare token",
    "metrics",
    () => Buffer.from(JSON.stringify(base.metrics).replace(/"asDouble":[^,}]+/, '"asDouble":NaN')),
    [400],
  );
  json("gzip-encoded OTLP/JSON", "traces", () => gzipSync(jsonBody(base.traces)), [200], { headers: gz });
  json(
    "invalid UTF-8 in a span name",
    "traces",
    () => {
      const [before, after] = JSON.stringify(base.traces).split('"GET /me"');
      return Buffer.concat([
        Buffer.from(`${before}"GET /me`),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(`"${after}`),
      ]);
    },
    [200],
  );

  // Arrays where objects go, objects where arrays go.
  m("resourceMetrics is an object", (o) => (o.resourceMetrics = {}), [400]);
  m("resource is an array", (o) => (at(o, "resourceMetrics", 0).resource = []), [400]);
  m("scope is an array", (o) => (at(o, "resourceMetrics", 0, "scopeMetrics", 0).scope = []), [400]);
  m(
    "exponentialHistogram is an array",
    (o) => (findMetric(o, "http.server.request.duration").exponentialHistogram = []),
    [400],
  );
  m(
    "dataPoints is an object",
    (o) => (at(findMetric(o, "http.server.request.duration"), "exponentialHistogram").dataPoints = {}),
    [400],
  );
  m("attributes is an object", (o) => (histogramPoint(o).attributes = { "http.route": "/x" }), [400]);
  m("bucketCounts is a string", (o) => (at(histogramPoint(o), "positive").bucketCounts = "1,2,3"), [400]);
  t("spans is an object", (o) => (at(o, "resourceSpans", 0, "scopeSpans", 0).spans = { 0: firstSpan(o) }), [400]);
  t("events is an object", (o) => (firstSpan(o).events = {}), [400]);
  t("status is an array", (o) => (firstSpan(o).status = []), [400]);
  t(
    "an attribute's key is a number",
    (o) => ((firstSpan(o).attributes as Obj[])[0] = { key: 5, value: { stringValue: "x" } }),
    [400],
  );
  t("attributes holds an array", (o) => ((firstSpan(o).attributes as Json[])[0] = ["http.route", "/x"]), [400]);
  l("logRecords is an object", (o) => (at(o, "resourceLogs", 0, "scopeLogs", 0).logRecords = {}), [400]);
  l("scopeLogs is a string", (o) => (at(o, "resourceLogs", 0).scopeLogs = "[]"), [400]);
  l("eventName is a number", (o) => (firstLog(o).eventName = 5), [400]);
  // Strings for numbers, numbers that are not.
  m("count is a word", (o) => (histogramPoint(o).count = "two"), [400]);
  m("count is 2.5", (o) => (histogramPoint(o).count = 2.5), [400]);
  m("scale is a string", (o) => (histogramPoint(o).scale = "3"), [400]);
  m("scale is 3.5", (o) => (histogramPoint(o).scale = 3.5), [400]);
  m("startTimeUnixNano is a date", (o) => (histogramPoint(o).startTimeUnixNano = "2026-11-30T04:13:00Z"), [400]);
  m("startTimeUnixNano in exponent notation", (o) => (histogramPoint(o).startTimeUnixNano = "1.796e18"), [400]);
  m("offset beyond int32", (o) => (at(histogramPoint(o), "positive").offset = 2 ** 31), [400]);
  m(
    "aggregationTemporality by a wrong name",
    (o) => (at(findMetric(o, "http.server.request.duration"), "exponentialHistogram").aggregationTemporality = "DELTA"),
    [400],
  );
  m(
    "aggregationTemporality by its name",
    (o) =>
      (at(findMetric(o, "http.server.request.duration"), "exponentialHistogram").aggregationTemporality =
        "AGGREGATION_TEMPORALITY_DELTA"),
    [200],
  );
  t("kind is a string number", (o) => (firstSpan(o).kind = "2"), [400]);
  t("kind by a wrong name", (o) => (firstSpan(o).kind = "SERVER"), [400]);
  t("kind is 99", (o) => (firstSpan(o).kind = 99), [200]);
  t("status code by name", (o) => (firstSpan(o).status = { code: "ERROR" }), [400]);
  t("startTimeUnixNano negative", (o) => (firstSpan(o).startTimeUnixNano = "-1"), [400]);
  // int64 as a JSON number past 2^53 is inexact, but senders write times so: accepted.
  t(
    "startTimeUnixNano as a JSON number past 2^53",
    (o) => (firstSpan(o).startTimeUnixNano = 1796011962784108618),
    [200],
  );
  l("timeUnixNano as a JSON number past 2^53", (o) => (firstLog(o).timeUnixNano = 1796011962805958144), [200]);
  t("kind 1e16 (an integer past 2^53)", (o) => (firstSpan(o).kind = 1e16), [400]);
  l("severityNumber 1e16 (an integer past 2^53)", (o) => (firstLog(o).severityNumber = 1e16), [400]);
  t(
    "an intValue that is not a number",
    (o) => (firstSpan(o).attributes as Obj[]).push(kv("http.response.status_code", { intValue: "NaN" })),
    [200],
  );
  l("severityNumber as a numeric string", (o) => (firstLog(o).severityNumber = "13"), [200]);
  l("severityNumber 1e999", (o) => (firstLog(o).severityNumber = 1e999), [400]);
  l("stringValue body is a number", (o) => (firstLog(o).body = { stringValue: 5 }), [200]);
  l("timeUnixNano negative", (o) => (firstLog(o).timeUnixNano = -5), [400]);
  // Counts beyond 2^53, negative counts.
  m("count 2^53 + 1 as a string", (o) => (histogramPoint(o).count = "9007199254740993"), [400]);
  m("count 2^53 as a JSON number", (o) => (histogramPoint(o).count = 2 ** 53), [400]);
  m("count 2^64 - 1", (o) => (histogramPoint(o).count = "18446744073709551615"), [400]);
  m("count with 20 nines (beyond uint64)", (o) => (histogramPoint(o).count = "99999999999999999999"), [400]);
  m(
    "a bucket count beyond 2^53",
    (o) => ((at(histogramPoint(o), "positive").bucketCounts as Json[])[0] = "9007199254740993"),
    [400],
  );
  m("count -1", (o) => (histogramPoint(o).count = "-1"), [400]);
  m("count -1 as a number", (o) => (histogramPoint(o).count = -1), [400]);
  m("zeroCount -5", (o) => (histogramPoint(o).zeroCount = -5), [400]);
  m("a negative bucket count", (o) => ((at(histogramPoint(o), "positive").bucketCounts as Json[])[0] = -1), [400]);
  m("count 2^31 (beyond the hub's 32-bit counts)", (o) => (histogramPoint(o).count = String(2 ** 31)), [400]);
  // NaN and Infinity: OTLP/JSON spells them as strings for doubles; anywhere else they are wrong.
  m(
    'a gauge value "NaN"',
    (o) => (at(findMetric(o, "process.cpu.utilization"), "gauge", "dataPoints", 0).asDouble = "NaN"),
    [200],
  );
  m(
    'a gauge value "Infinity"',
    (o) => (at(findMetric(o, "process.memory.usage"), "sum", "dataPoints", 0).asDouble = "Infinity"),
    [200],
  );
  m(
    'a gauge value "-Infinity"',
    (o) => (at(findMetric(o, "process.cpu.utilization"), "gauge", "dataPoints", 0).asDouble = "-Infinity"),
    [200],
  );
  m(
    'a gauge value "nan"',
    (o) => (at(findMetric(o, "process.cpu.utilization"), "gauge", "dataPoints", 0).asDouble = "nan"),
    [400],
  );
  m('a histogram sum "NaN"', (o) => (histogramPoint(o).sum = "NaN"), [200]);
  m(
    'a size histogram sum "Infinity"',
    (o) =>
      (at(findMetric(o, "http.server.response.body.size"), "exponentialHistogram", "dataPoints", 0).sum = "Infinity"),
    [400],
  );
  m('count "NaN"', (o) => (histogramPoint(o).count = "NaN"), [400]);
  m('scale "Infinity"', (o) => (histogramPoint(o).scale = "Infinity"), [400]);
  json(
    "a sum of 1e999 (Infinity as a JSON number)",
    "metrics",
    () => Buffer.from(JSON.stringify(base.metrics).replace(/"sum":[^,}]+/, '"sum":1e999')),
    [400],
  );
  // Ids of the wrong length or alphabet.
  t("traceId of 15 bytes", (o) => (firstSpan(o).traceId = "ab".repeat(15)), [400]);
  t("traceId of 17 bytes", (o) => (firstSpan(o).traceId = "ab".repeat(17)), [400]);
  t("traceId of 32 non-hex characters", (o) => (firstSpan(o).traceId = "zz".repeat(16)), [400]);
  t("traceId is a number", (o) => (firstSpan(o).traceId = 12345), [400]);
  t("traceId missing", (o) => delete firstSpan(o).traceId, [400]);
  t("spanId of 9 bytes", (o) => (firstSpan(o).spanId = "ab".repeat(9)), [400]);
  t("spanId of 4 bytes in base64", (o) => (firstSpan(o).spanId = Buffer.alloc(4, 7).toString("base64")), [400]);
  t("parentSpanId of 7 bytes", (o) => (firstSpan(o).parentSpanId = "ab".repeat(7)), [400]);
  t("traceId in upper-case hex", (o) => (firstSpan(o).traceId = String(firstSpan(o).traceId).toUpperCase()), [200]);
  t(
    "traceId in base64",
    (o) => (firstSpan(o).traceId = Buffer.from(String(firstSpan(o).traceId), "hex").toString("base64")),
    [200],
  );
  t("traceId empty (the span is skipped)", (o) => (firstSpan(o).traceId = ""), [200]);
  l("a log's traceId of 8 bytes", (o) => (firstLog(o).traceId = "ab".repeat(8)), [400]);
  l("a log's spanId of 16 bytes", (o) => (firstLog(o).spanId = "ab".repeat(16)), [400]);
  l(
    "server_span_id attribute of 15 hex digits",
    (o) =>
      ((firstLog(o).attributes as Obj[]).find((a) => a.key === "apitally.request.server_span_id")!.value = {
        stringValue: "a".repeat(15),
      }),
    [200],
  );
  // Deep nesting: AnyValue nests legally (the receiver reads 16 levels); the request's own shape must not.
  for (const [kind, where] of [
    ["array", "span attribute"],
    ["kvlist", "log body"],
  ] as const) {
    const nested = nestedJsonAnyValue(100_000, kind);
    json(
      `AnyValue nested 100,000 deep (${kind}) in a ${where}`,
      kind === "array" ? "traces" : "logs",
      () => {
        const o = clone(kind === "array" ? base.traces : base.logs) as Obj;
        if (kind === "array") (firstSpan(o).attributes as Obj[]).push({ key: "deep", value: "@@DEEP@@" });
        else firstLog(o).body = "@@DEEP@@";
        return gzipSync(JSON.stringify(o).replace('"@@DEEP@@"', nested));
      },
      [200],
      { headers: gz },
    );
  }
  json(
    "the resource attributes nested 100,000 deep",
    "metrics",
    () =>
      Buffer.from(
        JSON.stringify(base.metrics).replace(
          '"attributes":[',
          `"attributes":[${"[".repeat(100_000)}${"]".repeat(100_000)},`,
        ),
      ),
    [400],
  );
  json(
    "the top level nested 100,000 deep",
    "logs",
    () => Buffer.from(`{"resourceLogs":${"[".repeat(100_000)}${"]".repeat(100_000)}}`),
    [400],
  );
  json(
    "1,001 events on a span",
    "traces",
    () => mutate("traces", (o) => (firstSpan(o).events = Array.from({ length: 1001 }, () => ({ name: "e" })))),
    [413],
  );
  // Odd but valid.
  json(
    "__proto__ and constructor keys",
    "traces",
    () =>
      Buffer.from(
        JSON.stringify(base.traces).replace(
          '"spanId":',
          '"__proto__":{"kind":2,"events":{}},"constructor":{"name":1},"spanId":',
        ),
      ),
    [200],
  );
  json(
    "duplicate keys (the last one wins)",
    "traces",
    () => Buffer.from(JSON.stringify(base.traces).replace('"resourceSpans":', '"resourceSpans":[],"resourceSpans":')),
    [200],
  );
  json(
    "unknown keys everywhere",
    "traces",
    () =>
      Buffer.from(
        JSON.stringify(base.traces).replaceAll('"name":', '"hostileUnknownKey":{"a":[1,{"b":null}]},"name":'),
      ),
    [200],
  );
  json(
    "the startup event with a body that is not JSON",
    "logs",
    () => mutate("logs", (o) => (firstLog(o).body = { stringValue: "{not json" }), startup),
    [200],
  );
  json(
    "the startup event with 100,000 nested brackets in its body string",
    "logs",
    () => mutate("logs", (o) => (firstLog(o).body = { stringValue: "[".repeat(100_000) }), startup),
    [200],
  );
  json(
    "the startup event with its paths nested 100,000 deep",
    "logs",
    () =>
      mutate(
        "logs",
        (o) => (firstLog(o).body = { stringValue: `{"paths":${"[".repeat(100_000)}${"]".repeat(100_000)}}` }),
        startup,
      ),
    [200, 400],
  );
  json(
    "no env anywhere, a hostile Apitally-Env header",
    "metrics",
    () =>
      mutate("metrics", (o) => {
        const attrs = at(o, "resourceMetrics", 0, "resource").attributes as Obj[];
        at(o, "resourceMetrics", 0, "resource").attributes = attrs.filter(
          (a) => a.key !== "deployment.environment.name",
        );
      }),
    [200],
    { headers: { "apitally-env": '../../Prüfung; DROP TABLE "App" --' } },
  );

  // —— Strings a database may refuse. ——
  const nul = "a\u0000b";
  json(
    "NUL in a consumer identifier",
    "traces",
    () =>
      mutate("traces", (o) =>
        (at(o, "resourceSpans", 0, "scopeSpans", 0, "spans", 2).attributes as Obj[]).forEach(
          (a) => a.key === "apitally.consumer.identifier" && (a.value = { stringValue: nul }),
        ),
      ),
    [200],
  );
  json(
    "NUL in a log message, logger and file",
    "logs",
    () =>
      mutate("logs", (o) => {
        firstLog(o).body = { stringValue: nul };
        at(o, "resourceLogs", 0, "scopeLogs", 0).scope = { name: nul };
      }),
    [200],
  );
  json(
    "NUL in a route",
    "metrics",
    () =>
      mutate("metrics", (o) =>
        (histogramPoint(o).attributes as Obj[]).forEach(
          (a) => a.key === "http.route" && (a.value = { stringValue: `/x${nul}` }),
        ),
      ),
    [200],
  );
  json(
    "NUL in an exception's type, message and stack trace",
    "traces",
    () =>
      mutate("traces", (o) => {
        for (const rs of o.resourceSpans as Obj[])
          for (const ss of rs.scopeSpans as Obj[])
            for (const sp of ss.spans as Obj[])
              for (const ev of (sp.events ?? []) as Obj[])
                for (const a of ev.attributes as Obj[])
                  if (String(a.key).startsWith("exception.")) a.value = { stringValue: nul };
      }),
    [200],
  );
  json(
    "NUL in the startup event's versions, paths and OpenAPI document",
    "logs",
    () =>
      mutate(
        "logs",
        (o) => {
          const b = JSON.parse(String(at(firstLog(o), "body").stringValue)) as Obj;
          b.versions = { [nul]: nul, app: nul };
          b.paths = [{ method: "GET", path: `/x${nul}` }];
          b.openapi = JSON.stringify({ openapi: "3.1.0", info: { title: nul } }).replace("\\u0000", "\u0000");
          firstLog(o).body = { stringValue: JSON.stringify(b) };
        },
        startup,
      ),
    [200],
  );
  // telemetry.distro.name / .version go into the Instance row as they are.
  for (const [signal, from] of [
    ["metrics", base.metrics],
    ["traces", base.traces],
    ["logs", startup],
  ] as const) {
    json(
      `NUL in telemetry.distro.version (${signal})`,
      signal,
      () =>
        mutate(
          signal,
          (o) => {
            const res = at(
              o,
              signal === "metrics" ? "resourceMetrics" : signal === "traces" ? "resourceSpans" : "resourceLogs",
              0,
              "resource",
            );
            (res.attributes as Obj[]).forEach(
              (a) => a.key === "telemetry.distro.version" && (a.value = { stringValue: `1.0${nul}` }),
            );
          },
          from,
        ),
      [200],
    );
  }
  // CPU/memory samples a process cannot have (past 2038, beyond 64-bit sizes) are dropped and the export kept.
  const SAMPLE: Expect = [200];
  const sampleExport = (timeUnixNano: string, memory: Json) => ({
    resourceMetrics: [
      {
        resource: { attributes: [kv("service.instance.id", "7d0e4b1e-0000-4000-8000-000000000002")] },
        scopeMetrics: [
          {
            scope: { name: "hostile" },
            metrics: [
              { name: "process.cpu.utilization", gauge: { dataPoints: [{ timeUnixNano, asDouble: 0.25 }] } },
              { name: "process.memory.usage", sum: { dataPoints: [{ timeUnixNano, ...(memory as Obj) }] } },
            ],
          },
        ],
      },
    ],
  });
  json(
    "a CPU/memory sample in 2065 (epoch seconds beyond 32 bits)",
    "metrics",
    () => jsonBody(sampleExport("3000000000000000000", { asInt: "100000000" })),
    SAMPLE,
  );
  json(
    "a CPU/memory sample at 2^64 - 1 ns",
    "metrics",
    () => jsonBody(sampleExport("18446744073709551615", { asInt: "100000000" })),
    SAMPLE,
  );
  json(
    "memory of 1e300 bytes",
    "metrics",
    () => jsonBody(sampleExport("1796011977868244755", { asDouble: 1e300 })),
    SAMPLE,
  );
  json(
    "memory of 2^63 - 1 bytes (int64 max, a double above it)",
    "metrics",
    () => jsonBody(sampleExport("1796011977868244755", { asInt: "9223372036854775807" })),
    SAMPLE,
  );
  json(
    "memory of 20 nines (beyond int64, which the int64 pattern lets through)",
    "metrics",
    () => jsonBody(sampleExport("1796011977868244755", { asInt: "99999999999999999999" })),
    SAMPLE,
  );
  return cases;
}
