// The ingest backpressure parts with an injected clock and fake timers: the token buckets'
// refill and Retry-After, the concurrency limiter's slots, queue and wait, and `admit` deciding
// 429 before 503 without spending tokens on a refused request.
import { afterEach, describe, expect, it, vi } from "vitest";
import { admit } from "@/lib/ingest/backpressure/admit";
import { ConcurrencyLimiter } from "@/lib/ingest/backpressure/concurrency";
import { TokenBuckets } from "@/lib/ingest/backpressure/token-bucket";

describe("token buckets", () => {
  it("let a burst through, then refuse with the seconds until a token is back", () => {
    let now = 0;
    const b = new TokenBuckets({ ratePerSecond: 0.5, burst: 3 }, () => now);
    expect([b.take("a"), b.take("a"), b.take("a")]).toEqual([0, 0, 0]);
    expect(b.take("a")).toBe(2); // one token per 2 s
    now += 1000;
    expect(b.take("a")).toBe(1);
    now += 1000;
    expect(b.take("a")).toBe(0);
    expect(b.take("a")).toBe(2);
    // Another key has its own bucket.
    expect(b.take("b")).toBe(0);
  });

  it("never refill past the burst, and a refused take costs nothing", () => {
    let now = 0;
    const b = new TokenBuckets({ ratePerSecond: 10, burst: 2 }, () => now);
    now += 3_600_000;
    expect([b.take("a"), b.take("a"), b.take("a")]).toEqual([0, 0, 1]);
    for (let i = 0; i < 100; i++) expect(b.take("a")).toBe(1);
    now += 100;
    expect(b.take("a")).toBe(0);
  });

  it("answer Retry-After rounded up to whole seconds, at least 1", () => {
    let now = 0;
    const b = new TokenBuckets({ ratePerSecond: 1000, burst: 1 }, () => now);
    expect(b.take("a")).toBe(0);
    expect(b.take("a")).toBe(1);
    const slow = new TokenBuckets({ ratePerSecond: 0.1, burst: 1 }, () => now);
    expect(slow.take("a")).toBe(0);
    now += 2500;
    expect(slow.take("a")).toBe(8); // 0.25 of a token back, 7.5 s to go
  });

  it("forget refilled buckets once they track many keys", () => {
    let now = 0;
    const b = new TokenBuckets({ ratePerSecond: 1, burst: 5 }, () => now);
    for (let i = 0; i < 10_000; i++) b.take(`k${i}`);
    expect(b.size).toBe(10_000);
    now += 1000; // each got its one token back: full again
    b.take("new");
    expect(b.size).toBe(1);
  });
});

describe("concurrency limiter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives out max slots, queues up to the queue's length in order, and refuses the rest", async () => {
    const l = new ConcurrencyLimiter({ max: 2, queue: 2, waitMs: 5000 });
    const a = await l.acquire();
    const b = await l.acquire();
    expect(a && b).toBeTruthy();
    const order: string[] = [];
    const c = l.acquire().then((r) => (order.push("c"), r));
    const d = l.acquire().then((r) => (order.push("d"), r));
    expect(await l.acquire()).toBeNull(); // queue full
    expect(l.load).toEqual({ active: 2, waiting: 2 });
    a!();
    a!(); // a second release frees nothing more
    const cRelease = await c;
    expect(cRelease).toBeTypeOf("function");
    expect(l.load).toEqual({ active: 2, waiting: 1 });
    b!();
    expect(await d).toBeTypeOf("function");
    expect(order).toEqual(["c", "d"]);
    expect(l.load).toEqual({ active: 2, waiting: 0 });
  });

  it("refuses a waiter whose wait runs out, and the slot it did not get goes to the next", async () => {
    vi.useFakeTimers();
    const l = new ConcurrencyLimiter({ max: 1, queue: 5, waitMs: 5000 });
    const first = await l.acquire();
    const late = l.acquire();
    await vi.advanceTimersByTimeAsync(4000);
    const next = l.acquire();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await late).toBeNull();
    expect(l.load).toEqual({ active: 1, waiting: 1 });
    first!();
    expect(await next).toBeTypeOf("function");
    expect(l.load).toEqual({ active: 1, waiting: 0 });
  });

  it("with no queue, refuses at once while every slot is taken", async () => {
    const l = new ConcurrencyLimiter({ max: 1, queue: 0, waitMs: 5000 });
    const r = await l.acquire();
    expect(await l.acquire()).toBeNull();
    r!();
    expect(await l.acquire()).toBeTypeOf("function");
  });
});

describe("admit", () => {
  it("answers 429 from the bucket before asking for a slot, and 503 when no slot is free", async () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 }, () => now);
    const other = new TokenBuckets({ ratePerSecond: 1, burst: 5 }, () => now);
    const limiter = new ConcurrencyLimiter({ max: 1, queue: 0, waitMs: 5000 });
    const checks = [
      { buckets, key: "client" },
      { buckets: other, key: "client" },
    ];
    const first = await admit(checks, limiter);
    expect("release" in first).toBe(true);
    // Bucket empty: 429, and no token taken from the other bucket, no slot asked for.
    expect(await admit(checks, limiter)).toEqual({ refused: { status: 429, retryAfter: 1 } });
    expect(other.wait("client")).toBe(0);
    now += 1000;
    // A token again, but the only slot is held: 503.
    expect(await admit(checks, limiter)).toEqual({ refused: { status: 503, retryAfter: 2 } });
    if ("release" in first) first.release();
    now += 1000;
    expect("release" in (await admit(checks, limiter))).toBe(true);
  });
});
