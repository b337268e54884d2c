// The chosen environment's state in one line, and what watches it.
import { DateTime, TimeAgo } from "@/components/dashboard/time-ago";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { StatusDot } from "@/components/ui/status-dot";
import type { UptimeEnvDetail } from "@/lib/dashboard/uptime";
import { formatDuration } from "@/lib/format";
import { STATE_DOT, STATE_TEXT } from "./state-tone";

export function EnvStateCard({ env, nowS }: { env: UptimeEnvDetail; nowS: number }) {
  const { state } = env;
  return (
    <Card className="px-5 py-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className={cn("flex items-center gap-2.5 text-xl font-semibold tracking-tight", STATE_TEXT[state.tone])}>
          <StatusDot tone={STATE_DOT[state.tone]} className="size-3" />
          <span data-testid="uptime-state">{state.label}</span>
        </div>
        {state.since !== null && (
          <span className="text-sm text-slate-600">
            since <DateTime t={state.since} /> ({formatDuration(nowS - state.since)})
          </span>
        )}
        <span className="text-sm text-slate-500 sm:ml-auto">
          Last sync <TimeAgo t={env.lastSeen} />
        </span>
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-[13px] text-slate-500">
        <li>
          Heartbeat:{" "}
          {env.heartbeatEnabled ? `down after ${formatDuration(env.heartbeatSeconds)} without data` : "not monitored"}
        </li>
        <li>
          Health check:{" "}
          {env.check === null
            ? "none"
            : !env.check.enabled
              ? "paused"
              : env.check.downSince !== null
                ? "failing"
                : env.check.lastRunAt === null
                  ? "waiting for its first run"
                  : "passing"}
        </li>
      </ul>
    </Card>
  );
}
