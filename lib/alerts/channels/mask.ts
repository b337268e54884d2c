// Where a channel sends, as the channel list shows it to everyone who may see the app: webhook URLs carry their
// token in the path, so only the host and the last four characters are shown; recipients are shown in full.
import type { ChannelConfig } from "./types";

export function maskedTarget(config: ChannelConfig | null): string {
  if (!config) return "settings unreadable";
  if (config.kind === "email") return config.recipients.join(", ");
  let host = "";
  try {
    host = new URL(config.url).host;
  } catch {
    // Stored URLs were validated; an unreadable one still shows its tail.
  }
  return `${host}/…${config.url.slice(-4)}`;
}
