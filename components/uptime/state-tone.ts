// How an environment's state looks wherever it is shown.
import type { StatusTone } from "@/components/ui/status-dot";
import type { EnvStateTone } from "@/lib/uptime/env-state";

export const STATE_DOT: Record<EnvStateTone, StatusTone> = { up: "live", down: "down", none: "none", off: "none" };

export const STATE_TEXT: Record<EnvStateTone, string> = {
  up: "text-emerald-700",
  down: "text-red-700",
  none: "text-slate-500",
  off: "text-slate-500",
};
