"use client";

// A rule's recent checks against its threshold: the line is what the evaluator measured, the dashed line the threshold.
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { formatMetricValue, type MetricId } from "@/lib/alerts/metrics";

export function RuleSparkline({
  metric,
  threshold,
  history,
  firing,
}: {
  metric: MetricId;
  threshold: number;
  history: [number, number | null][];
  firing: boolean;
}) {
  if (history.length < 2)
    return (
      <div className="flex h-14 items-center justify-center rounded-md bg-slate-50 text-xs text-slate-400">
        The chart fills in as the rule is checked
      </div>
    );
  const data = history.map(([at, value]) => ({ at, value }));
  const values = history.map(([, v]) => v ?? 0);
  const top = Math.max(threshold, ...values) * 1.15 || 1;
  return (
    <div className="h-14" aria-label={`Recent values against the threshold ${formatMetricValue(metric, threshold)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <YAxis hide domain={[0, top]} />
          <ReferenceLine y={threshold} stroke="#94a3b8" strokeDasharray="4 3" />
          <Tooltip
            cursor={{ stroke: "#cbd5e1" }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as { at: number; value: number | null } | undefined;
              if (!active || !p) return null;
              return (
                <div className="rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow">
                  {new Date(p.at * 1000).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })} ·{" "}
                  {formatMetricValue(metric, p.value)}
                </div>
              );
            }}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke={firing ? "#dc2626" : "#4f46e5"}
            strokeWidth={1.75}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
