// Turns the filter object into one SQL predicate, the same text on SQLite and PostgreSQL.
// Every read model builds its WHERE clause here, so a filter means the same thing in
// every view. Column names are passed in because the error rollups reach the endpoint
// through their error table.
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import type { Param } from "@/lib/db";
import type { EndpointFilter, Filters } from "@/lib/filters";

export interface FilterColumns {
  appId: string;
  minute: string;
  env: string;
  endpoint: string;
  consumer: string;
  /** Omit for tables without a status code (error rollups): see statusAllows. */
  statusColumn?: string;
}

export const rollupColumns = (table: string): FilterColumns => ({
  appId: `"${table}"."appId"`,
  minute: `"${table}"."minute"`,
  env: `"${table}"."envId"`,
  endpoint: `"${table}"."endpointId"`,
  consumer: `"${table}"."consumerId"`,
  statusColumn: `"${table}"."statusCode"`,
});

export interface Clause {
  text: string;
  params: Param[];
}

export const and = (...parts: (Clause | string | null)[]): Clause => {
  const clauses = parts
    .filter((p): p is Clause | string => !!p)
    .map((p) => (typeof p === "string" ? { text: p, params: [] } : p));
  return { text: clauses.map((c) => `(${c.text})`).join(" AND ") || "1=1", params: clauses.flatMap((c) => c.params) };
};

// `*` is the only wildcard users type; %, _ and \ are literal.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%");

/** A filter's pattern: with a `*` it matches the whole text, without one it matches anywhere in it. */
export const likePattern = (pattern: string): string =>
  pattern.includes("*") ? escapeLike(pattern) : `%${escapeLike(pattern)}%`;
/** Search as you type: the text anywhere, or at the start. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
export const startsPattern = (text: string) => `${escapeLike(text)}%`;

/** `column LIKE ?`, ignoring ASCII case on both databases: SQLite's LIKE ignores it, PostgreSQL's does not. */
export const lowerLike = (column: string) => `LOWER(${column}) LIKE LOWER(?) ESCAPE '\\'`;

/** Endpoint ids matching the endpoint and method filters, as a sub-select (or null: all). */
export function endpointSubselect(appId: number, f: Pick<Filters, "endpoint" | "method">): Clause | null {
  const parts: Clause[] = [];
  const e: EndpointFilter | null = f.endpoint;
  if (e && "id" in e) parts.push({ text: `"Endpoint"."id" = ?`, params: [e.id] });
  if (e && "pattern" in e) {
    parts.push({ text: lowerLike(`"Endpoint"."path"`), params: [likePattern(e.pattern)] });
    if (e.method) parts.push({ text: `"Endpoint"."method" = ?`, params: [e.method] });
  }
  if (f.method) parts.push({ text: `"Endpoint"."method" = ?`, params: [f.method] });
  if (!parts.length) return null;
  const where = and({ text: `"Endpoint"."appId" = ?`, params: [appId] }, ...parts);
  return { text: `SELECT "Endpoint"."id" FROM "Endpoint" WHERE ${where.text}`, params: where.params };
}

/** The endpoint id when the filters name exactly one endpoint by id (the drill-down). */
export const singleEndpointId = (f: Pick<Filters, "endpoint" | "method">): number | null =>
  f.endpoint && "id" in f.endpoint && !f.method ? f.endpoint.id : null;

/** Rows whose environment id column names the environment called `env`. */
export const envIs = (appId: number, envColumn: string, env: string): Clause => ({
  text: `${envColumn} IN (SELECT "Environment"."id" FROM "Environment"
         WHERE "Environment"."appId" = ? AND "Environment"."name" = ?)`,
  params: [appId, env],
});

/**
 * The predicate for rows of one app in [range.from, range.to) matching the filters.
 * `range` defaults to the filters' window; pass `f.window.previous` for comparisons.
 */
export function filterWhere(
  appId: number,
  f: Filters,
  cols: FilterColumns,
  range: { from: number; to: number } = f.window,
): Clause {
  const parts: (Clause | null)[] = [
    { text: `${cols.appId} = ?`, params: [appId] },
    { text: `${cols.minute} >= ? AND ${cols.minute} < ?`, params: [range.from, range.to] },
  ];
  if (f.env) parts.push(envIs(appId, cols.env, f.env));
  if (f.consumer) parts.push({ text: `${cols.consumer} = ?`, params: [f.consumer] });
  if (f.group) {
    parts.push({
      text: `${cols.consumer} IN (SELECT "Consumer"."id" FROM "Consumer"
             WHERE "Consumer"."appId" = ? AND "Consumer"."groupId" = ?)`,
      params: [appId, f.group],
    });
  }
  // One endpoint by id is a plain equality, so the planner can seek an index on it.
  const one = singleEndpointId(f);
  const endpoints = one === null ? endpointSubselect(appId, f) : null;
  if (one !== null) parts.push({ text: `${cols.endpoint} = ?`, params: [one] });
  if (endpoints) parts.push({ text: `${cols.endpoint} IN (${endpoints.text})`, params: endpoints.params });
  if (f.status && cols.statusColumn)
    parts.push({
      text: `${cols.statusColumn} >= ? AND ${cols.statusColumn} < ?`,
      params: [f.status.min, f.status.max],
    });
  return and(...parts);
}

/** The bucket start of an epoch-minute column (integer division on both databases). */
export function bucketSql(minuteColumn: string, bucket: Bucket): string {
  const size = BUCKET_MINUTES[bucket];
  return size === 1 ? minuteColumn : `(${minuteColumn} / ${size}) * ${size}`;
}
