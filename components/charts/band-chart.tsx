"use client";

// One measure across several instances over time: the average as a line inside the band from the lowest to the
// highest instance, with requests per bucket as faint bars on a right-hand axis when asked for. Same axes, ticks
// and drag-to-zoom as TimeSeriesChart.
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useDragZoom } from "@/components/hooks/use-drag-zoom";
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { formatBucketSpan, formatCount } from "@/lib/format";
import { GRID_PROPS, VALUE_AXIS_PROPS } from "./chart-style";
import { SERIES_COLORS } from "./colors";
import { timeAxisProps, ZOOM_AREA } from "./time-axis";

export interface BandPoint {
  t: number;
  partial: boolean;
  avg: number | null;
  /** [lowest, highest] instance, or null without samples. */
  band: [number, number] | null;
  instances: number | null;
  /** Requests in the bucket, for the traffic overlay. */
  requests?: number | null;
}

export function BandChart({
  data,
  bucket,
  color,
  label,
  format,
  axisFormat = format,
  traffic,
  height = 220,
  onZoom,
}: {
  data: readonly BandPoint[];
  bucket: Bucket;
  color: string;
  label: string;
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  traffic?: boolean;
  height?: number;
  onZoom?: (fromS: number, toS: number) => void;
}) {
  const zoom = useDragZoom(BUCKET_MINUTES[bucket] * 60, onZoom);
  return (
    <div style={{ height }} className="w-full select-none [&_.recharts-surface]:outline-none">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          key={`${bucket}:${data[0]?.t}`}
          data={data}
          margin={{ top: 8, right: traffic ? 0 : 8, bottom: 0, left: 0 }}
          {...zoom.handlers}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...timeAxisProps(data, bucket)} />
          <YAxis yAxisId="value" tickFormatter={axisFormat} {...VALUE_AXIS_PROPS} width={64} />
          {traffic && (
            <YAxis
              yAxisId="traffic"
              orientation="right"
              tickFormatter={formatCount}
              tick={{ fontSize: 11, fill: "#94a3b8" }}
              tickLine={false}
              axisLine={false}
              width={40}
              allowDecimals={false}
            />
          )}
          <Tooltip
            cursor={{ stroke: "#c7d2fe" }}
            isAnimationActive={false}
            content={(props) => (
              <BandTooltip
                active={props.active}
                point={props.payload?.[0]?.payload as BandPoint | undefined}
                bucket={bucket}
                label={label}
                format={format}
                traffic={traffic}
              />
            )}
          />
          {traffic && (
            <Bar
              yAxisId="traffic"
              dataKey="requests"
              fill={SERIES_COLORS.slate}
              fillOpacity={0.15}
              isAnimationActive={false}
              maxBarSize={48}
            />
          )}
          <Area
            yAxisId="value"
            type="monotone"
            dataKey="band"
            stroke="none"
            fill={color}
            fillOpacity={0.18}
            connectNulls={false}
            isAnimationActive={false}
            activeDot={false}
          />
          <Line
            yAxisId="value"
            type="monotone"
            dataKey="avg"
            stroke={color}
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          {zoom.area && <ReferenceArea yAxisId="value" x1={zoom.area.x1} x2={zoom.area.x2} {...ZOOM_AREA} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function BandTooltip({
  active,
  point,
  bucket,
  label,
  format,
  traffic,
}: {
  active?: boolean;
  point?: BandPoint;
  bucket: Bucket;
  label: string;
  format: (v: number) => string;
  traffic?: boolean;
}) {
  if (!active || !point) return null;
  const rows: [string, string][] =
    point.avg === null || point.band === null
      ? []
      : [
          [`${label}, average`, format(point.avg)],
          ["Lowest instance", format(point.band[0])],
          ["Highest instance", format(point.band[1])],
          ["Instances", formatCount(point.instances)],
        ];
  if (traffic && point.requests != null) rows.push(["Requests", formatCount(point.requests)]);
  return (
    <div className="min-w-48 rounded-lg bg-white px-3 py-2 text-[12.5px] shadow-lg ring-1 ring-slate-200">
      <div className="mb-1.5 font-medium text-slate-900">
        {formatBucketSpan(point.t, bucket)}
        {point.partial && <span className="ml-1.5 font-normal text-slate-500">(in progress)</span>}
      </div>
      {point.avg === null && <div className="text-slate-500">No samples</div>}
      {rows.length > 0 && (
        <table className="w-full">
          <tbody>
            {rows.map(([name, value]) => (
              <tr key={name}>
                <td className="py-0.5 pr-4 text-slate-600">{name}</td>
                <td className="py-0.5 text-right font-medium text-slate-900 tabular-nums">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
