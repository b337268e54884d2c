// The consumers sending the most requests (within the filters), for the endpoint drill-down.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { requestSource } from "./source";
import { ERRORS_SUM, VISIBLE_CONSUMER } from "./where";

export interface TopConsumer {
  id: number;
  identifier: string;
  name: string | null;
  requests: number;
  errorRate: number | null;
}

export async function getTopConsumers(appId: number, f: Filters, limit = 10): Promise<TopConsumer[]> {
  const src = requestSource(appId, f, { needs: ["consumer"] });
  const rows = await sql().all<{ id: number; identifier: string; name: string | null; requests: number; errors: number }>(
    `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name",
       SUM("r"."requestCount") AS "requests", ${ERRORS_SUM("r")} AS "errors"
     FROM ${src.text} JOIN "Consumer" ON "Consumer"."appId" = "r"."appId" AND "Consumer"."id" = "r"."consumerId"
     WHERE "r"."consumerId" <> 0 AND ${VISIBLE_CONSUMER}
     GROUP BY "Consumer"."id", "Consumer"."identifier", "Consumer"."name"
     ORDER BY 4 DESC, 1 LIMIT ${Number(limit)}`,
    src.params,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    identifier: r.identifier,
    name: r.name,
    requests: Number(r.requests),
    errorRate: Number(r.requests) ? Number(r.errors) / Number(r.requests) : null,
  }));
}
