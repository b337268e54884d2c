import { grainStart } from "../buckets";
import { foldHorizon } from "../retention/config";
/** Epoch seconds, the unit of every ingest time column. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const epochMinute = (epochSeconds: number) => Math.floor(epochSeconds / 60);

/** A DateTime column value in the form Prisma itself writes (readable by Prisma on both databases). */
export const dbTimestamp = (d = new Date()) => d.toISOString().replace("Z", "+00:00");

/**
 * The minute a sync is stored under: its own, or, past the retention horizon where the
 * per-minute rows have been folded into hours (lib/retention/fold.ts), its hour's first.
 */
export function storageMinute(minute: number, nowSec: number): number {
  return minute < foldHorizon(nowSec) ? grainStart(minute, 60) : minute;
}
