// The consumer filter's search as you type: the app's visible consumers whose identifier or name contains the typed
// text, for apps with more consumers than the filter bar loads (CONSUMER_OPTIONS_LIMIT). The scan stays inside the
// app's range of the (appId, identifier) index, so it reads at most TALLYHUB_MAX_CONSUMERS rows.
import { sql } from "@/lib/db";
import { VISIBLE_CONSUMER } from "./aggregates";
import type { FilterOptions } from "./filter-options";
import { containsPattern, lowerLike, startsPattern } from "./where";

export type ConsumerOption = FilterOptions["consumers"][number];

/** Identifiers starting with the text first, then the most recently seen. */
export async function searchConsumers(appId: number, text: string, limit: number): Promise<ConsumerOption[]> {
  const contains = containsPattern(text);
  const rows = await sql().all<ConsumerOption>(
    `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name"
     FROM "Consumer"
     WHERE "Consumer"."appId" = ? AND ${VISIBLE_CONSUMER}
       AND (${lowerLike(`"Consumer"."identifier"`)} OR ${lowerLike(`"Consumer"."name"`)})
     ORDER BY CASE WHEN ${lowerLike(`"Consumer"."identifier"`)} THEN 0 ELSE 1 END, "Consumer"."lastSeen" DESC, 1
     LIMIT ${limit}`,
    [appId, contains, contains, startsPattern(text)],
  );
  return rows.map((c) => ({ id: Number(c.id), identifier: c.identifier, name: c.name }));
}
