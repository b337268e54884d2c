// An app's notification channels as everyone who may see the app sees them: where they send, masked
// (lib/alerts/channels/mask.ts), never a webhook's secret.
import { parseChannelConfig } from "@/lib/alerts/channels/config";
import { maskedTarget } from "@/lib/alerts/channels/mask";
import type { ChannelKind } from "@/lib/alerts/channels/types";
import { prisma } from "@/lib/db";

export interface ChannelListItem {
  id: string;
  name: string;
  kind: ChannelKind;
  target: string;
  enabled: boolean;
}

export async function listChannels(appId: number): Promise<ChannelListItem[]> {
  const rows = await prisma().alertChannel.findMany({
    where: { appId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind as ChannelKind,
    target: maskedTarget(parseChannelConfig(c.kind, c.config)),
    enabled: c.enabled,
  }));
}

/** The channels a rule may notify, for the rule form. */
export async function listChannelOptions(appId: number): Promise<{ id: string; name: string; kind: ChannelKind }[]> {
  const rows = await prisma().alertChannel.findMany({
    where: { appId },
    select: { id: true, name: true, kind: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((c) => ({ ...c, kind: c.kind as ChannelKind }));
}
