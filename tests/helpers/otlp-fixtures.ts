// The captured OTLP exports of the real apitally-py 1.x in tests/fixtures/otlp (see its
// README): loading them and replaying them against a Tallyhub with an app's write token.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { recentShift } from "./hub-fixtures";
import { rewrite, ROOT_MESSAGE, type WireField } from "./otlp-wire";

export const OTLP_FIXTURES_DIR = path.resolve("tests/fixtures/otlp/apitally-py-1.x");

export interface OtlpFixture {
  name: string; // e.g. "003-traces"
  signal: "traces" | "metrics" | "logs";
  headers: Record<string, string>;
  /** The bytes the SDK sent (gzip); with its times moved by OTLP_SHIFT_S unless read as "captured". */
  body: Buffer;
}

/** When the captured requests were served, as captured (epoch ms). */
const SERVED_AT = Date.parse("2026-11-30T04:13:00Z");

/** Seconds added to the captures' times on replay, so that they are recent (see recentShift). */
export const OTLP_SHIFT_S = recentShift(SERVED_AT / 1000);

/** When the replayed requests were served (epoch ms): the read models are asked about that time. */
export const CAPTURED_AT = SERVED_AT + OTLP_SHIFT_S * 1000;

// The fixed64 nanosecond times of each message (opentelemetry-proto field numbers).
const TIME_FIELDS: Record<string, number[]> = {
  Span: [7, 8],
  Event: [1],
  NumberDataPoint: [2, 3],
  ExponentialHistogramDataPoint: [2, 3],
  LogRecord: [1, 11],
};

/** An export's protobuf with every time moved by `by` seconds (unset times, 0, stay unset). */
export function shiftExport(signal: OtlpFixture["signal"], raw: Buffer, by = OTLP_SHIFT_S): Buffer {
  return rewrite(ROOT_MESSAGE[signal], raw, (type, fields) =>
    fields.map((f): WireField => {
      if (f.wt !== 1 || !TIME_FIELDS[type]?.includes(f.field)) return f;
      const ns = f.value.readBigUInt64LE();
      if (ns === 0n) return f;
      const value = Buffer.alloc(8);
      value.writeBigUInt64LE(ns + BigInt(by) * 1_000_000_000n);
      return { ...f, value };
    }),
  );
}

/** OTLP/JSON text with every "…UnixNano" time moved by `by` seconds, every other byte kept. */
export const shiftOtlpJson = (text: string, by = OTLP_SHIFT_S) =>
  text.replace(
    /("[a-zA-Z]*[tT]imeUnixNano":\s*"?)([1-9]\d*)/g,
    (_, key: string, ns: string) => `${key}${BigInt(ns) + BigInt(by) * 1_000_000_000n}`,
  );

/** The exports in the order they were sent; `run` is "" or "concatenated-batches"; times recent (default) or as captured. */
export function otlpFixtures(run = "", times: "recent" | "captured" = "recent"): OtlpFixture[] {
  const dir = path.join(OTLP_FIXTURES_DIR, run);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".http.json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".http.json".length);
      const http = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { path: string; headers: [string, string][] };
      const headers = Object.fromEntries(http.headers.map(([k, v]) => [k.toLowerCase(), v]));
      const signal = http.path.split("/")[2] as OtlpFixture["signal"];
      const body = readFileSync(path.join(dir, `${name}.bin`));
      return {
        name,
        signal,
        headers,
        body: times === "captured" ? body : gzipSync(shiftExport(signal, gunzipSync(body))),
      };
    });
}

/** Replays an export with the given write token in place of the captured one. */
export function replayOtlp(
  baseUrl: string,
  f: OtlpFixture,
  writeToken: string,
  overrides: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...f.headers, authorization: `Bearer ${writeToken}`, ...overrides };
  // fetch sets these itself; the captured values name the capture host.
  for (const h of ["host", "connection", "content-length", "accept-encoding"]) delete headers[h];
  return fetch(`${baseUrl}/v1/${f.signal}`, { method: "POST", headers, body: new Uint8Array(f.body) });
}
