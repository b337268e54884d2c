// One monitoring pass: heartbeats, due health checks, due alert rules, pending notifications, and the staged /log
// files no server is expanding (left by a crash, or queued on a server that stopped). The
// parts run side by side and never wait for each other, so a hanging health check or webhook
// cannot delay noticing a silent environment or an alert; a part still running from the previous
// tick is skipped rather than started twice. Several servers may run ticks on one database: every
// part claims its work (a rule, a check, a delivery) with a conditional UPDATE, so each piece
// is done by exactly one server.
import { runDeliveries } from "@/lib/alerts/deliver";
import { evaluateDueRules } from "@/lib/alerts/evaluate";
import { expandPendingLogFiles } from "@/lib/ingest/log-expander";
import { runDueHealthChecks } from "@/lib/uptime/health-runner";
import { runHeartbeats } from "@/lib/uptime/heartbeat";

const seconds = (ms: number) => Math.floor(ms / 1000);
const PARTS = {
  heartbeats: (nowMs: number) => runHeartbeats(seconds(nowMs)),
  healthChecks: (nowMs: number) => runDueHealthChecks(seconds(nowMs)),
  rules: evaluateDueRules,
  deliveries: runDeliveries,
  logFiles: (nowMs: number) => expandPendingLogFiles(nowMs),
} as const;
export type MonitorPart = keyof typeof PARTS;

const running = new Map<MonitorPart, Promise<unknown>>();

export interface TickResult {
  /** Each part's own summary, or the error that stopped it; absent when it was still busy. */
  [part: string]: unknown;
}

export async function runMonitorTick(nowMs = Date.now()): Promise<TickResult> {
  const result: TickResult = {};
  await Promise.all(
    (Object.keys(PARTS) as MonitorPart[]).map(async (part) => {
      if (running.has(part)) return;
      const p = PARTS[part](nowMs);
      running.set(part, p);
      try {
        result[part] = await p;
      } catch (e) {
        result[part] = { error: e instanceof Error ? e.message : String(e) };
        console.error(`[tallyhub] monitor ${part} failed:`, e instanceof Error ? e.message : e);
      } finally {
        running.delete(part);
      }
    }),
  );
  return result;
}
