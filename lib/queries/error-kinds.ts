// The two error rollups and what reading them takes: each row points to an error, which knows
// its endpoint, and the rollups carry no status code of their own.
import type { Filters } from "@/lib/filters";
import { rollupColumns, type FilterColumns } from "./where";

/** The two error rollups: each row points to an error, which knows its endpoint. */
export const ERROR_KINDS = {
  server: { rollup: "ServerErrorRollup", table: "ServerError", statusCodes: [500] },
  validation: { rollup: "ValidationErrorRollup", table: "ValidationError", statusCodes: [400, 422] },
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

export function errorRollupColumns(kind: ErrorKind): FilterColumns {
  const { rollup, table } = ERROR_KINDS[kind];
  return { ...rollupColumns(rollup), endpoint: `"${table}"."endpointId"`, statusColumn: undefined };
}

/** The error lists show the most frequent errors; more would not be read. */
export const ERROR_LIST_LIMIT = 200;

/** FROM clause of an error rollup joined to its error table. */
export function errorFrom(kind: ErrorKind): string {
  const { rollup, table } = ERROR_KINDS[kind];
  const on = `"${table}"."appId" = "${rollup}"."appId" AND "${table}"."id" = "${rollup}"."errorId"`;
  return `"${rollup}" JOIN "${table}" ON ${on}`;
}

/**
 * Error rollups carry no status code. Server errors are 500 responses; validation errors
 * come with 400 or 422. A status filter that excludes all of them excludes the table.
 */
export function statusAllows(f: Pick<Filters, "status">, codes: readonly number[]): boolean {
  return !f.status || codes.some((c) => c >= f.status!.min && c < f.status!.max);
}
