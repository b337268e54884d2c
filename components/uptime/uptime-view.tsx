// The Uptime page's content for one environment: state, uptime per period, the last 90 days,
// the health check's response times, incidents and instances.
import { StatCards } from "@/components/dashboard/stat-cards";
import { Panel } from "@/components/dashboard/view-parts";
import type { UptimeEnvDetail } from "@/lib/dashboard/uptime";
import { formatUptime, plural } from "@/lib/format";
import { UPTIME_PERIODS } from "@/lib/uptime/uptime-math";
import { DayBars } from "./day-bars";
import { EnvStateCard } from "./env-state-card";
import { IncidentsTable } from "./incidents-table";
import { InstancesList } from "./instances-list";
import { LatencyChart } from "./latency-chart";

export function UptimeView({ env, nowS, configure }: { env: UptimeEnvDetail; nowS: number; configure: boolean }) {
  const stats = UPTIME_PERIODS.map((p) => {
    const n = env.incidents.filter((i) => (i.endedAt ?? nowS) > nowS - p.seconds).length;
    return { key: p.key, label: p.label, value: formatUptime(env.uptime[p.key]), sub: plural(n, "incident") };
  });
  return (
    <div className="space-y-5">
      <EnvStateCard env={env} nowS={nowS} />
      <StatCards stats={stats} />
      <Panel
        title="Last 90 days"
        description="Uptime per day (UTC): green all up, amber some downtime, red over 1% down."
      >
        <div className="px-4 pt-4 pb-4 sm:px-5">
          <DayBars days={env.days} />
        </div>
      </Panel>
      <Panel
        title="Health check response time"
        description={env.checkSettings ? "Last 24 hours, one point per check; red marks are failed checks." : undefined}
      >
        {env.results.length ? (
          <div className="px-2 pt-3 pb-3 sm:px-3">
            <LatencyChart results={env.results} nowS={nowS} />
          </div>
        ) : (
          <p className="px-5 py-8 text-center text-sm text-slate-500">
            {env.checkSettings
              ? "No results in the last 24 hours yet."
              : configure
                ? "No health check for this environment: add one below to have Tallyhub request a URL of it."
                : "No health check for this environment."}
          </p>
        )}
      </Panel>
      <Panel title="Incidents" description="The last 90 days, newest first.">
        <div className="pt-3">
          <IncidentsTable incidents={env.incidents} nowS={nowS} />
        </div>
      </Panel>
      <Panel title="Instances" description="Client processes of this environment and their last sync.">
        <div className="pt-3">
          <InstancesList instances={env.instances} nowS={nowS} staleAfter={env.heartbeatSeconds} />
        </div>
      </Panel>
    </div>
  );
}
