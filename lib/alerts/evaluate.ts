// The evaluator: each tick, claim the rules that are due, measure each, step its state machine, and write the new
// state with any firing/resolved event and its notifications (the outbox) in one transaction. The claim is one
// UPDATE … RETURNING that moves nextCheckAt forward: on PostgreSQL a second server's concurrent UPDATE waits for
// the row and then finds it no longer due, so every rule is evaluated by exactly one server per check. A server
// that dies after claiming loses that one check; it never sends twice.
import { randomUUID } from "node:crypto";
import { sql } from "@/lib/db";
import { eachLimited } from "@/lib/each-limited";
import { filterText } from "./filter-text";
import { ruleViewUrl } from "./links";
import { measure, ruleFilters } from "./measure";
import { conditionText, formatMetricValue, holds, METRICS, type MetricId, type Operator } from "./metrics";
import type { AlertNotice } from "./notice";
import { enqueueNotice } from "./outbox";
import { nextState, type RuleState } from "./state";

/** The checks a rule keeps for its chart (an hour of one-minute checks). */
export const HISTORY_LENGTH = 60;

export interface DueRule {
  appId: number;
  id: string;
  envId: number;
  name: string;
  metric: MetricId;
  windowMinutes: number;
  operator: Operator;
  threshold: number;
  consumerId: number | null;
  groupId: number | null;
  endpointId: number | null;
  notifyAfter: number;
  resolveAfter: number;
  channelIds: string;
  state: RuleState;
  breaches: number;
  clears: number;
  history: string;
}

export interface EvaluationSummary {
  evaluated: number;
  fired: number;
  resolved: number;
  failed: number;
}

export async function evaluateDueRules(nowMs = Date.now(), concurrency = 4): Promise<EvaluationSummary> {
  const nowS = Math.floor(nowMs / 1000);
  const rules = await claimDueRules(nowS);
  const names = await namesOf(rules);
  const summary: EvaluationSummary = { evaluated: 0, fired: 0, resolved: 0, failed: 0 };
  await eachLimited(rules, concurrency, async (rule) => {
    try {
      const t = await evaluateRule(rule, names, nowMs);
      summary.evaluated++;
      if (t === "firing") summary.fired++;
      if (t === "resolved") summary.resolved++;
    } catch (e) {
      // One rule's failure (a deleted environment, a database hiccup) must not stop the others.
      summary.failed++;
      console.error(`[tallyhub] alert rule ${rule.id} of app ${rule.appId}:`, e instanceof Error ? e.message : e);
    }
  });
  return summary;
}

/** Keeps each rule on its own cadence (no drift by the tick's lateness) but never schedules into the past. */
async function claimDueRules(nowS: number): Promise<DueRule[]> {
  const period = `60 * "checkEveryMinutes"`;
  return sql().all<DueRule>(
    `UPDATE "AlertRule" SET "nextCheckAt" = CASE WHEN "nextCheckAt" + ${period} > ? THEN "nextCheckAt" + ${period}
       ELSE ? + ${period} END
     WHERE "enabled" AND "nextCheckAt" <= ?
     RETURNING "appId", "id", "envId", "name", "metric", "windowMinutes", "operator", "threshold", "consumerId",
       "groupId", "endpointId", "notifyAfter", "resolveAfter", "channelIds", "state", "breaches", "clears", "history"`,
    [nowS, nowS, nowS],
  );
}

interface Names {
  apps: Map<number, string>;
  envs: Map<string, string>;
}

async function namesOf(rules: DueRule[]): Promise<Names> {
  const appIds = [...new Set(rules.map((r) => Number(r.appId)))];
  if (!appIds.length) return { apps: new Map(), envs: new Map() };
  const marks = appIds.map(() => "?").join(", ");
  const [apps, envs] = await Promise.all([
    sql().all<{ id: number; name: string }>(`SELECT "id", "name" FROM "App" WHERE "id" IN (${marks})`, appIds),
    sql().all<{ appId: number; id: number; name: string }>(
      `SELECT "appId", "id", "name" FROM "Environment" WHERE "appId" IN (${marks})`,
      appIds,
    ),
  ]);
  return {
    apps: new Map(apps.map((a) => [Number(a.id), a.name])),
    envs: new Map(envs.map((e) => [`${e.appId}:${e.id}`, e.name])),
  };
}

async function evaluateRule(rule: DueRule, names: Names, nowMs: number): Promise<"firing" | "resolved" | null> {
  const envName = names.envs.get(`${rule.appId}:${rule.envId}`);
  if (envName === undefined) throw new Error("its environment no longer exists");
  const nowS = Math.floor(nowMs / 1000);
  const value = await measure(rule, envName, nowMs);
  const threshold = Number(rule.threshold);
  // No data (a latency percentile without requests) cannot breach: silence is the heartbeat rule's job.
  const breached = value !== null && holds(value, rule.operator, threshold);
  const step = nextState(rule, breached, rule);
  const history = [...(JSON.parse(rule.history) as [number, number | null][]), [nowS, value]].slice(-HISTORY_LENGTH);
  const notice = step.transition ? await noticeOf(step.transition, rule, names, envName, value, nowMs) : null;
  // firedAt: set when it starts firing, kept while it fires, cleared otherwise.
  const keepFiredAt = step.state === "firing" && !step.transition;

  await sql().tx(async (q) => {
    await q.run(
      `UPDATE "AlertRule" SET "state" = ?, "breaches" = ?, "clears" = ?, "lastValue" = ?, "lastCheckedAt" = ?,
         "history" = ?, "firedAt" = CASE WHEN ? THEN "firedAt" ELSE ? END
       WHERE "appId" = ? AND "id" = ?`,
      [
        step.state,
        step.breaches,
        step.clears,
        value,
        nowS,
        JSON.stringify(history),
        keepFiredAt,
        step.transition === "firing" ? nowS : null,
        rule.appId,
        rule.id,
      ],
    );
    if (!notice || !step.transition) return;
    await q.run(
      `INSERT INTO "AlertEvent" ("appId", "id", "ruleId", "kind", "value", "threshold", "at") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [rule.appId, randomUUID(), rule.id, step.transition, value, threshold, nowS],
    );
    await enqueueNotice(q, rule.appId, JSON.parse(rule.channelIds) as string[], notice, nowS);
  });
  return step.transition;
}

async function noticeOf(
  kind: "firing" | "resolved",
  rule: DueRule,
  names: Names,
  envName: string,
  value: number | null,
  nowMs: number,
): Promise<AlertNotice> {
  const metric = rule.metric;
  return {
    kind,
    app: { id: Number(rule.appId), name: names.apps.get(Number(rule.appId)) ?? `App ${rule.appId}` },
    env: envName,
    rule: {
      id: rule.id,
      name: rule.name,
      metric: METRICS[metric].label,
      condition: conditionText(metric, rule.operator, Number(rule.threshold)),
      windowMinutes: rule.windowMinutes,
      filter: (METRICS[metric] as { unfiltered?: true }).unfiltered ? null : await filterText(rule),
    },
    value: formatMetricValue(metric, value),
    at: Math.floor(nowMs / 1000),
    url: ruleViewUrl(Number(rule.appId), metric, ruleFilters(rule, envName, nowMs)),
  };
}
