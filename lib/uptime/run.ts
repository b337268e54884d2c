// The uptime part of a monitoring tick (lib/monitor/tick.ts): the heartbeat pass and the due
// health checks, side by side, so a slow check never delays noticing a silent environment.
import { runDueHealthChecks } from "./health-runner";
import { runHeartbeats } from "./heartbeat";

export async function runUptime(nowMs: number) {
  const nowS = Math.floor(nowMs / 1000);
  const [heartbeats, checks] = await Promise.all([runHeartbeats(nowS), runDueHealthChecks(nowS)]);
  return { heartbeats, checks };
}
