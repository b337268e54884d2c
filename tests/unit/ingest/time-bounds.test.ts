// The window of times ingest stores: a few minutes ahead of the server's clock at most, and no
// older than each kind of data is kept (rollups, request logs, CPU/memory samples).
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseLogFile, parseSync } from "@/lib/ingest/parse";
import { HubReply } from "@/lib/ingest/responses";
import {
  logLinesInBounds,
  MAX_CLOCK_SKEW_S,
  otlpLogsInBounds,
  otlpMetricsInBounds,
  otlpTracesInBounds,
  syncInBounds,
  TimeBounds,
} from "@/lib/ingest/time-bounds";
import type { InstanceMetrics, InstanceTraces, LogsBatch } from "@/lib/model/otlp";
import type { RetentionConfig } from "@/lib/retention/config";
import { fixture, fixtureJson } from "../../helpers/hub-fixtures";

const NOW = 1_800_000_000;
const DAY = 86_400;
const CONFIG: RetentionConfig = { minuteDays: 32, days: 396, logDays: 15, intervalMinutes: 60 };
const bounds = () => new TimeBounds(NOW, CONFIG);

const sync = (timestamp: number) =>
  parseSync(Buffer.from(JSON.stringify({ ...fixtureJson("py-flask-sync"), timestamp })));

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof HubReply)
      return { status: e.status, detail: (e.body as { detail: Record<string, unknown>[] }).detail };
    throw e;
  }
  throw new Error("expected a refusal");
}

/** The Flask capture's first line, once at each of the given times. */
function logFile(...times: number[]) {
  const [line] = parseLogFile(gunzipSync(fixture("py-flask-log").body)).lines;
  return {
    lines: times.map((ts, i) => ({ ...line, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, ts })),
    skipped: 0,
  };
}

describe("sync times", () => {
  it("stores a sync from now back to the rollup retention, and up to the allowed skew ahead", () => {
    for (const ts of [NOW, NOW + MAX_CLOCK_SKEW_S, NOW - 395 * DAY, NOW - 396 * DAY + 60]) {
      expect(syncInBounds(sync(ts), bounds()).timestamp).toBe(ts);
    }
  });

  it("refuses a sync older than the rollups are kept, saying how old and the limit", () => {
    const r = refusal(() => syncInBounds(sync(NOW - 400 * DAY), bounds()));
    expect(r.status).toBe(422);
    expect(r.detail).toEqual([
      {
        loc: ["body", "timestamp"],
        msg: "timestamp is 400 days old, and traffic rollups are kept for 396 days (TALLYHUB_RETENTION_DAYS)",
        type: "value_error.timestamp_past",
      },
    ]);
  });

  it("refuses a sync ahead of the allowed skew, saying by how much", () => {
    const r = refusal(() => syncInBounds(sync(2147483647), bounds()));
    expect(r.detail[0]).toMatchObject({ type: "value_error.timestamp_future", loc: ["body", "timestamp"] });
    expect(r.detail[0].msg).toBe(
      `timestamp is ${2147483647 - NOW} s ahead of the server's clock (at most ${MAX_CLOCK_SKEW_S} s allowed)`,
    );
  });

  it("keeps an old sync's counts but leaves out its CPU/memory sample once samples are no longer kept", () => {
    const recent = syncInBounds(sync(NOW - 31 * DAY), bounds());
    expect(recent.resources).not.toBeNull();
    const old = syncInBounds(sync(NOW - 33 * DAY), bounds());
    expect(old.resources).toBeNull();
    expect(old.requests).toEqual(sync(NOW - 33 * DAY).requests);
  });

  it("follows the retention settings", () => {
    const short = new TimeBounds(NOW, { ...CONFIG, days: 40 });
    expect(refusal(() => syncInBounds(sync(NOW - 41 * DAY), short)).detail[0].msg).toContain("kept for 40 days");
  });
});

