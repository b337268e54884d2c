// How long each kind of data is kept, from the environment (all optional). Read once;
// a bad value stops the server at boot with the variable's name rather than silently
// deleting data on a wrong schedule.
import { z } from "zod";
import { grainStart } from "../buckets";

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

const schema = z
  .object({
    TALLYHUB_RETENTION_MINUTE_DAYS: days(32),
    TALLYHUB_RETENTION_DAYS: days(396),
    TALLYHUB_RETENTION_LOG_DAYS: days(15),
    TALLYHUB_RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  })
  .refine((c) => c.TALLYHUB_RETENTION_DAYS >= c.TALLYHUB_RETENTION_MINUTE_DAYS, {
    message: "TALLYHUB_RETENTION_DAYS must be at least TALLYHUB_RETENTION_MINUTE_DAYS",
  });

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

export function parseRetentionConfig(env: Record<string, string | undefined>): RetentionConfig {
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("TALLYHUB_RETENTION_") && v !== ""));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid retention setting ${issue.path.join(".") || ""}: ${issue.message}`.replace("setting :", "setting:"));
  }
  const c = parsed.data;
  return {
    minuteDays: c.TALLYHUB_RETENTION_MINUTE_DAYS,
    days: c.TALLYHUB_RETENTION_DAYS,
    logDays: c.TALLYHUB_RETENTION_LOG_DAYS,
    intervalMinutes: c.TALLYHUB_RETENTION_INTERVAL_MINUTES,
  };
}

let cached: RetentionConfig | undefined;
export const retentionConfig = (): RetentionConfig => (cached ??= parseRetentionConfig(process.env));

/** Epoch minute before which per-minute rows are kept at hourly resolution only. */
export const foldHorizon = (nowSeconds: number, c: RetentionConfig = retentionConfig()) =>
  grainStart(Math.floor(nowSeconds / 60) - c.minuteDays * 1440, 60);
