// An environment's incidents, newest first: what went down, when, for how long and why. A table
// from tablet width up; on a phone each incident is a small block, as five columns do not fit.
import { DateTime } from "@/components/dashboard/time-ago";
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/format";
import type { IncidentRow } from "@/lib/queries/uptime-incidents";

const KIND = { heartbeat: "Heartbeat", health: "Health check" } as const;

function UpAgain({ i }: { i: IncidentRow }) {
  return i.endedAt === null ? <Badge tone="red">ongoing</Badge> : <DateTime t={i.endedAt} />;
}

export function IncidentsTable({ incidents, nowS }: { incidents: IncidentRow[]; nowS: number }) {
  if (!incidents.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No incidents in the last 90 days.</p>;
  const duration = (i: IncidentRow) => formatDuration((i.endedAt ?? nowS) - i.startedAt);
  return (
    <>
      <ul className="divide-y divide-slate-100 sm:hidden" aria-label="Incidents">
        {incidents.map((i) => (
          <li key={i.id} className="px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-slate-900">{KIND[i.kind] ?? i.kind}</span>
              <span className="text-slate-500">{duration(i)}</span>
              {i.endedAt === null && (
                <span className="ml-auto">
                  <UpAgain i={i} />
                </span>
              )}
            </div>
            <div className="mt-0.5 text-[13px] text-slate-500">
              <DateTime t={i.startedAt} />
              {i.endedAt !== null && (
                <>
                  {" – "}
                  <DateTime t={i.endedAt} />
                </>
              )}
            </div>
            <p className="mt-1 text-[13px] text-slate-600">{i.cause}</p>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm sm:table">
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
                <UpAgain i={i} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-slate-700 tabular-nums">{duration(i)}</td>
              <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{KIND[i.kind] ?? i.kind}</td>
              <td className="px-5 py-2.5 text-slate-600">{i.cause}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
