// The metrics an alert rule can watch, as the hosted product offers them, with the unit a threshold is written in.
// Pure (the rule form imports it): how each is measured lives in lib/alerts/measure.ts.

export type MetricUnit = "count" | "perMinute" | "mb" | "percent" | "ms" | "score" | "state";
export type MetricSource = "traffic" | "latency" | "resources" | "uptime";

export interface Metric {
  label: string;
  unit: MetricUnit;
  source: MetricSource;
  /** The dashboard view a notification links to. */
  view: "traffic" | "errors" | "endpoints" | "instances" | "uptime";
  /** Consumer and endpoint filters do not apply (resources belong to instances, uptime to environments). */
  unfiltered?: true;
}

export const METRICS = {
  requests: { label: "Requests", unit: "count", source: "traffic", view: "traffic" },
  requests_per_minute: { label: "Requests per minute", unit: "perMinute", source: "traffic", view: "traffic" },
  bytes_total: { label: "Data transferred", unit: "mb", source: "traffic", view: "traffic" },
  bytes_in: { label: "Data received", unit: "mb", source: "traffic", view: "traffic" },
  bytes_out: { label: "Data sent", unit: "mb", source: "traffic", view: "traffic" },
  consumers: { label: "Unique consumers", unit: "count", source: "traffic", view: "traffic" },
  errors: { label: "Errors (4xx + 5xx)", unit: "count", source: "traffic", view: "errors" },
  client_errors: { label: "Client errors (4xx)", unit: "count", source: "traffic", view: "errors" },
  server_errors: { label: "Server errors (5xx)", unit: "count", source: "traffic", view: "errors" },
  error_rate: { label: "Error rate", unit: "percent", source: "traffic", view: "errors" },
  p50: { label: "Response time p50", unit: "ms", source: "latency", view: "endpoints" },
  p75: { label: "Response time p75", unit: "ms", source: "latency", view: "endpoints" },
  p95: { label: "Response time p95", unit: "ms", source: "latency", view: "endpoints" },
  p99: { label: "Response time p99", unit: "ms", source: "latency", view: "endpoints" },
  apdex: { label: "Apdex score", unit: "score", source: "latency", view: "endpoints" },
  cpu_avg: { label: "CPU average", unit: "percent", source: "resources", view: "instances", unfiltered: true },
  cpu_max: { label: "CPU maximum", unit: "percent", source: "resources", view: "instances", unfiltered: true },
  memory_avg: { label: "Memory average", unit: "mb", source: "resources", view: "instances", unfiltered: true },
  memory_max: { label: "Memory maximum", unit: "mb", source: "resources", view: "instances", unfiltered: true },
  heartbeat_down: { label: "Heartbeat", unit: "state", source: "uptime", view: "uptime", unfiltered: true },
  health_down: { label: "Health check", unit: "state", source: "uptime", view: "uptime", unfiltered: true },
} as const satisfies Record<string, Metric>;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as [MetricId, ...MetricId[]];

export const OPERATORS = { gt: ">", gte: "≥", lt: "<", lte: "≤" } as const;
export type Operator = keyof typeof OPERATORS;

export function holds(value: number, op: Operator, threshold: number): boolean {
  if (op === "gt") return value > threshold;
  if (op === "gte") return value >= threshold;
  if (op === "lt") return value < threshold;
  return value <= threshold;
}

const UNIT_SUFFIX: Record<MetricUnit, string> = {
  count: "",
  perMinute: "/min",
  mb: " MB",
  percent: " %",
  ms: " ms",
  score: "",
  state: "",
};

/** A value in the metric's unit, as rules and notifications show it ("37.5 %", "1,204", "0.82"). */
export function formatMetricValue(metric: MetricId, value: number | null): string {
  if (value === null) return "no data";
  const { unit } = METRICS[metric] as Metric;
  if (unit === "state") return value >= 1 ? "down" : "up";
  const digits = unit === "score" ? 2 : Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1;
  const text = value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return `${text}${UNIT_SUFFIX[unit]}`;
}

/** "> 20 %", or "is down" for the uptime metrics. */
export function conditionText(metric: MetricId, op: Operator, threshold: number): string {
  if ((METRICS[metric] as Metric).unit === "state") return "is down";
  return `${OPERATORS[op]} ${formatMetricValue(metric, threshold)}`;
}

export const unitSuffix = (metric: MetricId) => UNIT_SUFFIX[(METRICS[metric] as Metric).unit].trim();
export const isUptimeMetric = (metric: MetricId) => (METRICS[metric] as Metric).unit === "state";
