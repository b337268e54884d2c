// Uptime from incidents, for the Uptime page. Pure: the same numbers on server and in tests.
// Downtime is the union of incidents (a heartbeat and a health check incident at once count once),
// an ongoing incident lasts until now, and a window only counts from when monitoring could know
// (the first sign of life or health check result): before that there is no data, not uptime.

export interface IncidentSpan {
  startedAt: number;
  endedAt: number | null;
}

export const UPTIME_PERIODS = [
  { key: "24h", label: "Last 24 hours", seconds: 86_400 },
  { key: "7d", label: "Last 7 days", seconds: 7 * 86_400 },
  { key: "30d", label: "Last 30 days", seconds: 30 * 86_400 },
  { key: "90d", label: "Last 90 days", seconds: 90 * 86_400 },
] as const;

const DAY = 86_400;

/** Seconds of [from, to) covered by at least one incident. */
export function downSeconds(incidents: readonly IncidentSpan[], from: number, to: number, nowS: number): number {
  const spans = incidents
    .map((i): [number, number] => [Math.max(i.startedAt, from), Math.min(i.endedAt ?? nowS, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Share of [from, to) that was up, counted from `knownFrom`; null when monitoring knew nothing of it. */
export function uptimeRatio(
  incidents: readonly IncidentSpan[],
  from: number,
  to: number,
  knownFrom: number | null,
  nowS: number,
): number | null {
  if (knownFrom === null) return null;
  const start = Math.max(from, knownFrom);
  const end = Math.min(to, nowS);
  if (end <= start) return null;
  return 1 - downSeconds(incidents, start, end, nowS) / (end - start);
}

export type DayTone = "up" | "degraded" | "down" | "none";

export interface DayBar {
  /** Start of the UTC day, epoch seconds. */
  day: number;
  uptime: number | null;
  downSeconds: number;
  incidents: number;
  tone: DayTone;
}

/** Below this a day is red; any downtime above it amber (99 % of a day: about 14 minutes down). */
const DEGRADED_FROM = 0.99;

/** One bar per UTC day, the oldest first, today last. */
export function dayBars(
  incidents: readonly IncidentSpan[],
  nowS: number,
  knownFrom: number | null,
  days = 90,
): DayBar[] {
  const today = Math.floor(nowS / DAY) * DAY;
  return Array.from({ length: days }, (_, n) => {
    const day = today - (days - 1 - n) * DAY;
    const uptime = uptimeRatio(incidents, day, day + DAY, knownFrom, nowS);
    const touching = incidents.filter((i) => i.startedAt < day + DAY && (i.endedAt ?? nowS) > day).length;
    const down = uptime === null ? 0 : downSeconds(incidents, Math.max(day, knownFrom ?? day), day + DAY, nowS);
    const tone: DayTone = uptime === null ? "none" : down === 0 ? "up" : uptime >= DEGRADED_FROM ? "degraded" : "down";
    return { day, uptime, downSeconds: down, incidents: touching, tone };
  });
}
