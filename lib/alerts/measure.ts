// A rule's value at one check: its metric over its window, with its environment and filters, read from the same
// rollups and through the same filter code as the dashboard (lib/queries), so the value is what the dashboard
// shows for that window. The window is the last `windowMinutes` complete minutes, before the current one: the current
// minute is still filling (clients sync every 10 to 60 s), and a check early in it would see almost nothing.
import { customWindow, toMinute } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { binRowsFrom } from "@/lib/queries/source";
import { trafficNumbers } from "@/lib/queries/traffic-totals";
import { apdex, DEFAULT_APDEX_T_MS } from "@/lib/stats/apdex";
import { percentile } from "@/lib/stats/percentiles";
import { METRICS, type Metric, type MetricId } from "./metrics";

export interface MeasuredRule {
  appId: number;
  envId: number;
  metric: MetricId;
  windowMinutes: number;
  consumerId: number | null;
  groupId: number | null;
  endpointId: number | null;
}

/** The dashboard filters that show the rule's window (also the notification's link). */
export function ruleFilters(rule: MeasuredRule, envName: string, nowMs: number): Filters {
  const now = toMinute(nowMs);
  const from = (now - rule.windowMinutes) * 60_000;
  const to = now * 60_000;
  const filtered = !(METRICS[rule.metric] as Metric).unfiltered;
  return {
    env: envName,
    period: "custom",
    from,
    to,
    consumer: filtered ? rule.consumerId : null,
    group: filtered ? rule.groupId : null,
    endpoint: filtered && rule.endpointId ? { id: rule.endpointId } : null,
    method: null,
    status: null,
    window: customWindow(from, to, nowMs)!,
  };
}

const MB = 1_000_000;
const PERCENTILES = { p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;

/** The value in the metric's unit (MB, %, ms…), null when the window has nothing to measure. */
export async function measure(rule: MeasuredRule, envName: string, nowMs: number): Promise<number | null> {
  const f = ruleFilters(rule, envName, nowMs);
  const source = (METRICS[rule.metric] as Metric).source;
  if (source === "traffic") return trafficMetric(rule, f);
  if (source === "latency") return latencyMetric(rule, f);
  if (source === "resources") return resourceMetric(rule, f);
  return uptimeMetric(rule);
}

async function trafficMetric(rule: MeasuredRule, f: Filters): Promise<number | null> {
  const n = await trafficNumbers(rule.appId, f, f.window);
  switch (rule.metric) {
    case "requests":
      return n.requests;
    case "requests_per_minute":
      return n.requestsPerMinute;
    case "bytes_total":
      return (n.bytesIn + n.bytesOut) / MB;
    case "bytes_in":
      return n.bytesIn / MB;
    case "bytes_out":
      return n.bytesOut / MB;
    case "consumers":
      return n.consumers;
    case "errors":
      return n.errors;
    case "client_errors":
      return n.clientErrors;
    case "server_errors":
      return n.serverErrors;
    default:
      return n.errorRate === null ? null : n.errorRate * 100;
  }
}

async function latencyMetric(rule: MeasuredRule, f: Filters): Promise<number | null> {
  const bins = binRowsFrom(rule.appId, f, [0]);
  const rows = await sql().all<{ bin: number; count: number }>(
    `SELECT "r"."bin" AS "bin", SUM("r"."count") AS "count" FROM ${bins.text} GROUP BY 1`,
    bins.params,
  );
  const counts = rows.map((r) => ({ bin: Number(r.bin), count: Number(r.count) }));
  if (rule.metric !== "apdex") return percentile(counts, PERCENTILES[rule.metric as keyof typeof PERCENTILES]);
  return apdex(counts, await apdexThreshold(rule)).score;
}

/** The endpoint's own Apdex T when the rule names one that has it, else the app's (as the endpoint page uses). */
async function apdexThreshold(rule: MeasuredRule): Promise<number> {
  const [row] = await sql().all<{ t: number | null }>(
    `SELECT COALESCE("Endpoint"."apdexTMs", "App"."apdexTMs") AS "t" FROM "App"
     LEFT JOIN "Endpoint" ON "Endpoint"."appId" = "App"."id" AND "Endpoint"."id" = ?
     WHERE "App"."id" = ?`,
    [rule.endpointId ?? 0, rule.appId],
  );
  return Number(row?.t ?? DEFAULT_APDEX_T_MS);
}

async function resourceMetric(rule: MeasuredRule, f: Filters): Promise<number | null> {
  const [row] = await sql().all<{ n: number; cpuAvg: number; cpuMax: number; memAvg: number; memMax: number }>(
    `SELECT COUNT(*) AS "n", AVG("s"."cpuPercent") AS "cpuAvg", MAX("s"."cpuPercent") AS "cpuMax",
       AVG("s"."memoryRss") AS "memAvg", MAX("s"."memoryRss") AS "memMax"
     FROM "ResourceSample" AS "s"
     JOIN "Instance" AS "i" ON "i"."appId" = "s"."appId" AND "i"."uuid" = "s"."instanceUuid"
     WHERE "s"."appId" = ? AND "i"."envId" = ? AND "s"."ts" >= ? AND "s"."ts" < ?`,
    [rule.appId, rule.envId, f.window.from * 60, f.window.to * 60],
  );
  if (!row || !Number(row.n)) return null;
  if (rule.metric === "cpu_avg") return Number(row.cpuAvg);
  if (rule.metric === "cpu_max") return Number(row.cpuMax);
  return Number(rule.metric === "memory_avg" ? row.memAvg : row.memMax) / MB;
}

/** 1 while the environment's heartbeat or health check is down, 0 while up, null when it is not monitored. */
async function uptimeMetric(rule: MeasuredRule): Promise<number | null> {
  const [row] =
    rule.metric === "heartbeat_down"
      ? await sql().all<{ down: number | null }>(
          `SELECT "heartbeatDownSince" AS "down" FROM "Environment"
           WHERE "appId" = ? AND "id" = ? AND "heartbeatEnabled"`,
          [rule.appId, rule.envId],
        )
      : await sql().all<{ down: number | null }>(
          `SELECT "downSince" AS "down" FROM "HealthCheck" WHERE "appId" = ? AND "envId" = ? AND "enabled"`,
          [rule.appId, rule.envId],
        );
  if (!row) return null;
  return row.down === null ? 0 : 1;
}
