// Per-consumer sums of a rollup source, as a FROM clause `(…) AS "c"` with columns
// consumerId, requests, errors, lastMinute. Queries aggregate by consumer id first and join
// the Consumer rows afterwards: joining every rollup row and grouping by text columns
// costs more than the sums themselves.
import { ERRORS_SUM } from "./aggregates";
import { type Clause } from "./where";

export function perConsumer(source: Clause): Clause {
  return {
    text: `(SELECT "r"."consumerId" AS "consumerId", SUM("r"."requestCount") AS "requests",
        ${ERRORS_SUM("r")} AS "errors",
        MAX("r"."lastMinute") AS "lastMinute"
      FROM ${source.text} WHERE "r"."consumerId" <> 0 GROUP BY "r"."consumerId") AS "c"`,
    params: source.params,
  };
}

/** The Consumer row of each per-consumer sum, for a FROM clause after perConsumer(). */
export const JOIN_CONSUMER = `JOIN "Consumer" ON "Consumer"."appId" = ? AND "Consumer"."id" = "c"."consumerId"`;
