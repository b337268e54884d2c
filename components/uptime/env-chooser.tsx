// Every environment at a glance, each a link that shows its details below: the env chooser.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { StatusDot } from "@/components/ui/status-dot";
import type { EnvSummary } from "@/lib/dashboard/uptime";
import { formatUptime } from "@/lib/format";
import { STATE_DOT, STATE_TEXT } from "./state-tone";

export function EnvChooser({ appId, envs, chosen }: { appId: number; envs: EnvSummary[]; chosen: number }) {
  return (
    <nav aria-label="Environments" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {envs.map((e) => (
        <Link
          key={e.id}
          href={`/apps/${appId}/uptime?env=${encodeURIComponent(e.name)}`}
          aria-current={e.id === chosen ? "page" : undefined}
          className={cn(
            "min-w-0 rounded-xl bg-white px-3.5 py-3 shadow-sm ring-1 transition",
            e.id === chosen ? "ring-2 ring-indigo-500" : "ring-slate-200 hover:ring-slate-300",
          )}
        >
          <span className="block truncate font-mono text-[13px] text-slate-900">{e.name}</span>
          <span className={cn("mt-1.5 flex items-center gap-1.5 text-sm font-medium", STATE_TEXT[e.state.tone])}>
            <StatusDot tone={STATE_DOT[e.state.tone]} />
            {e.state.label}
          </span>
          <span className="mt-0.5 block truncate text-xs text-slate-500">
            {e.state.tone === "off"
              ? "not monitored"
              : e.uptime["30d"] === null
                ? "no uptime data yet"
                : `${formatUptime(e.uptime["30d"])} over 30 days`}
          </span>
        </Link>
      ))}
    </nav>
  );
}
