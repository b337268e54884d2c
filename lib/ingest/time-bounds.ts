// Times outside what the server keeps are not stored. From the future: a client with a wrong clock (or a hostile one
// sending 2147483647) would store rows that no dashboard shows and no retention pass removes before their date; a few
// minutes of clock skew between the client and this server are normal and allowed. From before retention: the next
// retention pass would delete them, after they had been counted into rollups and alert windows for nothing.
// Each kind of data has its own retention (lib/retention/config.ts): rollups, request logs, CPU/memory samples.
import type { InstanceMetrics, InstanceTraces, LogsBatch } from "../model/otlp";
import type { LogLine, SyncPayload } from "../model/payloads";
import { retentionConfig, retentionCutoffs, type RetentionConfig } from "../retention/config";
import { nowSeconds } from "../store/time";
import { unprocessable } from "./responses";

export const MAX_CLOCK_SKEW_S = 300;

export type TimedKind = "rollups" | "logs" | "samples";

const DAY_S = 86_400;
// `one`/`many` name the items counted; `kept` what the retention setting keeps.
const KINDS: Record<
  TimedKind,
  { one: string; many: string; kept: string; setting: string; days: (c: RetentionConfig) => number }
> = {
  rollups: {
    one: "minute of traffic",
    many: "minutes of traffic",
    kept: "traffic rollups",
    setting: "TALLYHUB_RETENTION_DAYS",
    days: (c) => c.days,
  },
  logs: {
    one: "request log",
    many: "request logs",
    kept: "request logs",
    setting: "TALLYHUB_RETENTION_LOG_DAYS",
    days: (c) => c.logDays,
  },
  samples: {
    one: "CPU/memory sample",
    many: "CPU/memory samples",
    kept: "CPU/memory samples",
    setting: "TALLYHUB_RETENTION_MINUTE_DAYS",
    days: (c) => c.minuteDays,
  },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How long a kind of data is kept, as a reader of the 422 needs it: "15 days (TALLYHUB_RETENTION_LOG_DAYS)". */
const limitText = (kind: TimedKind, c: RetentionConfig) =>
  `${plural(KINDS[kind].days(c), "day")} (${KINDS[kind].setting})`;

/** The window of times the server stores, at one moment, and what fell outside it. */
export class TimeBounds {
  readonly latest: number;
  private readonly earliest: Record<TimedKind, number>;
  /** Items refused, per kind and side; read by `refusals()`. */
  private readonly counts: Record<TimedKind, { ahead: number; old: number }> = {
    rollups: { ahead: 0, old: 0 },
    logs: { ahead: 0, old: 0 },
    samples: { ahead: 0, old: 0 },
  };

  constructor(
    readonly now = nowSeconds(),
    private readonly config = retentionConfig(),
  ) {
    this.latest = now + MAX_CLOCK_SKEW_S;
    const cut = retentionCutoffs(now, config);
    this.earliest = { rollups: cut.rollupsBefore * 60, logs: cut.logsBefore, samples: cut.samplesBefore };
  }

  /** "ahead" or "old" when data of `kind` at `ts` is not stored, else null (nothing counted). */
  outside(ts: number, kind: TimedKind): "ahead" | "old" | null {
    if (ts > this.latest) return "ahead";
    if (ts < this.earliest[kind]) return "old";
    return null;
  }

  /** Whether data of `kind` at `ts` is stored; one that is not is counted for `refusals()`. */
  keeps(ts: number, kind: TimedKind): boolean {
    const side = this.outside(ts, kind);
    if (side) this.counts[kind][side]++;
    return side === null;
  }

  /** How many items were refused. */
  refusedCount(): number {
    return Object.values(this.counts).reduce((n, c) => n + c.ahead + c.old, 0);
  }

  /** What was refused and why, one phrase per kind and side, e.g. "3 request logs older than 15 days (…)". */
  refusals(): string[] {
    const out: string[] = [];
    for (const kind of Object.keys(KINDS) as TimedKind[]) {
      const { ahead, old } = this.counts[kind];
      const { one, many } = KINDS[kind];
      if (ahead)
        out.push(
          `${plural(ahead, one, many)} timed ahead of the server's clock (at most ${MAX_CLOCK_SKEW_S} s allowed)`,
        );
      if (old) out.push(`${plural(old, one, many)} older than ${limitText(kind, this.config)}`);
    }
    return out;
  }

  /** How far `ts` is outside the window of `kind`, in words: "7200 s ahead …" or "400 days older …". */
  describe(ts: number, kind: TimedKind): string {
    if (ts > this.latest)
      return `${Math.round(ts - this.now)} s ahead of the server's clock (at most ${MAX_CLOCK_SKEW_S} s allowed)`;
    const days = Math.floor((this.now - ts) / DAY_S);
    return `${plural(days, "day")} old, and ${KINDS[kind].kept} are kept for ${limitText(kind, this.config)}`;
  }
}

/**
 * A sync as it can be stored: refused whole (422 naming how far off it is) when its time is ahead of the server's clock
 * or before rollup retention; its CPU/memory sample left out when it is older than samples are kept.
 */
export function syncInBounds(sync: SyncPayload, bounds = new TimeBounds()): SyncPayload {
  const side = bounds.outside(sync.timestamp, "rollups");
  if (side) {
    throw unprocessable([
      {
        loc: ["body", "timestamp"],
        msg: `timestamp is ${bounds.describe(sync.timestamp, "rollups")}`,
        type: side === "ahead" ? "value_error.timestamp_future" : "value_error.timestamp_past",
      },
    ]);
  }
  if (sync.resources && !bounds.keeps(sync.timestamp, "samples")) return { ...sync, resources: null };
  return sync;
}

/**
 * The lines of a /log file that can be stored, and a note of those that cannot (null when all can). A file with lines
 * of which none can be stored is refused with a 422 saying why.
 */
export function logLinesInBounds(
  parsed: { lines: LogLine[]; skipped: number },
  bounds = new TimeBounds(),
): { lines: LogLine[]; dropped: string | null } {
  const lines = parsed.lines.filter((l) => bounds.keeps(l.ts, "logs"));
  const reasons = [...bounds.refusals(), ...(parsed.skipped ? [`${plural(parsed.skipped, "line")} not valid`] : [])];
  if (reasons.length === 0) return { lines, dropped: null };
  if (lines.length === 0) {
    throw unprocessable([
      { loc: ["body"], msg: `None of the log lines can be stored: ${reasons.join(", ")}`, type: "value_error.log" },
    ]);
  }
  return { lines, dropped: reasons.join(", ") };
}

// OTLP: an export's parts outside the window are left out and the rest stored; the reply's partial success says what
// was left out (lib/ingest/otlp/responses.ts).

/** A metrics export's per-minute request counts and CPU/memory samples within the window. */
export function otlpMetricsInBounds(instances: InstanceMetrics[], bounds: TimeBounds): InstanceMetrics[] {
  return instances.map((i) => ({
    ...i,
    syncs: i.syncs.filter((s) => bounds.keeps(s.timestamp, "rollups")),
    samples: i.samples.filter((s) => bounds.keeps(s.ts, "samples")),
  }));
}

/** A trace export's per-minute counts and errors, and its request logs, within the window. */
export function otlpTracesInBounds(instances: InstanceTraces[], bounds: TimeBounds): InstanceTraces[] {
  return instances.map((i) => ({
    ...i,
    syncs: i.syncs.filter((s) => bounds.keeps(s.timestamp, "rollups")),
    logs: i.logs.filter((l) => bounds.keeps(l.ts, "logs")),
  }));
}

/** A logs export's request-scoped application logs within the window (startup events carry no time). */
export function otlpLogsInBounds(batch: LogsBatch, bounds: TimeBounds): LogsBatch {
  return { ...batch, appLogs: batch.appLogs.filter((l) => bounds.keeps(l.ts, "logs")) };
}
