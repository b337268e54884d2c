"use client";

// Times render in the viewer's zone and relative to now, which the server cannot know:
// the server's text is replaced on hydration without a warning.
import { formatDateTime, formatTimeAgo } from "@/lib/format";

export function TimeAgo({ t }: { t: number | null }) {
  if (t === null) return <span className="text-slate-300">—</span>;
  return (
    <time
      dateTime={new Date(t * 1000).toISOString()}
      title={formatDateTime(t)}
      suppressHydrationWarning
      className="whitespace-nowrap"
    >
      {formatTimeAgo(t)}
    </time>
  );
}

/** A date and time in the viewer's zone: "Mar 10, 14:02". */
export function DateTime({ t }: { t: number }) {
  return (
    <time dateTime={new Date(t * 1000).toISOString()} suppressHydrationWarning className="whitespace-nowrap">
      {formatDateTime(t)}
    </time>
  );
}
