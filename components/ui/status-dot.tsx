import { cn } from "./cn";

const TONES = {
  live: "bg-emerald-500",
  idle: "bg-amber-400",
  none: "bg-slate-300",
} as const;

export type StatusTone = keyof typeof TONES;

/** A small coloured dot; "live" pulses so a glance tells data is flowing. */
export function StatusDot({ tone, className }: { tone: StatusTone; className?: string }) {
  return (
    <span className={cn("relative inline-flex size-2.5 shrink-0", className)} aria-hidden="true">
      {tone === "live" && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />}
      <span className={cn("relative inline-flex size-2.5 rounded-full", TONES[tone])} />
    </span>
  );
}
