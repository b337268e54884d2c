// The replay helpers move the captured requests' times to recent ones: every time by the same whole days, nothing else.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeOtlp } from "@/lib/ingest/otlp/decode";
import { logsExportSchema, metricsExportSchema, tracesExportSchema } from "@/lib/ingest/otlp/schema";
import { shiftTimes } from "../helpers/hub-fixtures";
import { otlpFixtures, shiftExport } from "../helpers/otlp-fixtures";

const DAYS = 30 * 86_400;
const SCHEMA = { traces: tracesExportSchema, metrics: metricsExportSchema, logs: logsExportSchema };

/** Every number of a decoded export, in order, with the times (epoch seconds after 2020) apart. */
function numbers(v: unknown, out: { times: number[]; other: unknown[] } = { times: [], other: [] }) {
  if (typeof v === "number" && v > 1.5e9 && v < 4e9) out.times.push(v);
  else if (v instanceof Map) for (const [k, x] of v) numbers([k, x], out);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => numbers(x, out));
  else out.other.push(v);
  return out;
}

describe("replay time shift", () => {
  it("moves the hub payloads' seconds and nanoseconds, keeping every other byte", () => {
    const text = '{"timestamp": 1795898042.5390506, "spans": [{"startTime": "1795897889268000000"}], "size": 17}';
    expect(shiftTimes(text, DAYS)).toBe(
      `{"timestamp": ${1795898042 + DAYS}.5390506, "spans": [{"startTime": "${1795897889268000000n + BigInt(DAYS) * 1_000_000_000n}"}], "size": 17}`,
    );
  });

  it.each(otlpFixtures("", "captured").map((f) => [f.name, f] as const))(
    "moves every time of the OTLP export %s, and nothing else",
    (_name, f) => {
      const read = (raw: Buffer) => numbers(SCHEMA[f.signal].parse(decodeOtlp(f.signal, raw, "protobuf")));
      const raw = gunzipSync(f.body);
      const before = read(raw);
      const after = read(shiftExport(f.signal, raw, DAYS));
      expect(before.times.length).toBeGreaterThan(0);
      expect(after.times.map((t) => Math.round(t - DAYS))).toEqual(before.times.map((t) => Math.round(t)));
      expect(after.other).toEqual(before.other);
    },
  );
});
