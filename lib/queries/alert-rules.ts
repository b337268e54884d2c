// The Alerts page's rules: each with its environment, filter, channels, state, last value and recent checks.
import { filterTexts } from "@/lib/alerts/filter-text";
import type { MetricId, Operator } from "@/lib/alerts/metrics";
import type { RuleState } from "@/lib/alerts/state";
import { prisma } from "@/lib/db";

export interface AlertRuleView {
  id: string;
  name: string;
  envId: number;
  env: string;
  metric: MetricId;
  operator: Operator;
  threshold: number;
  windowMinutes: number;
  checkEveryMinutes: number;
  notifyAfter: number;
  resolveAfter: number;
  consumerId: number | null;
  groupId: number | null;
  endpointId: number | null;
  filter: string | null;
  channelIds: string[];
  channels: string[];
  enabled: boolean;
  state: RuleState;
  lastValue: number | null;
  lastCheckedAt: number | null;
  firedAt: number | null;
  /** [epoch s, value | null], oldest first. */
  history: [number, number | null][];
}

/** One rule of the app, for its edit page; null when the app has no such rule. */
export async function getAlertRule(appId: number, ruleId: string): Promise<AlertRuleView | null> {
  return (await alertRules(appId, ruleId))[0] ?? null;
}

export function listAlertRules(appId: number): Promise<AlertRuleView[]> {
  return alertRules(appId);
}

async function alertRules(appId: number, ruleId?: string): Promise<AlertRuleView[]> {
  const [rules, envs, channels] = await Promise.all([
    prisma().alertRule.findMany({
      where: { appId, ...(ruleId !== undefined && { id: ruleId }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma().environment.findMany({ where: { appId }, select: { id: true, name: true } }),
    prisma().alertChannel.findMany({ where: { appId }, select: { id: true, name: true } }),
  ]);
  const envName = new Map(envs.map((e) => [e.id, e.name]));
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const filters = await filterTexts(appId, rules);
  return rules.map((r, i) => {
    const channelIds = (JSON.parse(r.channelIds) as string[]).filter((id) => channelName.has(id));
    return {
      id: r.id,
      name: r.name,
      envId: r.envId,
      env: envName.get(r.envId) ?? "(deleted)",
      metric: r.metric as MetricId,
      operator: r.operator as Operator,
      threshold: r.threshold,
      windowMinutes: r.windowMinutes,
      checkEveryMinutes: r.checkEveryMinutes,
      notifyAfter: r.notifyAfter,
      resolveAfter: r.resolveAfter,
      consumerId: r.consumerId,
      groupId: r.groupId,
      endpointId: r.endpointId,
      filter: filters[i],
      channelIds,
      channels: channelIds.map((id) => channelName.get(id)!),
      enabled: r.enabled,
      state: r.state as RuleState,
      lastValue: r.lastValue,
      lastCheckedAt: r.lastCheckedAt,
      firedAt: r.firedAt,
      history: JSON.parse(r.history) as [number, number | null][],
    };
  });
}
