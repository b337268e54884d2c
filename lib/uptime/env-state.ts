// The one-word state of an environment on the Uptime page, from the same columns the monitor
// writes: down while either its heartbeat or its health check has an open incident.
export type EnvStateTone = "up" | "down" | "none" | "off";

export interface EnvStateInput {
  heartbeatEnabled: boolean;
  heartbeatDownSince: number | null;
  lastSeen: number | null;
  check: { enabled: boolean; downSince: number | null; lastRunAt: number | null } | null;
}

export interface EnvState {
  tone: EnvStateTone;
  label: string;
  /** Down since, epoch seconds. */
  since: number | null;
}

export function envState(e: EnvStateInput): EnvState {
  const downs = [e.heartbeatEnabled ? e.heartbeatDownSince : null, e.check?.enabled ? e.check.downSince : null].filter(
    (t): t is number => t !== null,
  );
  if (downs.length) return { tone: "down", label: "Down", since: Math.min(...downs) };
  const checkOn = Boolean(e.check?.enabled);
  if (!e.heartbeatEnabled && !checkOn) return { tone: "off", label: "Monitoring off", since: null };
  const known = (e.heartbeatEnabled && e.lastSeen !== null) || (checkOn && e.check?.lastRunAt != null);
  return known ? { tone: "up", label: "Up", since: null } : { tone: "none", label: "No data yet", since: null };
}
