// The facts of a notice as label/value pairs, and its tone: what every channel shows, each in its own layout
// (Slack fields, a Teams FactSet, an email table, the webhook's JSON has the notice itself).
import type { AlertNotice, NoticeKind } from "@/lib/alerts/notice";

export interface Fact {
  label: string;
  value: string;
}

export function noticeFacts(n: AlertNotice): Fact[] {
  const facts: Fact[] = [];
  if (n.rule) {
    facts.push(
      { label: "Value", value: n.value ?? "no data" },
      { label: "Threshold", value: `${n.rule.metric} ${n.rule.condition}` },
      { label: "Window", value: n.rule.windowMinutes === 1 ? "1 minute" : `${n.rule.windowMinutes} minutes` },
      { label: "Filter", value: n.rule.filter ?? "none" },
    );
  }
  facts.push({ label: "App", value: n.app.name }, { label: "Environment", value: n.env });
  return facts;
}

export const NOTICE_TONE: Record<NoticeKind, { emoji: string; word: string; colour: string }> = {
  firing: { emoji: "🔴", word: "Firing", colour: "#dc2626" },
  resolved: { emoji: "✅", word: "Resolved", colour: "#059669" },
  test: { emoji: "🔔", word: "Test", colour: "#4f46e5" },
};

/** The short heading: "Firing: Checkout errors" or "Test notification". */
export function noticeHeading(n: AlertNotice): string {
  if (n.kind === "test" || !n.rule) return "Test notification from Tallyhub";
  return `${NOTICE_TONE[n.kind].word}: ${n.rule.name}`;
}
