// A channel's stored settings (AlertChannel.config, JSON) read back with its kind. A row that no longer parses
// (edited by hand, an older shape) is null: its deliveries fail with a clear error instead of throwing.
import { z } from "zod";
import type { ChannelConfig } from "./types";

const url = z.object({ url: z.string().min(1) });
const STORED = {
  slack: url,
  teams: url,
  webhook: url.extend({ secret: z.string().min(1) }),
  email: z.object({ recipients: z.array(z.string()).min(1) }),
};

export function parseChannelConfig(kind: string, json: string): ChannelConfig | null {
  if (!(kind in STORED)) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = STORED[kind as keyof typeof STORED].safeParse(value);
  return parsed.success ? ({ kind, ...parsed.data } as ChannelConfig) : null;
}

/** The JSON kept in AlertChannel.config (the kind has its own column). */
export function storedConfig(config: ChannelConfig): string {
  const { kind, ...rest } = config;
  void kind;
  return JSON.stringify(rest);
}
