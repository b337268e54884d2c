import Link from "next/link";
import { AppTabs } from "@/components/apps/app-tabs";
import { CapsWarning } from "@/components/apps/caps-warning";
import { EnvironmentBadges } from "@/components/apps/environment-badges";
import { FrameworkMark } from "@/components/apps/framework-mark";
import { requireApp } from "@/lib/apps/access";
import { frameworkLabel } from "@/lib/apps/frameworks";
import { capsHit, getCapUsage } from "@/lib/queries/cap-usage";
import { can } from "@/lib/teams/roles";

export default async function AppLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ appId: string }>;
}) {
  const { app } = await requireApp(params);
  const hit = capsHit(await getCapUsage(app.id));
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-500">
        <Link href="/apps" className="hover:text-slate-800">
          Apps
        </Link>
        <span className="mx-1.5 text-slate-300">/</span>
        <span className="text-slate-800">{app.name}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-center gap-x-4 gap-y-3">
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <FrameworkMark framework={app.framework} />
          <div className="min-w-0">
            <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{app.name}</h1>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-[13px] text-slate-500">
              <span>{frameworkLabel(app.framework)}</span>
              <span className="text-slate-300" aria-hidden="true">
                ·
              </span>
              <span className="sr-only">Environments:</span>
              <EnvironmentBadges environments={app.environments} />
            </div>
          </div>
        </div>
      </div>
      <CapsWarning appId={app.id} hit={hit} settingsLink={can(app.role, "configure")} />
      <AppTabs appId={app.id} configure={can(app.role, "configure")} />
      <div className="pt-6">{children}</div>
    </div>
  );
}
