// How a rule's filter reads in the rules list and in notifications: "consumer Acme Corp · endpoint GET /orders".
// The names of many rules' filters come from three queries, not three per rule.
import { sql } from "@/lib/db";

export interface RuleFilterIds {
  appId: number;
  consumerId: number | null;
  groupId: number | null;
  endpointId: number | null;
}

type Kind = "consumer" | "group" | "endpoint";
const ID: Record<Kind, keyof RuleFilterIds> = { consumer: "consumerId", group: "groupId", endpoint: "endpointId" };
const NAME_SQL: Record<Kind, string> = {
  consumer: `SELECT "id", COALESCE("name", "identifier") AS "label" FROM "Consumer"`,
  group: `SELECT "id", "name" AS "label" FROM "ConsumerGroup"`,
  endpoint: `SELECT "id", "method" || ' ' || "path" AS "label" FROM "Endpoint"`,
};

/** Filter texts of one app's rules, in their order; null for a rule without a filter. */
export async function filterTexts(appId: number, rules: RuleFilterIds[]): Promise<(string | null)[]> {
  const names = new Map<Kind, Map<number, string>>();
  for (const kind of Object.keys(ID) as Kind[]) {
    const ids = [...new Set(rules.map((r) => r[ID[kind]] as number | null).filter((id): id is number => !!id))];
    const rows = ids.length
      ? await sql().all<{ id: number; label: string }>(
          `${NAME_SQL[kind]} WHERE "appId" = ? AND "id" IN (${ids.map(() => "?").join(", ")})`,
          [appId, ...ids],
        )
      : [];
    names.set(kind, new Map(rows.map((r) => [Number(r.id), r.label])));
  }
  return rules.map((rule) => {
    const parts = (Object.keys(ID) as Kind[]).flatMap((kind) => {
      const id = rule[ID[kind]] as number | null;
      return id ? [`${kind} ${names.get(kind)!.get(id) ?? `#${id}`}`] : [];
    });
    return parts.length ? parts.join(" · ") : null;
  });
}

export async function filterText(rule: RuleFilterIds): Promise<string | null> {
  return (await filterTexts(rule.appId, [rule]))[0];
}
