// Finding the app a payload is for, by the credential its sender holds: the client ID of
// the hub protocol, or the write token of OTLP exports. After a rotation the previous one
// still finds the app until its grace period ends; then it is as unknown as any other. Null
// when there is no such app.
import { sql, type Sql } from "../db";

const CREDENTIALS = {
  clientId: { previous: "previousClientId", until: "previousClientIdUntil" },
  writeToken: { previous: "previousWriteToken", until: "previousWriteTokenUntil" },
} as const;

async function appIdWhere(db: Sql, column: keyof typeof CREDENTIALS, value: string): Promise<number | null> {
  const { previous, until } = CREDENTIALS[column];
  const rows = await db.all<{ id: number }>(
    `SELECT "id" FROM "App" WHERE "${column}" = ? OR ("${previous}" = ? AND "${until}" > ?) LIMIT 1`,
    [value, value, Math.floor(Date.now() / 1000)],
  );
  return rows.length === 0 ? null : Number(rows[0].id);
}

/** The app of a client ID (canonical lowercase UUID). */
export const appIdByClientId = (clientId: string, db: Sql = sql()) => appIdWhere(db, "clientId", clientId);

/** The app of a write token (apt_ + 24 letters and digits). */
export const appIdByWriteToken = (token: string, db: Sql = sql()) => appIdWhere(db, "writeToken", token);
