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
  // The current credential first: one unique-index lookup on every sync; the previous one only for what it misses.
  const current = await db.all<{ id: number }>(`SELECT "id" FROM "App" WHERE "${column}" = ?`, [value]);
  if (current.length) return Number(current[0].id);
  const { previous, until } = CREDENTIALS[column];
  const rotated = await db.all<{ id: number }>(`SELECT "id" FROM "App" WHERE "${previous}" = ? AND "${until}" > ?`, [
    value,
    Math.floor(Date.now() / 1000),
  ]);
  return rotated.length ? Number(rotated[0].id) : null;
}

/** The app of a client ID (canonical lowercase UUID). */
export const appIdByClientId = (clientId: string, db: Sql = sql()) => appIdWhere(db, "clientId", clientId);

/** The app of a write token (apt_ + 24 letters and digits). */
export const appIdByWriteToken = (token: string, db: Sql = sql()) => appIdWhere(db, "writeToken", token);
