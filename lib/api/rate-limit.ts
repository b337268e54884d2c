// The data API's limit: 100 requests a minute per key (as the hosted product's API), in fixed one-minute windows
// counted in this process. Every answer carries the X-RateLimit-* headers; past the limit, 429 with Retry-After.
export const API_RATE_LIMIT = 100;
const windows = new Map<string, { start: number; count: number }>();

export interface RateState {
  allowed: boolean;
  headers: Record<string, string>;
}

export function takeRequest(keyId: string, nowMs = Date.now(), limit = API_RATE_LIMIT): RateState {
  const start = Math.floor(nowMs / 60_000) * 60_000;
  const w = windows.get(keyId);
  const state = w && w.start === start ? w : { start, count: 0 };
  windows.set(keyId, state);
  const allowed = state.count < limit;
  if (allowed) state.count++;
  const reset = Math.ceil((start + 60_000) / 1000);
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(Math.max(0, limit - state.count)),
    "X-RateLimit-Reset": String(reset),
  };
  if (!allowed) headers["Retry-After"] = String(Math.max(1, reset - Math.floor(nowMs / 1000)));
  return { allowed, headers };
}
