// What a notification says, whatever the channel: built once by the evaluator (or the "send
// test" button), stored as JSON in the outbox (AlertDelivery.message) and rendered per channel
// by lib/alerts/channels/*. Everything a receiver shows is already formatted here.

export type NoticeKind = "firing" | "resolved" | "test";

export interface AlertNotice {
  kind: NoticeKind;
  app: { id: number; name: string };
  /** The environment's name. */
  env: string;
  rule: {
    id: string;
    name: string;
    /** e.g. "Error rate". */
    metric: string;
    /** e.g. "> 20 %". */
    condition: string;
    windowMinutes: number;
    /** e.g. "consumer Acme Corp · endpoint GET /orders", null without a filter. */
    filter: string | null;
  } | null;
  /** The metric's value at this check, formatted ("37.5 %"), null for a test. */
  value: string | null;
  /** Epoch seconds of the check. */
  at: number;
  /** The dashboard view with the rule's environment, filters and window. */
  url: string;
}

/** One line: "Firing: Error rate > 20 % (37.5 % over 5 min) — Shop API / prod". */
export function noticeTitle(n: AlertNotice): string {
  const where = `${n.app.name} / ${n.env}`;
  if (n.kind === "test" || !n.rule) return `Test notification from Tallyhub — ${where}`;
  const verb = n.kind === "firing" ? "Firing" : "Resolved";
  const over = n.rule.windowMinutes === 1 ? "the last minute" : `${n.rule.windowMinutes} min`;
  return `${verb}: ${n.rule.name} — ${n.rule.metric} ${n.value ?? "no data"} over ${over} (threshold ${n.rule.condition}) — ${where}`;
}
