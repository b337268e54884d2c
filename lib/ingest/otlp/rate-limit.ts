// Apitally's rate limits per app and signal: 200 exports a second, 1,800 a minute. Counted
// in this process (one window each); past either the exporter gets 429 with Retry-After.
import type { Signal } from "./decode";

const LIMITS = [
  { windowMs: 1000, max: 200 },
  { windowMs: 60_000, max: 1800 },
];
const windows = new Map<string, { start: number; count: number }[]>();

/** Seconds to wait before retrying, or 0 when the export may go ahead (and is counted). */
export function retryAfter(appId: number, signal: Signal, nowMs = Date.now()): number {
  const key = `${appId}:${signal}`;
  const state = windows.get(key) ?? LIMITS.map(() => ({ start: nowMs, count: 0 }));
  windows.set(key, state);
  let wait = 0;
  LIMITS.forEach((l, i) => {
    if (nowMs - state[i].start >= l.windowMs) state[i] = { start: nowMs, count: 0 };
    if (state[i].count >= l.max) wait = Math.max(wait, Math.ceil((state[i].start + l.windowMs - nowMs) / 1000));
  });
  if (wait > 0) return wait;
  for (const s of state) s.count++;
  return 0;
}
