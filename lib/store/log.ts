// Stores the request-log lines of one /log file (or an OTLP export's spans), once per file uuid.
import type { Param, Sql } from "../db";
import type { LogLine } from "../model/payloads";
import { insertMany } from "./batch";
import { ensureConsumers, type ConsumerSighting } from "./consumers";
import { ensureEnv } from "./environments";
import { claimReceipt } from "./receipt";
import type { StoreResult } from "./sync";
import { nowSeconds } from "./time";
import { inTransaction } from "./transaction";

const COLUMNS = [
  "appId",
  "uuid",
  "envId",
  "fileUuid",
  "ts",
  "method",
  "path",
  "url",
  "statusCode",
  "responseTimeMs",
  "consumerId",
  "requestSize",
  "responseSize",
  "requestHeaders",
  "responseHeaders",
  "requestBody",
  "responseBody",
  "exception",
  "logs",
  "spans",
  "traceId",
  "clientIp",
  "clientCountry",
  "instanceUuid",
];

export interface LogFileOpts {
  db?: Sql;
  now?: number;
  /** The instance that served these requests, when the client says (OTLP); hub /log files do not. */
  instanceUuid?: string | null;
}

export async function storeLogFile(
  appId: number,
  env: string,
  fileUuid: string,
  lines: LogLine[],
  opts: LogFileOpts = {},
): Promise<StoreResult> {
  const now = opts.now ?? nowSeconds();
  return inTransaction(async (db) => {
    if (!(await claimReceipt(db, appId, "log", fileUuid, now))) return "duplicate";
    await insertLogLines(db, appId, env, fileUuid, lines, opts.instanceUuid ?? null);
    return "stored";
  }, opts.db);
}

/** The lines' rows, inside the caller's transaction (whose receipt or staged file makes them once-only). */
export async function insertLogLines(
  db: Sql,
  appId: number,
  env: string,
  fileUuid: string,
  lines: LogLine[],
  instanceUuid: string | null,
): Promise<void> {
  // A log may name a consumer before any sync has: create it, seen at the request's time.
  const consumers = new Map<string, ConsumerSighting>();
  for (const l of lines) {
    if (!l.consumer) continue;
    const t = Math.floor(l.ts);
    const c = consumers.get(l.consumer);
    if (c) {
      c.firstSeen = Math.min(c.firstSeen, t);
      c.lastSeen = Math.max(c.lastSeen, t);
    } else consumers.set(l.consumer, { firstSeen: t, lastSeen: t, name: null, group: null });
  }
  const envId = await ensureEnv(db, appId, env);
  const consumerIds = await ensureConsumers(db, appId, consumers);
  const byUuid = new Map(lines.map((l) => [l.uuid, l]));
  await insertMany(db, {
    table: "RequestLog",
    columns: COLUMNS,
    rows: [...byUuid.values()].map((l): Param[] => [
      appId,
      l.uuid,
      envId,
      fileUuid,
      l.ts,
      l.method,
      l.path,
      l.url,
      l.statusCode,
      l.responseTimeMs,
      l.consumer ? consumerIds.get(l.consumer)! : 0,
      l.requestSize,
      l.responseSize,
      l.requestHeaders,
      l.responseHeaders,
      l.requestBody,
      l.responseBody,
      l.exception,
      l.logs,
      l.spans,
      l.traceId,
      l.clientIp,
      l.clientCountry,
      instanceUuid,
    ]),
    tail: `ON CONFLICT ("appId", "uuid") DO NOTHING`,
  });
}
