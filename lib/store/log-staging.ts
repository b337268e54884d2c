// /log files staged between their 202 and the expansion of their lines (lib/ingest/log-expander.ts). Staging is
// one short transaction (the receipt and the file as received), so the client's 202 waits neither for parsing nor
// for the request-log indexes. An expander claims a file with a lease (a conditional UPDATE moving "leaseUntil"
// forward), and stores the lines in the transaction that deletes the file only while its lease is still the one it
// took: two servers never store one file twice, and a file whose expander died is taken again once its lease ends.
import type { Sql } from "../db";
import type { LogLine } from "../model/payloads";
import { insertLogLines } from "./log";
import { claimReceipt } from "./receipt";
import type { StoreResult } from "./sync";
import { inTransaction } from "./transaction";

export interface StagedLogFile {
  appId: number;
  fileUuid: string;
  env: string;
  /** The bytes as received. */
  body: Buffer;
  receivedAt: number;
  /** The lease this claim holds (epoch ms); storing the lines needs it to be still the file's. */
  lease: number;
  attempts: number;
}

export async function stageLogFile(
  appId: number,
  env: string,
  fileUuid: string,
  body: Buffer,
  now: number,
  db?: Sql,
): Promise<StoreResult> {
  return inTransaction(async (q) => {
    if (!(await claimReceipt(q, appId, "log", fileUuid, now))) return "duplicate";
    await q.run(
      `INSERT INTO "RequestLogFile" ("appId", "fileUuid", "env", "body", "receivedAt") VALUES (?, ?, ?, ?, ?)`,
      [appId, fileUuid, env, body.toString("base64"), now],
    );
    return "stored";
  }, db);
}

/** Takes the file for `leaseMs` unless another expander holds it; null when it does or the file is gone. */
export async function claimLogFile(
  db: Sql,
  appId: number,
  fileUuid: string,
  nowMs: number,
  leaseMs: number,
): Promise<StagedLogFile | null> {
  const lease = nowMs + leaseMs;
  const [row] = await db.all<{ env: string; body: string; receivedAt: number; attempts: number }>(
    `UPDATE "RequestLogFile" SET "leaseUntil" = ?, "attempts" = "attempts" + 1
     WHERE "appId" = ? AND "fileUuid" = ? AND "leaseUntil" <= ?
     RETURNING "env", "body", "receivedAt", "attempts"`,
    [lease, appId, fileUuid, nowMs],
  );
  if (!row) return null;
  return {
    appId,
    fileUuid,
    env: row.env,
    body: Buffer.from(row.body, "base64"),
    receivedAt: Number(row.receivedAt),
    lease,
    attempts: Number(row.attempts),
  };
}

/** Staged files no expander holds, oldest first: those left by a crash, a lost lease or another server's queue. */
export async function unclaimedLogFiles(
  db: Sql,
  nowMs: number,
  limit: number,
): Promise<{ appId: number; fileUuid: string }[]> {
  const rows = await db.all<{ appId: number; fileUuid: string }>(
    `SELECT "appId", "fileUuid" FROM "RequestLogFile" WHERE "leaseUntil" <= ? ORDER BY "receivedAt" LIMIT ?`,
    [nowMs, limit],
  );
  return rows.map((r) => ({ appId: Number(r.appId), fileUuid: r.fileUuid }));
}

/** Lines per transaction: SQLite's one writer (and better-sqlite3's event loop) is free between them for the 202s. */
const CHUNK_LINES = 100;

/**
 * Stores the claimed file's lines while its lease is still the one taken, a chunk per transaction, and deletes the
 * file with the last chunk; "lost" (no further chunk written) once another expander took the file over. A chunk
 * stored before a crash or a lost lease is stored again by the next expander as nothing: a request's uuid is
 * stored once (ON CONFLICT DO NOTHING), so the file is stored exactly once however often it is expanded.
 */
export async function storeClaimedLogFile(db: Sql, file: StagedLogFile, lines: LogLine[]): Promise<"stored" | "lost"> {
  const key = [file.appId, file.fileUuid, file.lease];
  for (let at = 0; at + CHUNK_LINES < lines.length; at += CHUNK_LINES) {
    const held = await inTransaction(async (q) => {
      const [mine] = await q.all(
        `SELECT 1 AS "held" FROM "RequestLogFile" WHERE "appId" = ? AND "fileUuid" = ? AND "leaseUntil" = ?`,
        key,
      );
      if (mine) await insertLogLines(q, file.appId, file.env, file.fileUuid, lines.slice(at, at + CHUNK_LINES), null);
      return !!mine;
    }, db);
    if (!held) return "lost";
    await new Promise((r) => setImmediate(r));
  }
  const last = lines.slice(Math.max(0, Math.ceil(lines.length / CHUNK_LINES) - 1) * CHUNK_LINES);
  return inTransaction(async (q) => {
    const mine = await q.run(
      `DELETE FROM "RequestLogFile" WHERE "appId" = ? AND "fileUuid" = ? AND "leaseUntil" = ?`,
      key,
    );
    if (mine === 0) return "lost";
    await insertLogLines(q, file.appId, file.env, file.fileUuid, last, null);
    return "stored";
  }, db);
}

/** How many files wait for expansion (tests wait for none; the bench counts them). */
export async function stagedLogFileCount(db: Sql, appId?: number): Promise<number> {
  const where = appId === undefined ? "" : ` WHERE "appId" = ?`;
  const [row] = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS "n" FROM "RequestLogFile"${where}`,
    appId === undefined ? [] : [appId],
  );
  return Number(row?.n ?? 0);
}
