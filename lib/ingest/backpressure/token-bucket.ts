// Token buckets by key, counted in this process: each key may spend `burst` requests at once and
// gets `ratePerSecond` back over time. Past it, the caller is told how long until one token is back,
// which becomes the reply's Retry-After. With several servers each keeps its own buckets.

export interface BucketLimit {
  /** Tokens a key gets back per second. */
  ratePerSecond: number;
  /** Tokens a full bucket holds: what a key may send at once after a quiet spell. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Beyond this many keys, buckets that have refilled completely are forgotten (they hold nothing a new one would not).
const SWEEP_ABOVE = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: BucketLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` could take a token, without taking one (0: it could now). */
  wait(key: string): number {
    const b = this.refilled(key, this.now());
    return b.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / this.limit.ratePerSecond));
  }

  /** Takes a token for `key`: 0 when it may go ahead, else whole seconds until a token is back (at least 1). */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait === 0) this.buckets.get(key)!.tokens -= 1;
    return wait;
  }

  private refilled(key: string, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      b = { tokens: this.limit.burst, at: now };
      this.buckets.set(key, b);
      return b;
    }
    const elapsed = Math.max(0, now - b.at) / 1000;
    b.tokens = Math.min(this.limit.burst, b.tokens + elapsed * this.limit.ratePerSecond);
    b.at = now;
    return b;
  }

  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.limit.ratePerSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }

  /** Keys currently tracked (for tests of the sweep). */
  get size() {
    return this.buckets.size;
  }
}
