import Link from "next/link";
import { TeamSwitcher } from "@/components/apps/team-switcher";
import { UserMenu } from "@/components/apps/user-menu";
import { Providers } from "@/components/providers";
import { cn } from "@/components/ui/cn";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/auth/session";
import { pickCurrentTeam, teamsOf } from "@/lib/teams/membership";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const teams = await teamsOf(user.id);
  const current = pickCurrentTeam(teams, user.currentTeamId);
  return (
    <Providers>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/85 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <Link
              href="/apps"
              aria-label="Tallyhub, your apps"
              className={cn(
                "shrink-0 rounded-lg",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
              )}
            >
              <Logo />
            </Link>
            <span aria-hidden="true" className="text-slate-300">
              /
            </span>
            <TeamSwitcher teams={teams} current={current} />
          </div>
          <UserMenu email={user.email} name={user.name} />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </Providers>
  );
}
