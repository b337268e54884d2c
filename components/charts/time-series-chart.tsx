"use client";

// Bars or lines over time buckets, with exact numbers in the tooltip, the still-filling
// bucket drawn dashed, and drag-to-zoom. Used by every time chart of the dashboard.
import {
  Bar,
  CartesianGrid,
  Cell,
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
import { formatBucketSpan, formatCompact } from "@/lib/format";
import { GRID_PROPS, VALUE_AXIS_PROPS } from "./chart-style";
import { timeAxisProps, ZOOM_AREA } from "./time-axis";

export interface Series {
  key: string;
  label: string;
  color: string;
}

/** What every chart point has: its bucket's start and whether the bucket is still filling. */
export interface TimeBase {
  t: number;
  partial: boolean;
}

/** Any point type with a bucket start and a partial flag; the series name its numeric fields. */
export interface TimeSeriesChartProps<P extends TimeBase> {
  data: readonly P[];
  bucket: Bucket;
  series: Series[];
  kind: "stacked" | "bars" | "lines";
  /** Exact value for the tooltip. */
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  height?: number;
  showTotal?: boolean;
  onZoom?: (fromS: number, toS: number) => void;
}

export function TimeSeriesChart<P extends TimeBase>({
  data,
  bucket,
  series,
  kind,
  format,
  axisFormat = formatCompact,
  height = 260,
  showTotal,
  onZoom,
}: TimeSeriesChartProps<P>) {
  const zoom = useDragZoom(BUCKET_MINUTES[bucket] * 60, onZoom);
  return (
    <div style={{ height }} className="w-full select-none [&_.recharts-surface]:outline-none">
      <ResponsiveContainer width="100%" height="100%">
        {/* Keyed by the first bucket: a zoom starts a fresh chart, without the old tooltip. */}
        <ComposedChart
          key={`${bucket}:${data[0]?.t}`}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          barCategoryGap="18%"
          {...zoom.handlers}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...timeAxisProps(data, bucket)} />
          <YAxis tickFormatter={axisFormat} {...VALUE_AXIS_PROPS} width={48} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "rgba(99, 102, 241, 0.06)", stroke: "#c7d2fe" }}
            isAnimationActive={false}
            content={(props) => (
              <ChartTooltip
                active={props.active}
                point={props.payload?.[0]?.payload as ChartPoint | undefined}
                bucket={bucket}
                series={series}
                format={format}
                showTotal={showTotal}
              />
            )}
          />
          {series.map((s) =>
            kind === "lines" ? (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={(p: { cx?: number; cy?: number; index?: number }) =>
                  // A value with no neighbour draws no line: mark it, or a lone busy minute would not show at all.
                  p.index !== undefined &&
                  isolated(data, s.key, p.index) &&
                  p.cx !== undefined &&
                  p.cy !== undefined ? (
                    <circle key={`${s.key}-${p.index}`} cx={p.cx} cy={p.cy} r={3} fill={s.color} />
                  ) : (
                    <g key={`${s.key}-${p.index}`} />
                  )
                }
                activeDot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ) : (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={kind === "stacked" ? "stack" : undefined}
                isAnimationActive={false}
                maxBarSize={48}
              >
                {/* The still-filling bucket: nearly full colour with a dashed outline. */}
                {data.map((p) =>
                  p.partial ? (
                    <Cell key={p.t} fillOpacity={0.75} stroke={s.color} strokeWidth={1} strokeDasharray="3 2" />
                  ) : (
                    <Cell key={p.t} />
                  ),
                )}
              </Bar>
            ),
          )}
          {zoom.area && <ReferenceArea x1={zoom.area.x1} x2={zoom.area.x2} {...ZOOM_AREA} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Steps between ticks, in buckets, that fall on round clock times. */
const TICK_STEPS: Record<Bucket, number[]> = {
  minute: [1, 2, 5, 10, 15, 30, 60],
  hour: [1, 2, 3, 4, 6, 12, 24],
  day: [1, 2, 7, 14],
};
const MAX_TICKS = 8;

/**
 * Ticks at regular multiples of the bucket on round clock times (local minutes or hours,
 * UTC days like the labels), at most MAX_TICKS of them; over several days of hourly buckets
 * that is each midnight (labelled with the date). The chart thins them evenly if need be.
 */
/** The point has a value and neither neighbour has one, so no line segment touches it. */
function isolated(data: readonly TimeBase[], key: string, i: number): boolean {
  const value = (j: number): unknown => {
    const row: object | undefined = data[j];
    return row ? (row as { [k: string]: unknown })[key] : undefined;
  };
  const has = (j: number) => typeof value(j) === "number";
  return has(i) && !has(i - 1) && !has(i + 1);
}

export function evenTicks(data: readonly TimeBase[], bucket: Bucket): number[] | undefined {
  if (data.length < 2) return undefined;
  const unit = (t: number) => {
    const d = new Date(t * 1000);
    if (bucket === "minute") return d.getHours() * 60 + d.getMinutes();
    if (bucket === "hour") return d.getHours();
    return Math.floor(t / 86_400);
  };
  const steps = TICK_STEPS[bucket];
  const step = steps.find((n) => data.length / n <= MAX_TICKS) ?? steps[steps.length - 1];
  const ticks = data.filter((p) => unit(p.t) % step === 0).map((p) => p.t);
  return ticks.length >= 2 ? ticks : undefined;
}

/** The hovered point as Recharts hands it back: the data point itself, read by series key. */
type ChartPoint = TimeBase & Record<string, unknown>;

function ChartTooltip({
  active,
  point,
  bucket,
  series,
  format,
  showTotal,
}: {
  active?: boolean;
  point?: ChartPoint;
  bucket: Bucket;
  series: Series[];
  format: (v: number) => string;
  showTotal?: boolean;
}) {
  if (!active || !point) return null;
  const values = series.map((s) => ({ ...s, value: point[s.key] as number | null }));
  const total = values.reduce((n, v) => n + (v.value ?? 0), 0);
  const empty = values.every((v) => v.value === null);
  return (
    <div className="min-w-44 rounded-lg bg-white px-3 py-2 text-[12.5px] shadow-lg ring-1 ring-slate-200">
      <div className="mb-1.5 font-medium text-slate-900">
        {formatBucketSpan(point.t, bucket)}
        {point.partial && <span className="ml-1.5 font-normal text-slate-500">(in progress)</span>}
      </div>
      {empty ? (
        <div className="text-slate-500">No data yet</div>
      ) : (
        <table className="w-full">
          <tbody>
            {[...values].reverse().map((v) => (
              <tr key={v.key}>
                <td className="py-0.5 pr-4 text-slate-600">
                  <span
                    className="mr-1.5 inline-block size-2 rounded-sm align-middle"
                    style={{ background: v.color }}
                  />
                  {v.label}
                </td>
                <td className="py-0.5 text-right font-medium text-slate-900 tabular-nums">
                  {v.value === null ? "—" : format(v.value)}
                </td>
              </tr>
            ))}
            {showTotal && values.length > 1 && (
              <tr className="border-t border-slate-100">
                <td className="pt-1 pr-4 text-slate-600">Total</td>
                <td className="pt-1 text-right font-semibold text-slate-900 tabular-nums">{format(total)}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
