// The last 90 days as status pages show them: one bar per UTC day, coloured by that day's
// uptime, with the numbers on hover or focus.
import { cn } from "@/components/ui/cn";
import { formatDuration, formatUptime, plural } from "@/lib/format";
import type { DayBar, DayTone } from "@/lib/uptime/uptime-math";

const TONE: Record<DayTone, string> = {
  up: "bg-emerald-500",
  degraded: "bg-amber-400",
  down: "bg-red-500",
  none: "bg-slate-200",
};

function describe(d: DayBar): string {
  const day = new Date(d.day * 1000).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  if (d.uptime === null) return `${day}: no data`;
  const incidents = d.incidents ? `, ${plural(d.incidents, "incident")}, down ${formatDuration(d.downSeconds)}` : "";
  return `${day}: ${formatUptime(d.uptime)} up${incidents}`;
}

export function DayBars({ days }: { days: DayBar[] }) {
  return (
    <div>
      <ol className="flex h-10 items-stretch gap-px sm:gap-0.5" aria-label={`Uptime of the last ${days.length} days`}>
        {days.map((d, i) => (
          // On a phone only the last 45 days fit at a readable width.
          <li key={d.day} className={cn("group relative flex-1", i < days.length - 45 && "hidden sm:block")}>
            <span
              tabIndex={0}
              aria-label={describe(d)}
              className={cn(
                "block h-full rounded-[2px] outline-none focus-visible:ring-2 focus-visible:ring-indigo-500",
                TONE[d.tone],
              )}
            />
            <span
              role="tooltip"
              className={cn(
                "pointer-events-none absolute bottom-full z-10 mb-2 hidden w-max max-w-56 rounded-md bg-slate-900 px-2 py-1",
                "text-xs text-white shadow-lg group-focus-within:block group-hover:block",
                i < days.length / 2 ? "left-0" : "right-0",
              )}
            >
              {describe(d)}
            </span>
          </li>
        ))}
      </ol>
      <div className="mt-2 flex justify-between text-xs text-slate-500">
        <span>
          <span className="sm:hidden">45</span>
          <span className="hidden sm:inline">{days.length}</span> days ago
        </span>
        <span>Today (UTC)</span>
      </div>
    </div>
  );
}
