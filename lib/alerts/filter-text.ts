// How a rule's filter reads in the rules list and in notifications: "consumer Acme Corp · endpoint GET /orders".
import { sql } from "@/lib/db";

export interface RuleFilterIds {
  appId: number;
  consumerId: number | null;
  groupId: number | null;
  endpointId: number | null;
}

export async function filterText(rule: RuleFilterIds): Promise<string | null> {
  if (!rule.consumerId && !rule.groupId && !rule.endpointId) return null;
  const [row] = await sql().all<{ consumer: string | null; grp: string | null; endpoint: string | null }>(
    `SELECT
       (SELECT COALESCE("name", "identifier") FROM "Consumer" WHERE "appId" = ? AND "id" = ?) AS "consumer",
       (SELECT "name" FROM "ConsumerGroup" WHERE "appId" = ? AND "id" = ?) AS "grp",
       (SELECT "method" || ' ' || "path" FROM "Endpoint" WHERE "appId" = ? AND "id" = ?) AS "endpoint"`,
    [rule.appId, rule.consumerId ?? 0, rule.appId, rule.groupId ?? 0, rule.appId, rule.endpointId ?? 0],
  );
  const parts = [
    rule.consumerId ? `consumer ${row?.consumer ?? `#${rule.consumerId}`}` : null,
    rule.groupId ? `group ${row?.grp ?? `#${rule.groupId}`}` : null,
    rule.endpointId ? `endpoint ${row?.endpoint ?? `#${rule.endpointId}`}` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
