// One uptime pass at a chosen time, for tests: the heartbeat pass and the due health
// checks. The server's monitor (lib/monitor/tick.ts) runs the two as separate parts, so a slow
// check never delays the next heartbeat pass.
import { runDueHealthChecks } from "@/lib/uptime/health-runner";
import { runHeartbeats } from "@/lib/uptime/heartbeat";

export async function runUptime(nowMs: number) {
  const nowS = Math.floor(nowMs / 1000);
  const [heartbeats, checks] = await Promise.all([runHeartbeats(nowS), runDueHealthChecks(nowS)]);
  return { heartbeats, checks };
}
