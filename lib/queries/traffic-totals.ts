// Headline numbers of the Traffic view, for the window and the equally long window before.
import { elapsedMinutes } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { CONSUMERS_COUNT, ERRORS_SUM } from "./aggregates";
import { requestRowsFrom } from "./source";

export interface TrafficNumbers {
  requests: number;
  requestsPerMinute: number;
  errors: number;
  clientErrors: number;
  serverErrors: number;
  /** (4xx + 5xx) / all; null without requests. */
  errorRate: number | null;
  bytesIn: number;
  bytesOut: number;
  consumers: number;
}

export interface TrafficTotals {
  current: TrafficNumbers;
  previous: TrafficNumbers;
}

/** The numbers of one range under the filters (alert rules measure their window with it, as the view does). */
export async function trafficNumbers(
  appId: number,
  f: Filters,
  range: { from: number; to: number },
): Promise<TrafficNumbers> {
  // Two questions, so each reads the narrowest table: the sums need no consumer, the count does.
  const sums = requestRowsFrom(appId, f, { range });
  const consumerRows = requestRowsFrom(appId, f, { range, needs: ["consumer"] });
  const [[row], [counted]] = await Promise.all([
    sql().all<{
      requests: number | null;
      errors: number | null;
      serverErrors: number | null;
      bytesIn: number | null;
      bytesOut: number | null;
    }>(
      `SELECT SUM("r"."requestCount") AS "requests", ${ERRORS_SUM("r")} AS "errors",
         SUM(CASE WHEN "r"."statusCode" >= 500 THEN "r"."requestCount" ELSE 0 END) AS "serverErrors",
         SUM("r"."requestSizeSum") AS "bytesIn", SUM("r"."responseSizeSum") AS "bytesOut"
       FROM ${sums.text}`,
      sums.params,
    ),
    sql().all<{ consumers: number }>(
      `SELECT ${CONSUMERS_COUNT(`"r"."consumerId"`)} AS "consumers" FROM ${consumerRows.text}`,
      consumerRows.params,
    ),
  ]);
  const requests = Number(row?.requests ?? 0);
  const errors = Number(row?.errors ?? 0);
  const serverErrors = Number(row?.serverErrors ?? 0);
  const minutes = elapsedMinutes(range, f.window.now);
  return {
    requests,
    requestsPerMinute: minutes ? requests / minutes : 0,
    errors,
    clientErrors: errors - serverErrors,
    serverErrors,
    errorRate: requests ? errors / requests : null,
    bytesIn: Number(row?.bytesIn ?? 0),
    bytesOut: Number(row?.bytesOut ?? 0),
    consumers: Number(counted?.consumers ?? 0),
  };
}

export async function getTrafficTotals(appId: number, f: Filters): Promise<TrafficTotals> {
  const [current, previous] = await Promise.all([
    trafficNumbers(appId, f, f.window),
    trafficNumbers(appId, f, f.window.previous),
  ]);
  return { current, previous };
}
