// Traffic grouped by any of time bucket, environment, consumer, consumer group, endpoint and status, for the data
// API: the same rollup sources and filters as the dashboard's views, so each total equals what a view shows for
// the same filters. Grouped by ids first; names are looked up for the rows only (see per-consumer.ts for why).
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import type { Dimension } from "@/lib/rollups/tiers";
import { ERRORS_SUM } from "./aggregates";
import { requestRowsFrom } from "./source";
import { bucketSql } from "./where";

export const GROUP_BY = ["time", "env", "consumer", "group", "endpoint", "status"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface BreakdownRow {
  /** Start of the bucket, epoch minutes (grouped by time). */
  minute?: number;
  envId?: number;
  /** 0: requests without a consumer. */
  consumerId?: number;
  /** null: consumers in no group, and requests without a consumer. */
  groupId?: number | null;
  endpointId?: number;
  statusCode?: number;
  requests: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
}

const COLUMN: Record<GroupBy, (bucket: Bucket) => string> = {
  time: (bucket) => bucketSql(`"r"."minute"`, bucket),
  env: () => `"r"."envId"`,
  consumer: () => `"r"."consumerId"`,
  group: () => `"Consumer"."groupId"`,
  endpoint: () => `"r"."endpointId"`,
  status: () => `"r"."statusCode"`,
};
/** The row field each grouping fills. */
export const GROUP_KEY: Record<GroupBy, keyof BreakdownRow> = {
  time: "minute",
  env: "envId",
  consumer: "consumerId",
  group: "groupId",
  endpoint: "endpointId",
  status: "statusCode",
};
const NEEDS: Partial<Record<GroupBy, Dimension>> = { consumer: "consumer", group: "consumer", endpoint: "endpoint" };

export async function getTrafficBreakdown(
  appId: number,
  f: Filters,
  groupBy: readonly GroupBy[],
  bucket: Bucket,
): Promise<BreakdownRow[]> {
  const needs = groupBy.flatMap((g) => NEEDS[g] ?? []);
  const rows = requestRowsFrom(appId, f, {
    needs,
    ...(groupBy.includes("time") ? { grain: BUCKET_MINUTES[bucket] } : {}),
  });
  const keys = groupBy.map((g) => `${COLUMN[g](bucket)} AS "${GROUP_KEY[g]}"`);
  const join = groupBy.includes("group")
    ? `LEFT JOIN "Consumer" ON "Consumer"."appId" = "r"."appId" AND "Consumer"."id" = "r"."consumerId"`
    : "";
  const positions = groupBy.map((_, i) => i + 1).join(", ");
  const result = await sql().all<Record<string, number | null>>(
    `SELECT ${[...keys, `SUM("r"."requestCount") AS "requests"`, `${ERRORS_SUM("r")} AS "errors"`].join(", ")},
       SUM("r"."requestSizeSum") AS "bytesIn", SUM("r"."responseSizeSum") AS "bytesOut"
     FROM ${rows.text} ${join}
     ${positions ? `GROUP BY ${positions} ORDER BY ${positions}` : ""}`,
    rows.params,
  );
  const key = (v: number | null) => (v === null ? null : Number(v));
  return result
    .map((r): BreakdownRow => ({
      ...Object.fromEntries(groupBy.map((g) => [GROUP_KEY[g], key(r[GROUP_KEY[g]])])),
      requests: Number(r.requests ?? 0),
      errors: Number(r.errors ?? 0),
      bytesIn: Number(r.bytesIn ?? 0),
      bytesOut: Number(r.bytesOut ?? 0),
    }))
    .filter((r) => r.requests > 0);
}
