// Backpressure for every ingest route, hub and OTLP: first the sender's token buckets (429 with
// Retry-After from their refill), then one of this process's ingest slots (a short wait, then 503
// with Retry-After). Both are decided before the body is read, so a refused request stores nothing
// and costs little; the official clients and OTLP exporters send a refused payload again later.
import { dbKind } from "../../db/url";
import { settings } from "../../settings";
import { ConcurrencyLimiter, type Release } from "./concurrency";
import { TokenBuckets } from "./token-bucket";

/** How long a request may wait for an ingest slot. */
export const QUEUE_WAIT_MS = 5000;
/** What a request refused for want of a slot is told to wait: the queue drains in seconds. */
export const BUSY_RETRY_AFTER_S = 2;

export type Refusal = { status: 429; retryAfter: number } | { status: 503; retryAfter: typeof BUSY_RETRY_AFTER_S };

export type Admission = { release: Release } | { refused: Refusal };

/** A sender's bucket: which buckets, and the sender's key in them. */
export interface BucketCheck {
  buckets: TokenBuckets;
  key: string;
}

/**
 * Admits one ingest request, or says why not. A token is taken from every bucket only when all of
 * them have one, so a request refused by one bucket costs nothing in the others.
 */
export async function admit(checks: BucketCheck[], limiter = ingestLimiter()): Promise<Admission> {
  const wait = Math.max(0, ...checks.map((c) => c.buckets.wait(c.key)));
  if (wait > 0) return { refused: { status: 429, retryAfter: wait } };
  for (const c of checks) c.buckets.take(c.key);
  const release = await limiter.acquire();
  if (!release) return { refused: { status: 503, retryAfter: BUSY_RETRY_AFTER_S } };
  return { release };
}

// Process-wide, like the database handles: Next.js may load this module once per route.
const g = globalThis as unknown as {
  __tallyhubIngestLimiter?: ConcurrencyLimiter;
  __tallyhubHubBuckets?: TokenBuckets;
};

/** The hub routes' bucket of a client ID (canonical form), from the settings. */
export function hubBucket(clientId: string): BucketCheck {
  const buckets = (g.__tallyhubHubBuckets ??= new TokenBuckets({
    ratePerSecond: settings().TALLYHUB_INGEST_RATE,
    burst: settings().TALLYHUB_INGEST_BURST,
  }));
  return { buckets, key: clientId };
}

/** This process's ingest slots, from the settings. */
export function ingestLimiter(): ConcurrencyLimiter {
  return (g.__tallyhubIngestLimiter ??= new ConcurrencyLimiter({
    max: ingestConcurrency(),
    queue: settings().TALLYHUB_INGEST_QUEUE,
    waitMs: QUEUE_WAIT_MS,
  }));
}

function ingestConcurrency(): number {
  const s = settings().TALLYHUB_INGEST_CONCURRENCY;
  if (s !== "auto") return s;
  // SQLite writes one transaction at a time: a few slots keep it busy while the next bodies are parsed.
  return dbKind() === "sqlite" ? 4 : 16;
}
