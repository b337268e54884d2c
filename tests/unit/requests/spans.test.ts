import { describe, expect, it } from "vitest";
import { buildWaterfall } from "@/lib/requests/spans";

const T0 = 1_795_897_889_267_000_000n;
const at = (ms: number) => T0 + BigInt(Math.round(ms * 1e6));

describe("buildWaterfall", () => {
  it("reads JS's camelCase text nanoseconds", () => {
    const w = buildWaterfall(
      JSON.stringify([
        { spanId: "b", parentSpanId: "a", name: "db", startTime: String(at(1)), endTime: String(at(1.5)) },
        { spanId: "a", parentSpanId: null, name: "GET /x", startTime: String(at(0)), endTime: String(at(4)) },
      ]),
    )!;
    expect(w.totalMs).toBe(4);
    expect(w.spans.map((s) => [s.name, s.depth, s.offsetMs, s.durationMs])).toEqual([
      ["GET /x", 0, 0, 4],
      ["db", 1, 1, 0.5],
    ]);
  });

  it("reads Python's and Go's snake_case integer nanoseconds, attributes included", () => {
    const w = buildWaterfall(
      JSON.stringify([
        { span_id: "a", parent_span_id: "caller", name: "root", start_time: Number(at(0)), end_time: Number(at(10)) },
        {
          span_id: "c",
          parent_span_id: "a",
          name: "child",
          start_time: Number(at(2)),
          end_time: Number(at(5)),
          attributes: { "db.system": "sqlite" },
        },
      ]),
    )!;
    expect(w.spans.map((s) => [s.name, s.parentSpanId, s.depth])).toEqual([
      ["root", "caller", 0],
      ["child", "a", 1],
    ]);
    expect(w.spans[1].attributes).toEqual({ "db.system": "sqlite" });
    expect(w.spans[1].offsetMs).toBeCloseTo(2, 2);
    expect(w.spans[1].durationMs).toBeCloseTo(3, 2);
  });

  it("skips what it cannot read and gives null for nothing", () => {
    expect(buildWaterfall(null)).toBeNull();
    expect(buildWaterfall("not json")).toBeNull();
    expect(buildWaterfall(JSON.stringify([{ name: "no times" }]))).toBeNull();
  });
});
