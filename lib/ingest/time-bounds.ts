// Times from the future are refused: a client with a wrong clock (or a hostile one sending 2147483647) would
// otherwise store rows that no dashboard shows and no retention pass removes before their date. A few minutes of
// clock skew between the client and this server are normal and allowed.
import type { LogLine, SyncPayload } from "../model/payloads";
import { nowSeconds } from "../store/time";
import { unprocessable } from "./responses";

export const MAX_CLOCK_SKEW_S = 300;

const ahead = (ts: number, now: number) => Math.round(ts - now);

/** A sync whose timestamp is beyond the allowed skew: 422 naming how far ahead it is. */
export function assertSyncNotAhead(sync: SyncPayload, now = nowSeconds()) {
  if (sync.timestamp <= now + MAX_CLOCK_SKEW_S) return;
  throw unprocessable([
    {
      loc: ["body", "timestamp"],
      msg: `timestamp is ${ahead(sync.timestamp, now)} s ahead of the server's clock (at most ${MAX_CLOCK_SKEW_S} s allowed)`,
      type: "value_error.timestamp_future",
    },
  ]);
}

/** The log lines within the allowed skew, and how many were ahead of it. */
export function linesNotAhead(lines: LogLine[], now = nowSeconds()): { lines: LogLine[]; ahead: number } {
  const kept = lines.filter((l) => l.ts <= now + MAX_CLOCK_SKEW_S);
  return { lines: kept, ahead: lines.length - kept.length };
}
