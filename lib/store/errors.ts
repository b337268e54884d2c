// Validation errors grouped by endpoint/loc/msg/type and server errors by
// endpoint/type/message, each with first/last seen; a server error keeps its latest
// traceback. Counts over time go to the *ErrorRollup tables (see sync.ts).
import { createHash } from "node:crypto";
import type { Param, Sql } from "../db";
import { byDistinctId, ensureIds, type EnsureSpec } from "./allocate";
import { findIdsByKey, insertMany, keepMax, keepMin } from "./batch";
import { OTHER_ID, OTHER_LABEL } from "./caps";
import { insertOtherEndpoint } from "./endpoints";
import { nowSeconds } from "./time";

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

// Not a SHA-256 in hex, so no error's fingerprint.
const OTHER_FINGERPRINT = OTHER_LABEL;
const OTHER_MESSAGE = "New errors past the app's cap";

function errorSpec<T>(
  table: string,
  columns: string[],
  row: (appId: number, id: number, fp: string, v: T) => Param[],
  other: T,
): EnsureSpec<T> {
  return {
    counter: "nextErrorId",
    kind: "errors",
    // Error lists join their endpoint: "(other)" gets the endpoint "(other)".
    async createOther(db, appId) {
      await insertOtherEndpoint(db, appId, nowSeconds());
      await insertMany(db, {
        table,
        columns,
        rows: [row(appId, OTHER_ID, OTHER_FINGERPRINT, other)],
        tail: "ON CONFLICT DO NOTHING",
      });
    },
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
  const other = { endpointId: OTHER_ID, loc: "[]", msg: OTHER_MESSAGE, type: OTHER_LABEL, seen: seenOf(errors) };
  const ids = await ensureIds(db, appId, errorSpec("ValidationError", validationColumns, validationRow, other), errors);
  await touch(db, appId, "ValidationError", validationColumns, ids, errors, other, validationRow, "");
  return ids;
}

/**
 * Ids by fingerprint; existing errors get their first/last seen widened and, unless the data is older, the latest
 * traceback.
 */
export async function ensureServerErrors(db: Sql, appId: number, errors: Map<string, ServerErrorInfo>) {
  const other = {
    endpointId: OTHER_ID,
    type: OTHER_LABEL,
    msg: OTHER_MESSAGE,
    traceback: null,
    sentryEventId: null,
    seen: seenOf(errors),
  };
  const ids = await ensureIds(db, appId, errorSpec("ServerError", serverColumns, serverRow, other), errors);
  const newer = `excluded."lastSeen" >= "ServerError"."lastSeen"`;
  await touch(
    db,
    appId,
    "ServerError",
    serverColumns,
    ids,
    errors,
    other,
    serverRow,
    `, "traceback" = CASE WHEN ${newer} AND excluded."traceback" IS NOT NULL
         THEN excluded."traceback" ELSE "ServerError"."traceback" END,
       "sentryEventId" = CASE WHEN ${newer} AND excluded."sentryEventId" IS NOT NULL
         THEN excluded."sentryEventId" ELSE "ServerError"."sentryEventId" END`,
  );
  return ids;
}

const seenOf = (errors: Map<string, { seen: number }>) => [...errors.values()].reduce((m, e) => Math.max(m, e.seen), 0);

async function touch<T>(
  db: Sql,
  appId: number,
  table: string,
  columns: string[],
  ids: Map<string, number>,
  errors: Map<string, T>,
  other: T,
  row: (appId: number, id: number, fp: string, v: T) => Param[],
  extra: string,
) {
  if (ids.size === 0) return;
  // "(other)" keeps its own text, and its seen times span the errors it stands for.
  const rows = byDistinctId(ids).map(([fp, id]) =>
    id === OTHER_ID ? row(appId, id, OTHER_FINGERPRINT, other) : row(appId, id, fp, errors.get(fp)!),
  );
  await insertMany(db, {
    table,
    columns,
    rows,
    // SET sees the row as it was, so the traceback test compares with the old lastSeen.
    tail: `ON CONFLICT ("appId", "id")
           DO UPDATE SET ${keepMin(table, "firstSeen")}, ${keepMax(table, "lastSeen")}${extra}`,
  });
}
