// Time windows and chart buckets, in epoch MINUTES (the unit of the rollup tables).
// The one place that decides which bucket a period uses and which buckets a chart has.
//
// A preset period is the last N buckets ending with the current, still-filling bucket
// ("24h" = 24 hourly buckets, the last of them the current hour), so the headline totals
// cover exactly what the chart shows. Buckets are aligned to UTC.

export type Bucket = "minute" | "hour" | "day";
export const PERIODS = ["1h", "24h", "7d", "30d"] as const;
export type PresetPeriod = (typeof PERIODS)[number];

export const BUCKET_MINUTES: Record<Bucket, number> = { minute: 1, hour: 60, day: 1440 };

const PRESETS: Record<PresetPeriod, { bucket: Bucket; buckets: number }> = {
  "1h": { bucket: "minute", buckets: 60 },
  "24h": { bucket: "hour", buckets: 24 },
  "7d": { bucket: "hour", buckets: 168 },
  "30d": { bucket: "day", buckets: 30 },
};

/** Minutes [from, to) of rollups, the bucket for charts, and the equally long window before. */
export interface TimeWindow {
  from: number;
  to: number;
  bucket: Bucket;
  /** The current minute: its bucket is still filling. */
  now: number;
  previous: { from: number; to: number };
}

export const toMinute = (ms: number) => Math.floor(ms / 60_000);

/** The start of the aligned span of `grain` minutes that holds `minute` (an hour: 60, a UTC day: 1440). */
export const grainStart = (minute: number, grain: number) => Math.floor(minute / grain) * grain;

export const bucketStart = (minute: number, bucket: Bucket): number => grainStart(minute, BUCKET_MINUTES[bucket]);

/** Keeps charts between ~60 and ~200 points whatever the range. */
export function bucketForSpan(minutes: number): Bucket {
  if (minutes <= 180) return "minute";
  if (minutes <= 8 * 1440) return "hour";
  return "day";
}

function withPrevious(from: number, to: number, bucket: Bucket, now: number): TimeWindow {
  const length = to - from;
  return { from, to, bucket, now, previous: { from: from - length, to: from } };
}

export function presetWindow(period: PresetPeriod, nowMs: number): TimeWindow {
  const now = toMinute(nowMs);
  const { bucket, buckets } = PRESETS[period];
  const from = bucketStart(now, bucket) - (buckets - 1) * BUCKET_MINUTES[bucket];
  return withPrevious(from, now + 1, bucket, now);
}

/** A custom range, cut at the end of the current minute (there is no data after it). */
export function customWindow(fromMs: number, toMs: number, nowMs: number): TimeWindow | null {
  if (!(toMs > fromMs)) return null;
  const now = toMinute(nowMs);
  const from = toMinute(fromMs);
  const to = Math.min(Math.ceil(toMs / 60_000), now + 1);
  if (to <= from) return null;
  return withPrevious(from, to, bucketForSpan(to - from), now);
}

/** Starts of the aligned buckets that overlap the window, oldest first. */
export function bucketStarts(w: Pick<TimeWindow, "from" | "to" | "bucket">): number[] {
  const size = BUCKET_MINUTES[w.bucket];
  const starts: number[] = [];
  for (let b = bucketStart(w.from, w.bucket); b < w.to; b += size) starts.push(b);
  return starts;
}

/** The bucket holding the current minute may still receive data from the next syncs. */
export function isPartialBucket(start: number, w: Pick<TimeWindow, "bucket" | "now">): boolean {
  return start <= w.now && w.now < start + BUCKET_MINUTES[w.bucket];
}

/**
 * Minutes of one bucket that lie in the window and have begun: the divisor for a
 * per-minute rate, so the still-filling bucket and a custom range's cut edges are not
 * diluted by minutes that were never part of them.
 */
export function bucketMinutesCovered(start: number, w: Pick<TimeWindow, "from" | "to" | "bucket" | "now">): number {
  const end = Math.min(start + BUCKET_MINUTES[w.bucket], w.to, w.now + 1);
  return Math.max(0, end - Math.max(start, w.from));
}

/** Minutes of the window that have already begun: the divisor of "requests per minute". */
export function elapsedMinutes(range: { from: number; to: number }, now: number): number {
  return Math.max(0, Math.min(range.to, now + 1) - range.from);
}
