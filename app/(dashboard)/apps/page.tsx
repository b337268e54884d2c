import type { Metadata } from "next";
import Link from "next/link";
import { EnvironmentBadges } from "@/components/apps/environment-badges";
import { FrameworkMark } from "@/components/apps/framework-mark";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { AppsIcon, ChevronRightIcon, PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { StatusDot } from "@/components/ui/status-dot";
import { frameworkLabel } from "@/lib/apps/frameworks";
import { listAppsOfTeam } from "@/lib/apps/list";
import { requireUser } from "@/lib/auth/session";
import { currentTeamOf } from "@/lib/teams/membership";
import { can } from "@/lib/teams/roles";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage() {
  const team = await currentTeamOf(await requireUser());
  if (!team) {
    return (
      <div className="mx-auto max-w-2xl pt-6 sm:pt-12">
        <EmptyState
          icon={<AppsIcon className="size-6" />}
          title="You are not in a team"
          description="Apps belong to teams. Ask a team's owner for an invitation, or start a team of your own."
          action={
            <Link href="/teams/new" className={buttonClass({ size: "lg" })}>
              <PlusIcon /> Create a team
            </Link>
          }
        />
      </div>
    );
  }
  const apps = await listAppsOfTeam(team.id);
  const mayCreate = can(team.role, "configure");

  if (apps.length === 0) {
    return (
      <div className="mx-auto max-w-2xl pt-6 sm:pt-12">
        <EmptyState
          icon={<AppsIcon className="size-6" />}
          title="No apps yet"
          description={
            mayCreate
              ? "An app gets a client ID and a setup snippet for your framework. Add it to your API, and its traffic shows up here."
              : `${team.name} has no apps yet. An admin or owner of the team can create one.`
          }
          action={
            mayCreate && (
              <Link href="/apps/new" className={buttonClass({ size: "lg" })}>
                <PlusIcon /> Create your first app
              </Link>
            )
          }
        />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="Apps"
        description={`${apps.length} app${apps.length === 1 ? "" : "s"} in ${team.name}`}
        actions={
          mayCreate && (
            <Link href="/apps/new" className={buttonClass()}>
              <PlusIcon /> New app
            </Link>
          )
        }
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {apps.map((app) => {
          const live = app.liveness;
          return (
            <li key={app.id}>
              <Link
                href={live === "none" && mayCreate ? `/apps/${app.id}/setup` : `/apps/${app.id}`}
                className={cn(
                  "group flex h-full flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition",
                  "hover:shadow-md hover:ring-slate-300 focus-visible:outline-2 focus-visible:outline-offset-2",
                  "focus-visible:outline-indigo-600",
                )}
              >
                <div className="flex items-start gap-3">
                  <FrameworkMark framework={app.framework} />
                  <div className="min-w-0 flex-1">
                    <h2 className="truncate text-[15px] font-semibold text-slate-900">{app.name}</h2>
                    <p className="text-[13px] text-slate-500">{frameworkLabel(app.framework)}</p>
                  </div>
                  <ChevronRightIcon
                    className={cn(
                      "mt-1 text-slate-300 transition",
                      "group-hover:translate-x-0.5 group-hover:text-slate-500",
                    )}
                  />
                </div>
                <div className="mt-4 mb-4 flex flex-wrap gap-1.5" aria-label="Environments">
                  <EnvironmentBadges environments={app.environments} />
                </div>
                <div
                  className={cn(
                    "mt-auto flex items-center gap-2 border-t border-slate-100",
                    "pt-3 text-[13px] text-slate-500",
                  )}
                >
                  <StatusDot tone={live} />
                  {live === "live" && <span className="font-medium text-emerald-700">Live</span>}
                  {live === "idle" && <span>Last data {app.lastSyncAgo}</span>}
                  {live === "none" && <span>No data yet · finish setup</span>}
                </div>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
