// PLACEHOLDER until the uptime work lands: heartbeats and health checks.
export async function runUptime(nowMs: number) {
  void nowMs;
  return { heartbeats: 0, checks: 0 };
}
