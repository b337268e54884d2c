// Finding the app a payload is for, by the credential its sender holds: the client ID of
// the hub protocol, or the write token of OTLP exports. Null when there is no such app.
import { sql, type Sql } from "../db";

async function appIdWhere(db: Sql, column: "clientId" | "writeToken", value: string): Promise<number | null> {
  const rows = await db.all<{ id: number }>(`SELECT "id" FROM "App" WHERE "${column}" = ?`, [value]);
  return rows.length === 0 ? null : Number(rows[0].id);
}

/** The app of a client ID (canonical lowercase UUID). */
export const appIdByClientId = (clientId: string, db: Sql = sql()) => appIdWhere(db, "clientId", clientId);

/** The app of a write token (apt_ + 24 letters and digits). */
export const appIdByWriteToken = (token: string, db: Sql = sql()) => appIdWhere(db, "writeToken", token);
