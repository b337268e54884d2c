// How fresh an app's data is, from its last sync (epoch seconds). Clients sync every 10 s
// in their first hour and every 60 s after, so a few missed minutes means "not live".
export type Liveness = "live" | "idle" | "none";

const LIVE_WITHIN_S = 3 * 60;

export function liveness(lastSyncAt: number | null, nowMs = Date.now()): Liveness {
  if (lastSyncAt === null) return "none";
  return nowMs / 1000 - lastSyncAt <= LIVE_WITHIN_S ? "live" : "idle";
}

/** "12 s ago", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(epochS: number, nowMs = Date.now()): string {
  const s = Math.max(0, Math.round(nowMs / 1000 - epochS));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86400);
  return `${d} day${d === 1 ? "" : "s"} ago`;
}
