import { Badge } from "@/components/ui/badge";
import type { RuleState } from "@/lib/alerts/state";

const LOOK = {
  ok: { tone: "green", label: "OK" },
  pending: { tone: "amber", label: "Pending" },
  firing: { tone: "red", label: "Firing" },
  paused: { tone: "neutral", label: "Paused" },
} as const;

export function RuleStateBadge({ state, enabled }: { state: RuleState; enabled: boolean }) {
  const look = LOOK[enabled ? state : "paused"];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
