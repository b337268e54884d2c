// Apitally's per-app, per-signal limits: 200 exports a second, 1,800 a minute.
import { describe, expect, it } from "vitest";
import { retryAfter } from "@/lib/ingest/otlp/rate-limit";

describe("OTLP rate limit", () => {
  it("lets 200 exports through in a second, then asks the 201st to wait for the next second", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 200; i++) expect(retryAfter(1, "traces", t0 + i)).toBe(0);
    expect(retryAfter(1, "traces", t0 + 500)).toBe(1);
    // Other signals and apps have their own budget.
    expect(retryAfter(1, "metrics", t0 + 500)).toBe(0);
    expect(retryAfter(2, "traces", t0 + 500)).toBe(0);
    expect(retryAfter(1, "traces", t0 + 1000)).toBe(0);
  });

  it("caps a minute at 1,800 and says how long until it ends", () => {
    const t0 = 5_000_000;
    let letThrough = 0;
    for (let s = 0; s < 60; s++)
      for (let i = 0; i < 40; i++) if (retryAfter(3, "logs", t0 + s * 1000 + i) === 0) letThrough++;
    expect(letThrough).toBe(1800);
    expect(retryAfter(3, "logs", t0 + 59_500)).toBe(1);
    expect(retryAfter(3, "logs", t0 + 45_000)).toBeGreaterThan(0);
    expect(retryAfter(3, "logs", t0 + 60_000)).toBe(0);
  });
});
