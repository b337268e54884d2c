"use client";

// Traffic: headline numbers against the previous period, the main chart (switched by the
// cards) and every endpoint below.
import { useState } from "react";
import { SERIES_COLORS, STATUS_CLASS_COLORS } from "@/components/charts/colors";
import { Legend } from "@/components/charts/legend";
import { TimeSeriesChart, type Series, type TimeBase } from "@/components/charts/time-series-chart";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import { bucketMinutesCovered, type Bucket, type TimeWindow } from "@/lib/buckets";
import type { ViewData, ViewEnvelope } from "@/lib/dashboard/views";
import { formatBytes, formatCompact, formatCount, formatPercent, formatRate } from "@/lib/format";
import type { TrafficPoint } from "@/lib/queries/traffic-chart";
import { STATUS_CLASSES } from "@/lib/status";
import { CsvButton } from "./csv-button";
import { EndpointsTable } from "./endpoints-table";
import { StatCards, type Stat } from "./stat-cards";
import { ViewFrame } from "./view-frame";
import { NoMatches, Panel } from "./view-parts";

type Metric = "requests" | "requestsPerMinute" | "errorRate" | "bytesIn" | "bytesOut" | "consumers";

interface MetricChart {
  title: string;
  kind: "stacked" | "bars" | "lines";
  series: Series[];
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  data: (points: TrafficPoint[], window: TimeWindow) => readonly TimeBase[];
}

const one =
  (key: string, value: (p: TrafficPoint, window: TimeWindow) => number | null) =>
  (points: TrafficPoint[], window: TimeWindow) =>
    points.map((p) => ({ t: p.t, partial: p.partial, [key]: p.requests === null ? null : value(p, window) }));

const METRICS: Record<Metric, MetricChart> = {
  requests: {
    title: "Requests by status",
    kind: "stacked",
    series: [],
    format: formatCount,
    data: (points) => points,
  },
  requestsPerMinute: {
    title: "Requests per minute",
    kind: "bars",
    series: [{ key: "rpm", label: "Requests / min", color: SERIES_COLORS.brand }],
    format: (v) => formatRate(v),
    data: one("rpm", (p, w) => {
      const minutes = bucketMinutesCovered(p.t / 60, w);
      return minutes ? p.requests! / minutes : null;
    }),
  },
  errorRate: {
    title: "Error rate (4xx + 5xx)",
    kind: "bars",
    series: [{ key: "rate", label: "Error rate", color: SERIES_COLORS.red }],
    format: (v) => formatPercent(v),
    axisFormat: (v) => formatPercent(v, 0),
    data: one("rate", (p) => (p.requests ? p.errors! / p.requests : null)),
  },
  bytesIn: {
    title: "Data received",
    kind: "bars",
    series: [{ key: "bytesIn", label: "Received", color: SERIES_COLORS.teal }],
    format: formatBytes,
    axisFormat: formatBytes,
    data: one("bytesIn", (p) => p.bytesIn),
  },
  bytesOut: {
    title: "Data sent",
    kind: "bars",
    series: [{ key: "bytesOut", label: "Sent", color: SERIES_COLORS.violet }],
    format: formatBytes,
    axisFormat: formatBytes,
    data: one("bytesOut", (p) => p.bytesOut),
  },
  consumers: {
    title: "Unique consumers",
    kind: "bars",
    series: [{ key: "consumers", label: "Consumers", color: SERIES_COLORS.brand }],
    format: formatCount,
    data: one("consumers", (p) => p.consumers),
  },
};

export function TrafficView({
  appId,
  initial,
  options,
}: {
  appId: number;
  initial: ViewEnvelope<"traffic"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "traffic", initial);
  return (
    <ViewFrame appId={appId} options={options} view={view}>
      {view.data && view.envelope && <Traffic appId={appId} data={view.data} timeWindow={view.envelope.window} />}
    </ViewFrame>
  );
}

function Traffic({ appId, data, timeWindow }: { appId: number; data: ViewData<"traffic">; timeWindow: TimeWindow }) {
  const [metric, setMetric] = useState<Metric>("requests");
  const zoom = useZoom();
  const { current: c, previous: p } = data.totals;
  const stats: Stat[] = [
    {
      key: "requests",
      label: "Requests",
      value: formatCompact(c.requests),
      current: c.requests,
      previous: p.requests,
      good: "neutral",
    },
    {
      key: "requestsPerMinute",
      label: "Requests / min",
      value: formatRate(c.requestsPerMinute),
      current: c.requestsPerMinute,
      previous: p.requestsPerMinute,
      good: "neutral",
    },
    {
      key: "errorRate",
      label: "Error rate",
      value: formatPercent(c.errorRate),
      current: c.errorRate,
      previous: p.errorRate,
      good: "down",
      delta: "points",
    },
    {
      key: "bytesIn",
      label: "Data received",
      value: formatBytes(c.bytesIn),
      current: c.bytesIn,
      previous: p.bytesIn,
      good: "neutral",
    },
    {
      key: "bytesOut",
      label: "Data sent",
      value: formatBytes(c.bytesOut),
      current: c.bytesOut,
      previous: p.bytesOut,
      good: "neutral",
    },
    {
      key: "consumers",
      label: "Consumers",
      value: formatCount(c.consumers),
      current: c.consumers,
      previous: p.consumers,
      good: "up",
    },
  ];
  const chart = METRICS[metric];
  const series = metric === "requests" ? statusSeries(data.chart.points) : chart.series;
  return (
    <div className="space-y-5">
      <StatCards stats={stats} selected={metric} onSelect={(k) => setMetric(k as Metric)} />
      <Panel
        title={chart.title}
        description={<ZoomHint bucket={data.chart.bucket} />}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {series.length > 1 && <Legend series={series} />}
            <CsvButton
              filename="traffic"
              rows={() =>
                data.chart.points.map(({ t, partial, ...values }) => ({
                  time: new Date(t * 1000).toISOString(),
                  ...values,
                  partial,
                }))
              }
            />
          </div>
        }
      >
        <div className="px-2 pt-3 pb-3 sm:px-4">
          {c.requests === 0 && data.chart.points.every((pt) => !pt.requests) ? (
            <NoMatches />
          ) : (
            <TimeSeriesChart
              data={chart.data(data.chart.points, timeWindow)}
              bucket={data.chart.bucket}
              series={series}
              kind={chart.kind}
              format={chart.format}
              axisFormat={chart.axisFormat}
              showTotal={metric === "requests"}
              onZoom={zoom}
            />
          )}
        </div>
      </Panel>
      <Panel
        title="Endpoints"
        description={
          data.endpoints.length
            ? `${data.endpoints.length} endpoints, including ones not called in this period`
            : "No endpoints match the endpoint filters"
        }
      >
        <EndpointsTable appId={appId} rows={data.endpoints} />
      </Panel>
    </div>
  );
}

/** The status classes present in the data (2xx always), for the stacked chart. */
export function statusSeries(points: object[]): Series[] {
  const has = (cls: string) => points.some((p) => Number((p as Record<string, unknown>)[cls] ?? 0) > 0);
  return STATUS_CLASSES.filter((cls) => cls === "2xx" || has(cls)).map((cls) => ({
    key: cls,
    label: cls,
    color: STATUS_CLASS_COLORS[cls],
  }));
}

export function ZoomHint({ bucket }: { bucket: Bucket }) {
  return <span className="hidden sm:inline">Per {bucket}. Drag across the chart to zoom in.</span>;
}
