// One transaction per payload, retried when the database gives up on it for reasons of
// its own (PostgreSQL deadlock or serialization failure, SQLite busy) rather than ours.
import { sql, type Sql } from "../db";

const RETRYABLE = new Set(["40P01", "40001", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED"]);
const ATTEMPTS = 3;

export async function inTransaction<T>(fn: (db: Sql) => Promise<T>, db: Sql = sql()): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.tx(fn);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
