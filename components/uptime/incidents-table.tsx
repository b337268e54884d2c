// An environment's incidents, newest first: what went down, when, for how long and why.
import { DateTime } from "@/components/dashboard/time-ago";
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/format";
import type { IncidentRow } from "@/lib/queries/uptime-incidents";

const KIND = { heartbeat: "Heartbeat", health: "Health check" } as const;

export function IncidentsTable({ incidents, nowS }: { incidents: IncidentRow[]; nowS: number }) {
  if (!incidents.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No incidents in the last 90 days.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-100 text-xs text-slate-500">
          <tr>
            <th className="px-5 py-2 font-medium">Down since</th>
            <th className="px-3 py-2 font-medium">Up again</th>
            <th className="px-3 py-2 font-medium">Duration</th>
            <th className="px-3 py-2 font-medium">Kind</th>
            <th className="px-5 py-2 font-medium">Cause</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {incidents.map((i) => (
            <tr key={i.id} className="align-top">
              <td className="px-5 py-2.5 text-slate-900">
                <DateTime t={i.startedAt} />
              </td>
              <td className="px-3 py-2.5">
                {i.endedAt === null ? <Badge tone="red">ongoing</Badge> : <DateTime t={i.endedAt} />}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-slate-700 tabular-nums">
                {formatDuration((i.endedAt ?? nowS) - i.startedAt)}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{KIND[i.kind] ?? i.kind}</td>
              <td className="min-w-64 px-5 py-2.5 text-slate-600">{i.cause}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
