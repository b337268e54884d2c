import Link from "next/link";
import { AlertHistory } from "@/components/alerts/alert-history";
import { RuleList } from "@/components/alerts/rule-list";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BellIcon } from "@/components/ui/icons";
import { requireApp } from "@/lib/apps/access";
import { listAlertEvents } from "@/lib/queries/alert-events";
import { listAlertRules } from "@/lib/queries/alert-rules";
import { can } from "@/lib/teams/roles";
import { deleteRuleAction, toggleRuleAction } from "./actions";

export const metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params);
  const [rules, events] = await Promise.all([listAlertRules(app.id), listAlertEvents(app.id)]);
  const manage = can(app.role, "use");
  const firing = rules.filter((r) => r.enabled && r.state === "firing").length;
  const newRule = manage && (
    <Link href={`/apps/${app.id}/alerts/new`} className={buttonClass()}>
      New rule
    </Link>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Alert rules</h2>
          <p className="text-sm text-slate-500">
            {rules.length
              ? `${rules.length} rule${rules.length === 1 ? "" : "s"}, ${firing ? `${firing} firing` : "none firing"}.`
              : "Be told when an API breaks, before its users say so."}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Link href={`/apps/${app.id}/alerts/channels`} className={buttonClass({ variant: "secondary" })}>
            Notification channels
          </Link>
          {rules.length > 0 && newRule}
        </div>
      </div>
      {rules.length ? (
        <RuleList
          appId={app.id}
          rules={rules}
          actions={manage ? { toggle: toggleRuleAction, remove: deleteRuleAction } : undefined}
        />
      ) : (
        <EmptyState
          icon={<BellIcon className="size-6" />}
          title="No alert rules yet"
          description="A rule watches a metric — error rate, p95 response time, requests per minute, heartbeat — and notifies your channels when it crosses a threshold."
          action={newRule || undefined}
        />
      )}
      <AlertHistory events={events} />
    </div>
  );
}
