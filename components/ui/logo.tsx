import { cn } from "./cn";

/** The Tallyhub mark: three rising tally bars in a rounded tile, plus the word. */
export function Logo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span
        className={cn(
          "flex size-7 items-center justify-center rounded-lg bg-gradient-to-br from-indigo-500 to-violet-600",
          "shadow-sm ring-1 ring-indigo-700/20",
        )}
      >
        <svg viewBox="0 0 16 16" className="size-4 text-white" aria-hidden="true">
          <rect x="2.5" y="8" width="2.4" height="5.5" rx="1" fill="currentColor" opacity="0.7" />
          <rect x="6.8" y="5" width="2.4" height="8.5" rx="1" fill="currentColor" opacity="0.85" />
          <rect x="11.1" y="2.5" width="2.4" height="11" rx="1" fill="currentColor" />
        </svg>
      </span>
      {withText && <span className="text-[15px] font-semibold tracking-tight text-slate-900">Tallyhub</span>}
    </span>
  );
}
