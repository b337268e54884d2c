// Server errors: exceptions the clients captured on 500 responses, grouped by fingerprint.
// The list leaves tracebacks out (up to 64 KB each); the view loads one on expand.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { listErrors } from "./error-list";

export interface ServerErrorRow {
  id: number;
  endpointId: number;
  method: string;
  path: string;
  type: string;
  msg: string;
  count: number;
  consumers: number;
  /** When the error was first ever seen (any filter), epoch seconds. */
  firstSeen: number;
  /**
   * When it last occurred within the filters, epoch seconds: the exact time stored with the
   * error when that falls in the last minute the filters see, else the start of that minute;
   * never before firstSeen.
   */
  lastSeen: number;
  sentryEventId: string | null;
}

export async function getServerErrors(appId: number, f: Filters): Promise<ServerErrorRow[]> {
  const rows = await listErrors("server", appId, f, ["type", "msg", "firstSeen", "sentryEventId"]);
  return rows.map(({ type, msg, firstSeen, sentryEventId, ...r }) => ({
    ...r,
    type: String(type),
    msg: String(msg),
    firstSeen: Number(firstSeen),
    lastSeen: Math.max(Number(firstSeen), r.lastSeen),
    sentryEventId: (sentryEventId as string | null) ?? null,
  }));
}

/** The traceback of one server error of the app, or null when there is none / no such error. */
export async function getServerErrorTraceback(appId: number, errorId: number): Promise<string | null> {
  const [row] = await sql().all<{ traceback: string | null }>(
    `SELECT "ServerError"."traceback" AS "traceback" FROM "ServerError"
     WHERE "ServerError"."appId" = ? AND "ServerError"."id" = ?`,
    [appId, errorId],
  );
  return row?.traceback ?? null;
}
