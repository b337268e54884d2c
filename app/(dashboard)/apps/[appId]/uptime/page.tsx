import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PulseIcon } from "@/components/ui/icons";
import { AutoRefresh } from "@/components/uptime/auto-refresh";
import { EnvChooser } from "@/components/uptime/env-chooser";
import { UptimeView } from "@/components/uptime/uptime-view";
import { requireApp } from "@/lib/apps/access";
import { loadUptime } from "@/lib/dashboard/uptime";
import { can } from "@/lib/teams/roles";
import { HealthCheckForm } from "./health-check-form";
import { HeartbeatForm } from "./heartbeat-form";

export const metadata: Metadata = { title: "Uptime" };

export default async function UptimePage({
  params,
  searchParams,
}: {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { app } = await requireApp(params, "read");
  const envParam = (await searchParams).env;
  const data = await loadUptime(app.id, typeof envParam === "string" ? envParam : null);
  const configure = can(app.role, "configure");
  const env = data.env;
  const noData = data.envs.every((e) => e.knownFrom === null && e.check === null);
  return (
    <div className="space-y-5">
      <AutoRefresh />
      {noData && (
        <EmptyState
          icon={<PulseIcon className="size-6" />}
          title="No uptime data yet"
          description="An environment is up while its clients sync. Once your app sends data, its state, uptime and incidents show here. A health check can watch a URL of it too."
          action={
            configure && (
              <Link href={`/apps/${app.id}/setup`} className={buttonClass()}>
                Open the setup guide
              </Link>
            )
          }
        />
      )}
      {env && !noData && data.envs.length > 1 && <EnvChooser appId={app.id} envs={data.envs} chosen={env.id} />}
      {env && !noData && <UptimeView env={env} nowS={data.nowS} configure={configure} />}
      {env && configure && (
        <section aria-labelledby="uptime-settings" className="space-y-3 pt-2">
          <h2 id="uptime-settings" className="text-[15px] font-semibold text-slate-900">
            Monitoring of <span className="font-mono">{env.name}</span>
          </h2>
          <div className="grid items-start gap-5 lg:grid-cols-2">
            <HeartbeatForm
              key={`hb-${env.id}`}
              appId={app.id}
              env={{
                id: env.id,
                name: env.name,
                heartbeatEnabled: env.heartbeatEnabled,
                heartbeatSeconds: env.heartbeatSeconds,
              }}
            />
            <HealthCheckForm
              key={`hc-${env.id}`}
              appId={app.id}
              env={{ id: env.id, name: env.name }}
              check={env.checkSettings}
            />
          </div>
        </section>
      )}
    </div>
  );
}
