// What else a logged request carries, as small marks beside it in the list.
import { cn } from "@/components/ui/cn";
import type { RequestListRow } from "@/lib/queries/request-list";

const MARKS = [
  { key: "hasException", label: "exc", title: "Raised an exception", tone: "bg-red-50 text-red-700 ring-red-200" },
  { key: "hasLogs", label: "logs", title: "Has application logs", tone: "bg-sky-50 text-sky-700 ring-sky-200" },
  { key: "hasSpans", label: "trace", title: "Has spans", tone: "bg-violet-50 text-violet-700 ring-violet-200" },
] as const;

/** `className` sets the display (cn does not merge classes): "inline-flex", "hidden sm:inline-flex". */
export function RequestMarks({ row, className }: { row: RequestListRow; className: string }) {
  const marks = MARKS.filter((m) => row[m.key]);
  if (!marks.length) return null;
  return (
    <span className={cn("shrink-0 gap-1", className)}>
      {marks.map((m) => (
        <span
          key={m.key}
          title={m.title}
          className={cn("rounded px-1 font-mono text-[10px] leading-4 font-semibold ring-1 ring-inset", m.tone)}
        >
          {m.label}
          <span className="sr-only"> ({m.title.toLowerCase()})</span>
        </span>
      ))}
    </span>
  );
}
