// PLACEHOLDER until the notification channels land: sends pending AlertDelivery rows.
export async function runDeliveries(nowMs: number) {
  void nowMs;
  return { sent: 0, failed: 0 };
}
