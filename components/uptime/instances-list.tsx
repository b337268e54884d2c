// The environment's client instances: which are still syncing and which have gone quiet
// (no sync within the heartbeat threshold).
import { TimeAgo } from "@/components/dashboard/time-ago";
import { StatusDot } from "@/components/ui/status-dot";
import type { UptimeInstance } from "@/lib/queries/uptime-instances";

export function InstancesList({
  instances,
  nowS,
  staleAfter,
}: {
  instances: UptimeInstance[];
  nowS: number;
  staleAfter: number;
}) {
  if (!instances.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No instance has sent data yet.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {instances.map((i) => {
        const live = i.lastSeen !== null && nowS - i.lastSeen <= staleAfter;
        return (
          <li key={i.uuid} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5 text-sm">
            <StatusDot tone={live ? "live" : "idle"} />
            <span className="font-mono text-[12.5px] text-slate-900" title={i.uuid}>
              {i.uuid.slice(0, 8)}
            </span>
            <span className="text-slate-500">{i.client ?? "client unknown"}</span>
            <span className="ml-auto text-[13px] text-slate-500">
              {live ? "syncing" : "stale"} · last sync <TimeAgo t={i.lastSeen} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
