"use client";

// The response-time percentiles over time, as the Endpoints view and an endpoint's own view show them.
import { PERCENTILE_COLORS } from "@/components/charts/colors";
import { Legend } from "@/components/charts/legend";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import type { Bucket } from "@/lib/buckets";
import { formatMs, formatMsShort } from "@/lib/format";
import type { ResponseTimes } from "@/lib/queries/response-times";
import { NoMatches, Panel } from "./view-parts";

export const PERCENTILE_SERIES = (["p50", "p75", "p95", "p99"] as const).map((key) => ({
  key,
  label: key,
  color: PERCENTILE_COLORS[key],
}));

export function ResponseTimePanel({
  responseTimes,
  bucket,
  description,
  onZoom,
}: {
  responseTimes: ResponseTimes;
  bucket: Bucket;
  description: React.ReactNode;
  onZoom: (fromS: number, toS: number) => void;
}) {
  return (
    <Panel
      className="lg:col-span-3"
      title="Response time"
      description={description}
      actions={<Legend series={PERCENTILE_SERIES} />}
    >
      <div className="px-2 py-3 sm:px-4">
        {responseTimes.histogram.length ? (
          <TimeSeriesChart
            data={responseTimes.points}
            bucket={bucket}
            series={PERCENTILE_SERIES}
            kind="lines"
            format={formatMs}
            axisFormat={formatMsShort}
            onZoom={onZoom}
          />
        ) : (
          <NoMatches />
        )}
      </div>
    </Panel>
  );
}
