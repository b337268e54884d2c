import { cn } from "./cn";

const TONES = {
  live: "bg-emerald-500",
  idle: "bg-amber-400",
  waiting: "bg-amber-400",
  down: "bg-red-500",
  none: "bg-slate-300",
} as const;

export type StatusTone = keyof typeof TONES;

/** A small coloured dot; "live" and "waiting" pulse, so a glance tells something is happening. */
export function StatusDot({ tone, className }: { tone: StatusTone; className?: string }) {
  return (
    <span className={cn("relative inline-flex size-2.5 shrink-0", className)} aria-hidden="true">
      {(tone === "live" || tone === "waiting") && (
        <span
          className={cn(
            "absolute inline-flex size-full animate-ping rounded-full opacity-60",
            tone === "live" ? "bg-emerald-400" : "bg-amber-300",
          )}
        />
      )}
      <span className={cn("relative inline-flex size-2.5 rounded-full", TONES[tone])} />
    </span>
  );
}
