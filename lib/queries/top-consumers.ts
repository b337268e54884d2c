// The consumers sending the most requests (within the filters), for the endpoint drill-down.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { and, ERRORS_SUM, filterWhere, rollupColumns, VISIBLE_CONSUMER } from "./where";

export interface TopConsumer {
  id: number;
  identifier: string;
  name: string | null;
  requests: number;
  errorRate: number | null;
}

export async function getTopConsumers(appId: number, f: Filters, limit = 10): Promise<TopConsumer[]> {
  const where = and(filterWhere(appId, f, rollupColumns("RequestRollup")), `"RequestRollup"."consumerId" <> 0`, VISIBLE_CONSUMER);
  const rows = await sql().all<{ id: number; identifier: string; name: string | null; requests: number; errors: number }>(
    `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name",
       SUM("RequestRollup"."requestCount") AS "requests", ${ERRORS_SUM("RequestRollup")} AS "errors"
     FROM "RequestRollup" JOIN "Consumer" ON "Consumer"."appId" = "RequestRollup"."appId" AND "Consumer"."id" = "RequestRollup"."consumerId"
     WHERE ${where.text}
     GROUP BY "Consumer"."id", "Consumer"."identifier", "Consumer"."name"
     ORDER BY 4 DESC, 1 LIMIT ${Number(limit)}`,
    where.params,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    identifier: r.identifier,
    name: r.name,
    requests: Number(r.requests),
    errorRate: Number(r.requests) ? Number(r.errors) / Number(r.requests) : null,
  }));
}
