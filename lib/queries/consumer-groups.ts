// The Consumers view's groups: every group with its members' traffic in the window.
// Hidden members count here (they are still real traffic, and a group filter on Traffic
// includes them too).
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { JOIN_CONSUMER, perConsumer } from "./per-consumer";
import { requestRowsFrom } from "./source";
import { byText } from "./text-order";

export interface GroupRow {
  id: number;
  name: string;
  /** Members with requests in the window. */
  activeConsumers: number;
  /** All members. */
  consumers: number;
  requests: number;
  errorRate: number | null;
  /** Start of the last minute with a request, epoch seconds; null without requests. */
  lastRequest: number | null;
}

export async function getConsumerGroups(appId: number, f: Filters): Promise<GroupRow[]> {
  const rows = perConsumer(requestRowsFrom(appId, f, { needs: ["consumer"] }));
  const [groups, traffic] = await Promise.all([
    sql().all<{ id: number; name: string; consumers: number }>(
      `SELECT "ConsumerGroup"."id" AS "id", "ConsumerGroup"."name" AS "name", COUNT("Consumer"."id") AS "consumers"
       FROM "ConsumerGroup"
       LEFT JOIN "Consumer"
         ON "Consumer"."appId" = "ConsumerGroup"."appId" AND "Consumer"."groupId" = "ConsumerGroup"."id"
       WHERE "ConsumerGroup"."appId" = ? GROUP BY "ConsumerGroup"."id", "ConsumerGroup"."name"`,
      [appId],
    ),
    sql().all<{ id: number; active: number; requests: number; errors: number; lastMinute: number }>(
      `SELECT "Consumer"."groupId" AS "id", COUNT(*) AS "active",
         SUM("c"."requests") AS "requests", SUM("c"."errors") AS "errors", MAX("c"."lastMinute") AS "lastMinute"
       FROM ${rows.text} ${JOIN_CONSUMER}
       WHERE "Consumer"."groupId" IS NOT NULL GROUP BY "Consumer"."groupId"`,
      [...rows.params, appId],
    ),
  ]);
  const byId = new Map(traffic.map((t) => [Number(t.id), t]));
  return groups
    .map((g): GroupRow => {
      const t = byId.get(Number(g.id));
      const requests = Number(t?.requests ?? 0);
      return {
        id: Number(g.id),
        name: g.name,
        activeConsumers: Number(t?.active ?? 0),
        consumers: Number(g.consumers),
        requests,
        errorRate: requests ? Number(t!.errors) / requests : null,
        lastRequest: t ? Number(t.lastMinute) * 60 : null,
      };
    })
    .sort((a, b) => b.requests - a.requests || byText(a.name, b.name));
}
