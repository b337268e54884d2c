import { cn } from "@/components/ui/cn";
import { CHANNEL_LABELS, type ChannelKind } from "@/lib/alerts/channels/types";

// A small coloured square per kind, so a list of channels reads at a glance (no vendor logos shipped).
const MARKS: Record<ChannelKind, { glyph: string; className: string }> = {
  slack: { glyph: "#", className: "bg-[#4a154b] text-white" },
  teams: { glyph: "T", className: "bg-[#5059c9] text-white" },
  webhook: { glyph: "{}", className: "bg-slate-800 text-white" },
  email: { glyph: "@", className: "bg-sky-600 text-white" },
};

export function ChannelKindMark({ kind, className }: { kind: ChannelKind; className?: string }) {
  const mark = MARKS[kind] ?? MARKS.webhook;
  return (
    <span
      aria-hidden="true"
      title={CHANNEL_LABELS[kind]}
      className={cn(
        "inline-flex size-5 shrink-0 items-center justify-center rounded font-mono text-[11px] font-bold",
        mark.className,
        className,
      )}
    >
      {mark.glyph}
    </span>
  );
}
