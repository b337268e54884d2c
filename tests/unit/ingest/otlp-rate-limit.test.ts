// Apitally's per-app, per-signal limits: 200 exports a second, 1,800 a minute, as token buckets.
import { describe, expect, it } from "vitest";
import { otlpBuckets, otlpLimits } from "@/lib/ingest/otlp/rate-limit";

/** What `admit` decides from the buckets: the longest wait, or a token from each. */
function retryAfter(limits: ReturnType<typeof otlpLimits>, appId: number, signal: "traces" | "metrics" | "logs") {
  const checks = otlpBuckets(appId, signal, limits);
  const wait = Math.max(...checks.map((c) => c.buckets.wait(c.key)));
  if (wait === 0) for (const c of checks) c.buckets.take(c.key);
  return wait;
}

describe("OTLP rate limit", () => {
  it("lets 200 exports through at once, then asks the 201st to wait a second", () => {
    let now = 1_000_000;
    const limits = otlpLimits(() => now);
    for (let i = 0; i < 200; i++) expect(retryAfter(limits, 1, "traces")).toBe(0);
    expect(retryAfter(limits, 1, "traces")).toBe(1);
    // Other signals and apps have their own budget.
    expect(retryAfter(limits, 1, "metrics")).toBe(0);
    expect(retryAfter(limits, 2, "traces")).toBe(0);
    now += 1000;
    expect(retryAfter(limits, 1, "traces")).toBe(0);
  });

  it("holds a minute of steady sending to 1,800 and the refill of 30 a second, and says how long to wait", () => {
    let now = 5_000_000;
    const limits = otlpLimits(() => now);
    let letThrough = 0;
    // 100 a second for a minute: within the second's 200, past the minute's bucket.
    for (let s = 0; s < 60; s++, now += 1000)
      for (let i = 0; i < 100; i++) if (retryAfter(limits, 3, "logs") === 0) letThrough++;
    // The full bucket of 1,800 plus what 30 a second gave back while it was being spent.
    expect(letThrough).toBeGreaterThan(1800);
    expect(letThrough).toBeLessThanOrEqual(1800 + 60 * 30);
    expect(retryAfter(limits, 3, "logs")).toBe(0); // a second passed since the last full spend: 30 tokens back
    for (let i = 0; i < 29; i++) retryAfter(limits, 3, "logs");
    expect(retryAfter(limits, 3, "logs")).toBe(1);
  });
});
