// How long each kind of data is kept: the TALLYHUB_RETENTION_* settings (lib/settings.ts,
// all optional). A bad value stops the server at boot with the variable's name rather than
// silently deleting data on a wrong schedule.
import { grainStart } from "../buckets";
import { parseSettings, settings, type Settings } from "../settings";

export interface RetentionConfig {
  /** Per-minute rows younger than this keep minute resolution; older ones are folded to hours. */
  minuteDays: number;
  /** Everything older is deleted (13 months by default). */
  days: number;
  /** Request logs older than this are deleted. */
  logDays: number;
  /** How often the server runs the job; 0 turns the schedule off (the command still works). */
  intervalMinutes: number;
}

const fromSettings = (s: Settings): RetentionConfig => ({
  minuteDays: s.TALLYHUB_RETENTION_MINUTE_DAYS,
  days: s.TALLYHUB_RETENTION_DAYS,
  logDays: s.TALLYHUB_RETENTION_LOG_DAYS,
  intervalMinutes: s.TALLYHUB_RETENTION_INTERVAL_MINUTES,
});

/** The retention settings among `env` (other variables are ignored); throws naming a bad one. */
export function parseRetentionConfig(env: Record<string, string | undefined>): RetentionConfig {
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("TALLYHUB_RETENTION_")));
  return fromSettings(parseSettings(picked));
}

export const retentionConfig = (): RetentionConfig => fromSettings(settings());

/** Epoch minute before which per-minute rows are kept at hourly resolution only. */
export const foldHorizon = (nowSeconds: number, c: RetentionConfig = retentionConfig()) =>
  grainStart(Math.floor(nowSeconds / 60) - c.minuteDays * 1440, 60);

/** What the retention pass deletes at `now`: rows of each kind older than these go. */
export const retentionCutoffs = (nowSeconds: number, c: RetentionConfig = retentionConfig()) => ({
  /** Epoch minute: rollup rows before it go. */
  rollupsBefore: Math.floor(nowSeconds / 60) - c.days * 1440,
  /** Epoch seconds: request logs before it go. */
  logsBefore: nowSeconds - c.logDays * 86_400,
  /** Epoch seconds: resource samples (CPU, memory) before it go. */
  samplesBefore: nowSeconds - c.minuteDays * 86_400,
});
