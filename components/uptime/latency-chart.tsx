"use client";

// The health check's response time over the last 24 hours, one point per check; failed checks
// are red marks across the chart, so an outage reads at a glance even without a latency.
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { BASE_AXIS_PROPS, GRID_PROPS, VALUE_AXIS_PROPS } from "@/components/charts/chart-style";
import { SERIES_COLORS } from "@/components/charts/colors";
import { formatDateTime, formatMs, formatMsShort, formatTick } from "@/lib/format";
import type { HealthResult } from "@/lib/queries/uptime-health-results";

interface Point {
  ts: number;
  latency: number | null;
  result: HealthResult;
}

const DAY = 86_400;

export function LatencyChart({ results, nowS }: { results: HealthResult[]; nowS: number }) {
  const data: Point[] = results.map((r) => ({ ts: r.ts, latency: r.ok ? r.latencyMs : null, result: r }));
  const failures = results.filter((r) => !r.ok);
  return (
    <div className="h-56 w-full select-none [&_.recharts-surface]:outline-none">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={[nowS - DAY, nowS]}
            tickFormatter={(t: number) => formatTick(t, "hour")}
            {...BASE_AXIS_PROPS}
            minTickGap={28}
          />
          <YAxis tickFormatter={formatMsShort} {...VALUE_AXIS_PROPS} width={48} />
          {failures.map((f) => (
            <ReferenceLine key={f.ts} x={f.ts} stroke={SERIES_COLORS.red} strokeOpacity={0.55} strokeWidth={2} />
          ))}
          <Line
            dataKey="latency"
            type="monotone"
            stroke={SERIES_COLORS.brand}
            strokeWidth={1.5}
            dot={data.length < 40}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: "#c7d2fe" }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
              return p ? <ResultTip r={p.result} /> : null;
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function ResultTip({ r }: { r: HealthResult }) {
  return (
    <div className="rounded-lg bg-white px-3 py-2 text-[12.5px] shadow-lg ring-1 ring-slate-200">
      <div className="font-medium text-slate-900">{formatDateTime(r.ts)}</div>
      <div className={r.ok ? "text-emerald-700" : "text-red-700"}>
        {r.ok ? "Healthy" : "Failed"}
        {r.statusCode !== null && ` · HTTP ${r.statusCode}`}
        {r.latencyMs !== null && ` · ${formatMs(r.latencyMs)}`}
      </div>
      {r.error && <div className="text-slate-600">{r.error}</div>}
    </div>
  );
}
