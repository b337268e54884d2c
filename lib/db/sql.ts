// One raw-SQL interface over better-sqlite3 and pg, for the ingest hot path and the read
// models (Prisma stays the tool for CRUD). Write SQL with `?` placeholders and quoted
// Prisma names ("RequestRollup"."appId"); both databases accept the same text.
import type BetterSqlite3 from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import type { DbKind } from "./url";

export type Param = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;

export interface Sql {
  readonly kind: DbKind;
  all<T = Row>(text: string, params?: Param[]): Promise<T[]>;
  run(text: string, params?: Param[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs fn in one transaction: all of it or none of it. */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function toPgPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function sqliteParams(params: Param[]): unknown[] {
  return params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
}

export function sqliteSql(db: BetterSqlite3.Database): Sql {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string) => {
    let s = cache.get(text);
    if (!s) {
      s = db.prepare(text);
      cache.set(text, s);
    }
    return s;
  };
  // better-sqlite3 is synchronous, but a transaction body awaits: a lock keeps other
  // callers' statements from running inside an open transaction.
  let lock: Promise<unknown> = Promise.resolve();
  const locked = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const next = lock.then(fn, fn);
    lock = next.catch(() => undefined);
    return next;
  };
  const inner: Sql = {
    kind: "sqlite",
    async all<T>(text: string, params: Param[] = []) {
      const s = prepare(text);
      return (s.reader ? s.all(...sqliteParams(params)) : (s.run(...sqliteParams(params)), [])) as T[];
    },
    async run(text, params = []) {
      return prepare(text).run(...sqliteParams(params)).changes;
    },
    async exec(text) {
      db.exec(text);
    },
    tx: (fn) => fn(inner),
    close: async () => {},
  };
  return {
    kind: "sqlite",
    all: (text, params) => locked(() => inner.all(text, params)),
    run: (text, params) => locked(() => inner.run(text, params)),
    exec: (text) => locked(() => inner.exec(text)),
    tx: (fn) =>
      locked(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(inner);
          db.exec("COMMIT");
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw e;
        }
      }),
    close: async () => {
      await lock;
      db.close();
    },
  };
}

export function pgSql(pool: Pool): Sql {
  const on = (c: Pool | PoolClient): Omit<Sql, "tx" | "close"> => ({
    async exec(text) {
      await c.query(text);
    },
    kind: "postgres",
    async all<T>(text: string, params: Param[] = []) {
      return (await c.query(toPgPlaceholders(text), params as unknown[])).rows as T[];
    },
    async run(text, params = []) {
      return (await c.query(toPgPlaceholders(text), params as unknown[])).rowCount ?? 0;
    },
  });
  return {
    ...on(pool),
    async tx(fn) {
      const client = await pool.connect();
      const q: Sql = { ...on(client), tx: (f) => f(q), close: async () => {} };
      try {
        await client.query("BEGIN");
        const result = await fn(q);
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
