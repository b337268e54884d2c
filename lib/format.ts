// How numbers, sizes, durations and times read in the dashboard. Pure, for server and client.
import type { Bucket } from "./buckets";

const DASH = "—";

export function formatCount(n: number | null | undefined): string {
  if (n == null) return DASH;
  return Math.round(n).toLocaleString("en-US");
}

/** 1.2k, 34.5k, 1.2M: for cards and axes, where width is short. */
export function formatCompact(n: number | null | undefined): string {
  if (n == null) return DASH;
  if (Math.abs(n) < 1000) return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1).replace(/\.?0+$/, "");
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

export function formatRate(perMinute: number | null | undefined): string {
  if (perMinute == null) return DASH;
  if (perMinute === 0) return "0";
  if (perMinute < 0.1) return perMinute.toFixed(3).replace(/0+$/, "");
  if (perMinute < 10) return perMinute.toFixed(2).replace(/\.?0+$/, "");
  return formatCompact(perMinute);
}

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate == null) return DASH;
  if (rate === 0) return "0%";
  const pct = rate * 100;
  if (pct < 0.1) return "<0.1%";
  return `${pct.toFixed(pct >= 99.95 || Number.isInteger(pct) ? 0 : digits)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms == null) return DASH;
  if (ms === 0) return "0 ms";
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** For chart axes: "250ms", "1.5s". */
export function formatMsShort(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${+(ms / 1000).toFixed(1)}s`;
}

/** Bytes in decimal units, as the clients bin them (1 KB = 1000 bytes). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return DASH;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? Math.round(v) : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Relative change from the previous period, or null when there is nothing to compare. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null) return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}

const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const DATE: Intl.DateTimeFormatOptions = { month: "short", day: "numeric" };

/** An axis tick for a bucket start (epoch seconds), in the viewer's time zone. Days are UTC. */
export function formatTick(t: number, bucket: Bucket): string {
  const d = new Date(t * 1000);
  if (bucket === "day") return d.toLocaleDateString("en-US", { ...DATE, timeZone: "UTC" });
  if (bucket === "minute") return d.toLocaleTimeString("en-US", TIME);
  return d.getHours() === 0 ? d.toLocaleDateString("en-US", DATE) : d.toLocaleTimeString("en-US", TIME);
}

/** The full span of one bucket for tooltips, e.g. "Mar 10, 14:00 – 15:00". */
export function formatBucketSpan(t: number, bucket: Bucket): string {
  const d = new Date(t * 1000);
  if (bucket === "day") return d.toLocaleDateString("en-US", { ...DATE, weekday: "short", timeZone: "UTC" }) + " (UTC)";
  const end = new Date((t + (bucket === "hour" ? 3600 : 60)) * 1000);
  const day = d.toLocaleDateString("en-US", DATE);
  return `${day}, ${d.toLocaleTimeString("en-US", TIME)} – ${end.toLocaleTimeString("en-US", TIME)}`;
}

export function formatDateTime(epochSeconds: number | null | undefined): string {
  if (epochSeconds == null) return DASH;
  return new Date(epochSeconds * 1000).toLocaleString("en-US", { ...DATE, ...TIME });
}

export function formatTimeAgo(epochSeconds: number | null | undefined, nowMs = Date.now()): string {
  if (epochSeconds == null) return DASH;
  const s = Math.max(0, Math.round(nowMs / 1000 - epochSeconds));
  if (s < 60) return "just now";
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} days ago`;
}

/** "1 consumer", "3 consumers". */
export const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

/** A duration still to run, to the minute rounded up: "23 h 59 min", "24 h", "5 min". */
export function timeLeft(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}

/** A logged request's time to the millisecond, with the day unless it is today (or always): "Nov 28, 14:03:22.271". */
export function formatLogTime(epochSeconds: number, opts: { day?: boolean; nowMs?: number } = {}): string {
  const d = new Date(epochSeconds * 1000);
  const time = `${d.toLocaleTimeString("en-US", { ...TIME, second: "2-digit" })}.${String(d.getMilliseconds()).padStart(3, "0")}`;
  const today = d.toDateString() === new Date(opts.nowMs ?? Date.now()).toDateString();
  return today && !opts.day ? time : `${d.toLocaleDateString("en-US", DATE)}, ${time}`;
}

/** A URL's path and query, the part that differs between the requests of one app. */
export function urlPathAndQuery(url: string): string {
  const m = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*(.*)$/i.exec(url);
  return m ? m[1] || "/" : url;
}

/** A length of time, to two units: "45 s", "3 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 && m < 10 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** An uptime share, never rounded up to a perfect 100%: "100%", "99.97%", "87.50%". */
export function formatUptime(ratio: number | null | undefined): string {
  if (ratio == null) return DASH;
  if (ratio >= 1) return "100%";
  return `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;
}

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** A country's English name from its ISO 3166-1 alpha-2 code: "US" → "United States". */
export function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
