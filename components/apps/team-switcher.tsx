"use client";

import Link from "next/link";
import { switchTeamFormAction } from "@/app/(dashboard)/teams/actions";
import { useMenu } from "@/components/hooks/use-menu";
import { cn } from "@/components/ui/cn";
import { CheckIcon, ChevronDownIcon, PlusIcon, SettingsIcon, TeamIcon } from "@/components/ui/icons";
import { ROLE_LABELS, type Role } from "@/lib/teams/roles";

type Team = { id: string; name: string; role: Role };

/** The team whose apps the list shows, and the way to the others. */
export function TeamSwitcher({ teams, current }: { teams: Team[]; current: Team | null }) {
  const { open, setOpen, root } = useMenu();
  const item =
    "flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900";
  return (
    <div ref={root} className="relative min-w-0">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Switch team"
        onClick={() => setOpen((o) => !o)}
        className="flex min-w-0 items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <TeamIcon className="text-slate-400" />
        <span className="max-w-32 truncate sm:max-w-56">{current?.name ?? "No team"}</span>
        <ChevronDownIcon className={cn("size-3.5 text-slate-400 transition-transform", open && "rotate-180")} />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute left-0 z-40 mt-2 w-64 rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-slate-200"
        >
          <p className="px-2.5 pt-1 pb-1.5 text-xs font-medium text-slate-400">Teams</p>
          {teams.map((t) => (
            <form key={t.id} action={switchTeamFormAction}>
              <input type="hidden" name="teamId" value={t.id} />
              <button role="menuitem" type="submit" className={item}>
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{t.name}</span>
                  <span className="block text-xs text-slate-400">{ROLE_LABELS[t.role].name}</span>
                </span>
                {t.id === current?.id && <CheckIcon className="text-indigo-600" />}
              </button>
            </form>
          ))}
          <div className="mt-1.5 border-t border-slate-100 pt-1.5">
            {current && (
              <Link role="menuitem" href={`/teams/${current.id}`} className={item} onClick={() => setOpen(false)}>
                <SettingsIcon className="text-slate-400" /> Team members
              </Link>
            )}
            <Link role="menuitem" href="/teams/new" className={item} onClick={() => setOpen(false)}>
              <PlusIcon className="text-slate-400" /> New team
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
