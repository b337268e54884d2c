import { grainStart } from "../buckets";

/** Epoch seconds, the unit of every ingest time column. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const epochMinute = (epochSeconds: number) => Math.floor(epochSeconds / 60);

/** A DateTime column value in the form Prisma itself writes (readable by Prisma on both databases). */
export const dbTimestamp = (d = new Date()) => d.toISOString().replace("Z", "+00:00");

/**
 * The minute a sync is stored under: its own, or, before `foldHorizon` (the epoch minute
 * before which retention has folded the per-minute rows into hours, lib/retention/fold.ts),
 * its hour's first. The caller passes the horizon in (foldHorizon of lib/retention/config.ts).
 */
export function storageMinute(minute: number, foldHorizon: number): number {
  return minute < foldHorizon ? grainStart(minute, 60) : minute;
}
