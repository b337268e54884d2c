// The consumers sending the most requests (within the filters), for the endpoint drill-down.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { VISIBLE_CONSUMER } from "./aggregates";
import { JOIN_CONSUMER, perConsumer } from "./per-consumer";
import { requestRowsFrom } from "./source";

export interface TopConsumer {
  id: number;
  identifier: string;
  name: string | null;
  requests: number;
  errorRate: number | null;
}

export async function getTopConsumers(appId: number, f: Filters, limit = 10): Promise<TopConsumer[]> {
  const src = perConsumer(requestRowsFrom(appId, f, { needs: ["consumer"] }));
  const rows = await sql().all<{
    id: number;
    identifier: string;
    name: string | null;
    requests: number;
    errors: number;
  }>(
    `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name",
       "c"."requests" AS "requests", "c"."errors" AS "errors"
     FROM ${src.text} ${JOIN_CONSUMER}
     WHERE ${VISIBLE_CONSUMER}
     ORDER BY 4 DESC, 1 LIMIT ${Number(limit)}`,
    [...src.params, appId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    identifier: r.identifier,
    name: r.name,
    requests: Number(r.requests),
    errorRate: Number(r.requests) ? Number(r.errors) / Number(r.requests) : null,
  }));
}
