// Decoding OTLP: protobuf through OpenTelemetry's codecs and OTLP/JSON through the same
// schema give the same request; ids, int64s and enums in either of their JSON spellings.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeOtlp } from "@/lib/ingest/otlp/decode";
import { readLogs } from "@/lib/ingest/otlp/logs";
import { hashUuid, requestUuid, slugifyEnv } from "@/lib/ingest/otlp/resource";
import { OtlpReply } from "@/lib/ingest/otlp/responses";
import { logsExportSchema, tracesExportSchema } from "@/lib/ingest/otlp/schema";
import { readTraces } from "@/lib/ingest/otlp/traces";
import { OTLP_FIXTURES_DIR } from "../../helpers/otlp-fixtures";

const body = (name: string) => gunzipSync(readFileSync(`${OTLP_FIXTURES_DIR}/${name}.bin`));
const capturedJson = (name: string) => JSON.parse(readFileSync(`${OTLP_FIXTURES_DIR}/${name}.json`, "utf8"));

describe("OTLP decoding", () => {
  it("reads the fixture's protobuf and its OTLP/JSON form (hex ids) into the same spans", () => {
    const fromProtobuf = tracesExportSchema.parse(decodeOtlp("traces", body("003-traces"), "protobuf"));
    const fromJson = tracesExportSchema.parse(capturedJson("003-traces"));
    expect(readTraces(fromJson, "py-dev", "r")).toEqual(readTraces(fromProtobuf, "py-dev", "r"));
    const spans = fromProtobuf.resourceSpans[0].scopeSpans[0].spans;
    expect(spans).toHaveLength(7);
    expect(spans[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spans[0].spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("decodes several messages back to back as one (apitally-py spools them so)", () => {
    const t = tracesExportSchema.parse(
      decodeOtlp(
        "traces",
        gunzipSync(readFileSync(`${OTLP_FIXTURES_DIR}/concatenated-batches/003-traces.bin`)),
        "protobuf",
      ),
    );
    expect(t.resourceSpans).toHaveLength(7);
    expect(readTraces(t, null, "r")[0].logs).toHaveLength(7);
  });

  it("accepts enum names, numeric int64s and base64 ids, as OTLP/JSON senders write them", () => {
    const base = capturedJson("003-traces");
    const span = base.resourceSpans[0].scopeSpans[0].spans[0];
    const variant = structuredClone(base);
    Object.assign(variant.resourceSpans[0].scopeSpans[0].spans[0], {
      kind: "SPAN_KIND_SERVER",
      traceId: Buffer.from(span.traceId, "hex").toString("base64"),
      startTimeUnixNano: Number(span.startTimeUnixNano),
    });
    const a = tracesExportSchema.parse(base).resourceSpans[0].scopeSpans[0].spans[0];
    const b = tracesExportSchema.parse(variant).resourceSpans[0].scopeSpans[0].spans[0];
    expect(b.kind).toBe(2);
    expect(b.traceId).toBe(a.traceId);
    expect(Math.abs(b.startTimeUnixNano - a.startTimeUnixNano)).toBeLessThan(1e-3);
  });

  it("refuses bytes that are not a message of the signal with a 400", () => {
    for (const bad of [
      Buffer.from([0x0a, 0xff, 0xff, 0xff]),
      Buffer.from("not protobuf at all"),
      body("003-traces").subarray(0, 100),
    ]) {
      const e = (() => {
        try {
          decodeOtlp("traces", bad, "protobuf");
          return null;
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(OtlpReply);
      expect((e as OtlpReply).status).toBe(400);
    }
  });

  it("links a request-scoped log to the SERVER span it names", () => {
    const logs = readLogs(logsExportSchema.parse(decodeOtlp("logs", body("004-logs"), "protobuf")), null);
    const traces = readTraces(
      tracesExportSchema.parse(decodeOtlp("traces", body("003-traces"), "protobuf")),
      null,
      "r",
    );
    const uuids = new Set(traces[0].logs.map((l) => l.uuid));
    expect(logs.appLogs.map((l) => uuids.has(l.requestUuid))).toEqual([true, true]);
    expect(requestUuid("ab".repeat(16), "cd".repeat(8))).toBe(requestUuid("ab".repeat(16), "cd".repeat(8)));
    expect(hashUuid("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("slugifies environments as Apitally does", () => {
    expect(slugifyEnv("Production EU")).toBe("production-eu");
    expect(slugifyEnv("py-dev")).toBe("py-dev");
    expect(slugifyEnv("Ünïcode  Stage!")).toBe("unicode-stage");
    expect(slugifyEnv("x".repeat(40))).toHaveLength(32);
    expect(slugifyEnv("---")).toBe("");
  });
});