describe("log file times", () => {
  it("keeps the lines inside the window and names those outside it", () => {
    const r = logLinesInBounds(logFile(NOW - 20 * DAY, NOW - DAY, NOW, NOW + 3600, NOW - 16 * DAY), bounds());
    expect(r.lines.map((l) => l.ts)).toEqual([NOW - DAY, NOW]);
    expect(r.dropped).toBe(
      "1 request log timed ahead of the server's clock (at most 300 s allowed), " +
        "2 request logs older than 15 days (TALLYHUB_RETENTION_LOG_DAYS)",
    );
  });

  it("says nothing when every line is kept", () => {
    expect(logLinesInBounds(logFile(NOW, NOW - 14 * DAY), bounds()).dropped).toBeNull();
  });

  it("refuses a file none of whose lines can be stored, counting old, future and invalid lines", () => {
    const file = { ...logFile(NOW - 30 * DAY, NOW + DAY), skipped: 2 };
    const r = refusal(() => logLinesInBounds(file, bounds()));
    expect(r.status).toBe(422);
    expect(r.detail).toEqual([
      {
        loc: ["body"],
        msg:
          "None of the log lines can be stored: 1 request log timed ahead of the server's clock (at most 300 s " +
          "allowed), 1 request log older than 15 days (TALLYHUB_RETENTION_LOG_DAYS), 2 lines not valid",
        type: "value_error.log",
      },
    ]);
  });

  it("accepts an empty file", () => {
    expect(logLinesInBounds({ lines: [], skipped: 0 }, bounds())).toEqual({ lines: [], dropped: null });
  });
});

describe("OTLP times", () => {
  const sender = { env: "prod", instanceUuid: "00000000-0000-4000-8000-000000000001", apitally: true, client: null };
  const s = (ts: number) => ({ ...sync(NOW), timestamp: ts });

  it("leaves out minutes of counts, samples, request logs and app logs outside the window, and counts them", () => {
    const b = bounds();
    const metrics: InstanceMetrics[] = [
      {
        sender,
        countsFromMetrics: true,
        syncs: [s(NOW - 400 * DAY), s(NOW), s(NOW + DAY)],
        samples: [
          { ts: NOW - 40 * DAY, cpuPercent: 1, memoryRss: 1 },
          { ts: NOW, cpuPercent: 2, memoryRss: 2 },
        ],
      },
    ];
    const m = otlpMetricsInBounds(metrics, b);
    expect(m[0].syncs.map((x) => x.timestamp)).toEqual([NOW]);
    expect(m[0].samples.map((x) => x.ts)).toEqual([NOW]);
    const traces: InstanceTraces[] = [
      {
        sender,
        syncs: [s(NOW - 20 * DAY)],
        logs: logFile(NOW - 20 * DAY, NOW).lines,
        logFileUuid: "00000000-0000-4000-8000-000000000002",
      },
    ];
    const t = otlpTracesInBounds(traces, b);
    // Counts of 20 days ago are kept (rollups: 396 days); its request log is not (15 days).
    expect(t[0].syncs).toHaveLength(1);
    expect(t[0].logs.map((l) => l.ts)).toEqual([NOW]);
    const appLog = {
      requestUuid: "r",
      id: "i",
      logger: null,
      level: null,
      message: "m",
      file: null,
      line: null,
      spanId: null,
    };
    const batch: LogsBatch = {
      startups: [],
      appLogs: [
        { ...appLog, ts: NOW },
        { ...appLog, ts: NOW + 600 },
      ],
    };
    expect(otlpLogsInBounds(batch, b).appLogs.map((l) => l.ts)).toEqual([NOW]);
    expect(b.refusedCount()).toBe(5);
    expect(b.refusals()).toEqual([
      "1 minute of traffic timed ahead of the server's clock (at most 300 s allowed)",
      "1 minute of traffic older than 396 days (TALLYHUB_RETENTION_DAYS)",
      "1 request log timed ahead of the server's clock (at most 300 s allowed)",
      "1 request log older than 15 days (TALLYHUB_RETENTION_LOG_DAYS)",
      "1 CPU/memory sample older than 32 days (TALLYHUB_RETENTION_MINUTE_DAYS)",
    ]);
  });
});
