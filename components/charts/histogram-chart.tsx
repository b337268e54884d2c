"use client";

// Response-time distribution of the window, from the histogram bins.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatCount, formatMs, formatPercent } from "@/lib/format";
import type { BinCount } from "@/lib/stats/percentiles";
import { BASE_AXIS_PROPS, GRID_PROPS, VALUE_AXIS_PROPS } from "./chart-style";
import { SERIES_COLORS } from "./colors";
import { histogramBars, type HistogramBar } from "./histogram-bars";

const label = (b: HistogramBar) => (b.to === null ? `≥ ${formatMs(b.from)}` : `${formatMs(b.from)}`);
const span = (b: HistogramBar) =>
  b.to === null ? `${formatMs(b.from)} or slower` : `${formatMs(b.from)} – ${formatMs(b.to)}`;

export function HistogramChart({
  bins,
  thresholdMs,
  height = 220,
}: {
  bins: BinCount[];
  thresholdMs?: number;
  height?: number;
}) {
  const bars = histogramBars(bins);
  const total = bars.reduce((n, b) => n + b.count, 0);
  const data = bars.map((b) => ({ ...b, label: label(b) }));
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="8%">
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" {...BASE_AXIS_PROPS} minTickGap={16} />
          <YAxis tickFormatter={formatCompact} {...VALUE_AXIS_PROPS} width={44} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "rgba(99, 102, 241, 0.06)" }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const b = (payload?.[0] as { payload?: HistogramBar } | undefined)?.payload;
              if (!active || !b) return null;
              return (
                <div className="rounded-lg bg-white px-3 py-2 text-[12.5px] shadow-lg ring-1 ring-slate-200">
                  <div className="font-medium text-slate-900">{span(b)}</div>
                  <div className="text-slate-600 tabular-nums">
                    {formatCount(b.count)} requests · {formatPercent(total ? b.count / total : null)}
                  </div>
                </div>
              );
            }}
          />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((b) => (
              <Cell
                key={b.from}
                fill={thresholdMs !== undefined && b.from >= thresholdMs ? SERIES_COLORS.amber : SERIES_COLORS.brand}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
