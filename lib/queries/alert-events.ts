// The Alerts page's history: when rules fired and resolved, newest first.
import type { MetricId, Operator } from "@/lib/alerts/metrics";
import { sql } from "@/lib/db";

export interface AlertEventView {
  id: string;
  ruleId: string;
  rule: string;
  metric: MetricId;
  operator: Operator;
  env: string;
  kind: "firing" | "resolved";
  value: number | null;
  threshold: number;
  at: number;
}

export async function listAlertEvents(appId: number, limit = 50): Promise<AlertEventView[]> {
  const rows = await sql().all<AlertEventView>(
    `SELECT "AlertEvent"."id" AS "id", "AlertEvent"."ruleId" AS "ruleId", "AlertRule"."name" AS "rule",
       "AlertRule"."metric" AS "metric", "AlertRule"."operator" AS "operator", "Environment"."name" AS "env",
       "AlertEvent"."kind" AS "kind", "AlertEvent"."value" AS "value", "AlertEvent"."threshold" AS "threshold",
       "AlertEvent"."at" AS "at"
     FROM "AlertEvent"
     JOIN "AlertRule" ON "AlertRule"."appId" = "AlertEvent"."appId" AND "AlertRule"."id" = "AlertEvent"."ruleId"
     JOIN "Environment" ON "Environment"."appId" = "AlertRule"."appId" AND "Environment"."id" = "AlertRule"."envId"
     WHERE "AlertEvent"."appId" = ?
     ORDER BY "AlertEvent"."at" DESC, "AlertEvent"."id" LIMIT ${Number(limit)}`,
    [appId],
  );
  return rows.map((r) => ({
    ...r,
    value: r.value === null ? null : Number(r.value),
    threshold: Number(r.threshold),
    at: Number(r.at),
  }));
}
