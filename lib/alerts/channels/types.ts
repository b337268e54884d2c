// What every channel sender shares: its kind, what it answers, and what the sender hands it.
export const CHANNEL_KINDS = ["slack", "teams", "webhook", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  webhook: "Webhook",
  email: "Email",
};

/** A channel's settings as stored (AlertChannel.config). */
export type ChannelConfig =
  | { kind: "slack" | "teams"; url: string }
  | { kind: "webhook"; url: string; secret: string }
  | { kind: "email"; recipients: string[] };

/** How one send went. The error is short and names no URL or secret: it is stored and shown. */
export interface SendResult {
  ok: boolean;
  statusCode?: number;
  error?: string;
}

export interface SendContext {
  /** Aborts the send when the sender's time is up. */
  signal: AbortSignal;
  nowMs: number;
}
