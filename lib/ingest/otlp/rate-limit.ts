// Apitally's rate limits per app and signal: 200 exports a second, 1,800 a minute, as token
// buckets counted in this process (lib/ingest/backpressure); past either the exporter gets 429
// with Retry-After.
import type { BucketCheck } from "../backpressure/admit";
import { TokenBuckets } from "../backpressure/token-bucket";
import type { Signal } from "./decode";

/** A fresh pair of buckets: a second's 200 and a minute's 1,800, each refilling evenly. */
export const otlpLimits = (now: () => number = Date.now) => [
  new TokenBuckets({ ratePerSecond: 200, burst: 200 }, now),
  new TokenBuckets({ ratePerSecond: 30, burst: 1800 }, now),
];

const g = globalThis as unknown as { __tallyhubOtlpBuckets?: TokenBuckets[] };

/** What an export of `signal` for `appId` takes a token from. */
export function otlpBuckets(appId: number, signal: Signal, limits = (g.__tallyhubOtlpBuckets ??= otlpLimits())) {
  return limits.map((buckets): BucketCheck => ({ buckets, key: `${appId}:${signal}` }));
}
