// Validation errors grouped by endpoint/loc/msg/type and server errors by
// endpoint/type/message, each with first/last seen; a server error keeps its latest
// traceback. Counts over time go to the *ErrorRollup tables (see sync.ts).
import { createHash } from "node:crypto";
import type { Param, Sql } from "../db";
import { ensureIds, type EnsureSpec } from "./allocate";
import { findIdsByKey, insertMany, keepMax, keepMin } from "./batch";

export const fingerprint = (...parts: string[]) => createHash("sha256").update(parts.join("|")).digest("hex");

export interface ValidationErrorInfo {
  endpointId: number;
  loc: string; // JSON array
  msg: string;
  type: string;
  seen: number;
}

export interface ServerErrorInfo {
  endpointId: number;
  type: string;
  msg: string;
  traceback: string | null;
  sentryEventId: string | null;
  seen: number;
}

function errorSpec<T>(
  table: string,
  columns: string[],
  row: (appId: number, id: number, fp: string, v: T) => Param[],
): EnsureSpec<T> {
  return {
    counter: "nextErrorId",
    find: (db, appId, fps) => findIdsByKey(db, table, "fingerprint", appId, fps),
    async create(db, appId, items) {
      await insertMany(db, {
        table,
        columns,
        rows: items.map(({ key, id, value }) => row(appId, id, key, value)),
        tail: "ON CONFLICT DO NOTHING",
      });
    },
  };
}

const validationColumns = ["appId", "id", "fingerprint", "endpointId", "loc", "msg", "type", "firstSeen", "lastSeen"];
const validationRow = (appId: number, id: number, fp: string, v: ValidationErrorInfo): Param[] => [
  appId,
  id,
  fp,
  v.endpointId,
  v.loc,
  v.msg,
  v.type,
  v.seen,
  v.seen,
];

const serverColumns = [
  "appId",
  "id",
  "fingerprint",
  "endpointId",
  "type",
  "msg",
  "traceback",
  "sentryEventId",
  "firstSeen",
  "lastSeen",
];
const serverRow = (appId: number, id: number, fp: string, v: ServerErrorInfo): Param[] => [
  appId,
  id,
  fp,
  v.endpointId,
  v.type,
  v.msg,
  v.traceback,
  v.sentryEventId,
  v.seen,
  v.seen,
];

/** Ids by fingerprint; existing errors get their first/last seen widened. */
export async function ensureValidationErrors(db: Sql, appId: number, errors: Map<string, ValidationErrorInfo>) {
  const ids = await ensureIds(db, appId, errorSpec("ValidationError", validationColumns, validationRow), errors);
  await touch(db, appId, "ValidationError", validationColumns, ids, errors, validationRow, "");
  return ids;
}

/**
 * Ids by fingerprint; existing errors get their first/last seen widened and, unless the data is older, the latest
 * traceback.
 */
export async function ensureServerErrors(db: Sql, appId: number, errors: Map<string, ServerErrorInfo>) {
  const ids = await ensureIds(db, appId, errorSpec("ServerError", serverColumns, serverRow), errors);
  const newer = `excluded."lastSeen" >= "ServerError"."lastSeen"`;
  await touch(
    db,
    appId,
    "ServerError",
    serverColumns,
    ids,
    errors,
    serverRow,
    `, "traceback" = CASE WHEN ${newer} AND excluded."traceback" IS NOT NULL
         THEN excluded."traceback" ELSE "ServerError"."traceback" END,
       "sentryEventId" = CASE WHEN ${newer} AND excluded."sentryEventId" IS NOT NULL
         THEN excluded."sentryEventId" ELSE "ServerError"."sentryEventId" END`,
  );
  return ids;
}

async function touch<T>(
  db: Sql,
  appId: number,
  table: string,
  columns: string[],
  ids: Map<string, number>,
  errors: Map<string, T>,
  row: (appId: number, id: number, fp: string, v: T) => Param[],
  extra: string,
) {
  if (ids.size === 0) return;
  const rows = [...ids].sort((a, b) => a[1] - b[1]).map(([fp, id]) => row(appId, id, fp, errors.get(fp)!));
  await insertMany(db, {
    table,
    columns,
    rows,
    // SET sees the row as it was, so the traceback test compares with the old lastSeen.
    tail: `ON CONFLICT ("appId", "id")
           DO UPDATE SET ${keepMin(table, "firstSeen")}, ${keepMax(table, "lastSeen")}${extra}`,
  });
}
