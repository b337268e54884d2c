// When rules fired and resolved, newest first.
import { TimeAgo } from "@/components/dashboard/time-ago";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { conditionText, formatMetricValue, METRICS } from "@/lib/alerts/metrics";
import type { AlertEventView } from "@/lib/queries/alert-events";

export function AlertHistory({ events }: { events: AlertEventView[] }) {
  return (
    <Card>
      <CardHeader title="Alert history" description="Every time a rule started firing or resolved." />
      {events.length ? (
        <ul className="divide-y divide-slate-100">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5 text-sm">
              <Badge tone={e.kind === "firing" ? "red" : "green"}>{e.kind === "firing" ? "Fired" : "Resolved"}</Badge>
              <span className="font-medium text-slate-900">{e.rule}</span>
              <span className="text-slate-600">
                {METRICS[e.metric].label} {formatMetricValue(e.metric, e.value)} (threshold{" "}
                {conditionText(e.metric, e.operator, e.threshold)})
              </span>
              <span className="font-mono text-xs text-slate-500">{e.env}</span>
              <span className="ml-auto text-[13px] text-slate-500">
                <TimeAgo t={e.at} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-6 text-sm text-slate-500">No alerts yet. Fired and resolved alerts are listed here.</p>
      )}
    </Card>
  );
}
