"use client";

import { useQuery } from "@tanstack/react-query";
import { useNow } from "@/components/hooks/use-now";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { StatusDot } from "@/components/ui/status-dot";
import type { SetupStatus } from "@/lib/apps/instances";
import { liveness, timeAgo } from "@/lib/apps/liveness";
import { orderedVersions } from "@/lib/apps/versions";

const POLL_MS = 5_000;
const MAX_INSTANCES = 5;

async function fetchStatus(appId: number): Promise<SetupStatus> {
  const res = await fetch(`/api/apps/${appId}/status`, { cache: "no-store" });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return res.json();
}

/** Polls the app's status so the setup page flips to "Receiving data" by itself. */
export function AppStatusPanel({ appId, initial }: { appId: number; initial: SetupStatus }) {
  const { data } = useQuery({
    queryKey: ["app-status", appId],
    queryFn: () => fetchStatus(appId),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  const now = useNow();
  const receiving = data.lastSyncAt !== null;

  return (
    <Card data-testid="app-status" className="overflow-hidden">
      <div aria-live="polite" className="flex items-start gap-3 px-5 py-4">
        <span className="mt-1.5">
          <StatusDot tone={receiving ? liveness(data.lastSyncAt, now ?? undefined) : "waiting"} />
        </span>
        <div className="min-w-0">
          {receiving ? (
            <>
              <p className="font-semibold text-slate-900">Receiving data</p>
              <p className="mt-0.5 text-sm text-slate-500">
                Last sync{" "}
                {now !== null && (
                  <time dateTime={new Date(data.lastSyncAt! * 1000).toISOString()}>
                    at {new Date(data.lastSyncAt! * 1000).toLocaleTimeString()} ({timeAgo(data.lastSyncAt!, now)})
                  </time>
                )}
              </p>
            </>
          ) : (
            <>
              <p className="font-semibold text-slate-900">Waiting for first data…</p>
              <p className="mt-0.5 text-sm text-slate-500">
                Start your app with the snippet below. This panel updates on its own when the first data arrives.
              </p>
            </>
          )}
        </div>
      </div>
      {receiving && data.instances.length > 0 && (
        <ul className="divide-y divide-slate-100 border-t border-slate-100 bg-slate-50/60">
          {data.instances.slice(0, MAX_INSTANCES).map((instance) => (
            <li key={instance.uuid} className="px-5 py-3 text-[13px]">
              <div className="flex flex-wrap items-center gap-2">
                <Badge mono>{instance.env}</Badge>
                <span className="font-mono text-slate-700">{instance.client ?? "unknown client"}</span>
                {now !== null && instance.lastSyncAt !== null && (
                  <span className="ml-auto text-slate-400">{timeAgo(instance.lastSyncAt, now)}</span>
                )}
              </div>
              <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 font-mono text-[12px] text-slate-500">
                {orderedVersions(instance.versions).map(([name, version]) => (
                  <span key={name}>
                    {name} <span className="text-slate-700">{version}</span>
                  </span>
                ))}
              </p>
            </li>
          ))}
          {data.instances.length > MAX_INSTANCES && (
            <li className="px-5 py-2 text-[13px] text-slate-500">
              and {data.instances.length - MAX_INSTANCES} more instances
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}
