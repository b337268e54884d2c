// The app's alert rules, one card each: state, condition, current value, recent checks against the threshold.
import Link from "next/link";
import { TimeAgo } from "@/components/dashboard/time-ago";
import { RowAction } from "@/components/forms/row-action";
import type { FormAction } from "@/components/forms/types";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { conditionText, formatMetricValue, METRICS } from "@/lib/alerts/metrics";
import type { AlertRuleView } from "@/lib/queries/alert-rules";
import { RuleSparkline } from "./rule-sparkline";
import { RuleStateBadge } from "./rule-state-badge";

export interface RuleActions {
  toggle: FormAction;
  remove: FormAction;
}

const over = (minutes: number) => (minutes === 1 ? "the last minute" : `${minutes} min`);

export function RuleList({
  appId,
  rules,
  actions,
}: {
  appId: number;
  rules: AlertRuleView[];
  /** Absent for viewers. */
  actions?: RuleActions;
}) {
  return (
    <ul className="grid gap-4 lg:grid-cols-2">
      {rules.map((r) => {
        const metric = METRICS[r.metric];
        const uptime = metric.unit === "state";
        return (
          <li
            key={r.id}
            aria-label={`Rule ${r.name}`}
            className={cn(
              "flex flex-col rounded-xl bg-white shadow-sm ring-1",
              r.enabled && r.state === "firing" ? "ring-red-300" : "ring-slate-200",
            )}
          >
            <div className="flex items-start justify-between gap-3 px-5 pt-4">
              <div className="min-w-0">
                <h3 className="truncate text-[15px] font-semibold text-slate-900">{r.name}</h3>
                <p className="mt-0.5 text-sm text-slate-600">
                  {metric.label} {conditionText(r.metric, r.operator, r.threshold)}
                  {!uptime && <> over {over(r.windowMinutes)}</>}
                </p>
                <p className="mt-0.5 text-[13px] text-slate-500">
                  <span className="font-mono text-xs">{r.env}</span>
                  {r.filter && <> · {r.filter}</>}
                </p>
              </div>
              <RuleStateBadge state={r.state} enabled={r.enabled} />
            </div>
            <div className="px-5 py-3">
              <RuleSparkline
                metric={r.metric}
                threshold={r.threshold}
                history={r.history}
                firing={r.enabled && r.state === "firing"}
              />
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 px-5 pb-3 text-[13px] sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">Current value</dt>
                <dd className="font-medium text-slate-900 tabular-nums">
                  {r.lastCheckedAt === null ? "not checked yet" : formatMetricValue(r.metric, r.lastValue)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{r.state === "firing" && r.firedAt ? "Firing since" : "Last check"}</dt>
                <dd className="text-slate-900">
                  <TimeAgo t={r.state === "firing" && r.firedAt ? r.firedAt : r.lastCheckedAt} />
                </dd>
              </div>
              <div className="col-span-2 sm:col-span-1">
                <dt className="text-slate-500">Notifies</dt>
                <dd className="truncate text-slate-900">{r.channels.length ? r.channels.join(", ") : "nobody"}</dd>
              </div>
            </dl>
            {actions && (
              <div className="mt-auto flex items-center justify-end gap-1 border-t border-slate-100 px-3 py-2">
                <Link href={`/apps/${appId}/alerts/${r.id}`} className={buttonClass({ variant: "ghost", size: "sm" })}>
                  Edit
                </Link>
                <RowAction
                  action={actions.toggle}
                  hidden={{ appId, ruleId: r.id, enabled: r.enabled ? "false" : "true" }}
                  label={r.enabled ? "Pause" : "Resume"}
                  pendingText={r.enabled ? "Pausing…" : "Resuming…"}
                />
                <RowAction
                  action={actions.remove}
                  hidden={{ appId, ruleId: r.id }}
                  label="Delete"
                  pendingText="Deleting…"
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
