// The endpoint filter's search as you type: the app's endpoints whose "METHOD /path" contains the typed text, for
// apps with more endpoints than the filter bar loads (ENDPOINT_OPTIONS_LIMIT). The scan stays inside the app's range
// of the (appId, method, path) index, so it reads at most TALLYHUB_MAX_ENDPOINTS rows however many apps there are.
import { sql } from "@/lib/db";
import type { FilterOptions } from "./filter-options";
import { containsPattern, lowerLike, startsPattern } from "./where";

export type EndpointOption = FilterOptions["endpoints"][number];

/** Paths starting with the text first, then the most recently seen. */
export async function searchEndpoints(appId: number, text: string, limit: number): Promise<EndpointOption[]> {
  const rows = await sql().all<EndpointOption>(
    `SELECT "Endpoint"."id" AS "id", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path"
     FROM "Endpoint"
     WHERE "Endpoint"."appId" = ? AND ${lowerLike(`"Endpoint"."method" || ' ' || "Endpoint"."path"`)}
     ORDER BY CASE WHEN ${lowerLike(`"Endpoint"."path"`)} THEN 0 ELSE 1 END, "Endpoint"."lastSeen" DESC, 1
     LIMIT ${limit}`,
    [appId, containsPattern(text), startsPattern(text)],
  );
  return rows.map((e) => ({ id: Number(e.id), method: e.method, path: e.path }));
}
