// Opens the database named by DATABASE_URL: a raw-SQL handle and a Prisma client that
// share the same settings. Process-wide singletons live in lib/db/index.ts.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as PgClient } from "../generated/postgres/client";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { pgSql, sqliteSql, type Sql } from "./sql";
import { dbKind, sqliteFilePath } from "./url";

export type Prisma = SqliteClient;

// COUNT/SUM over int8 and numeric come back as strings from pg; our sums fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const BUSY_TIMEOUT_MS = 10_000;

export function openSqliteFile(url: string): Database.Database {
  const file = sqliteFilePath(url);
  // The database holds password hashes and every app's traffic: only the server's user may read it. A folder we
  // create is ours alone; an existing one keeps the permissions its owner gave it.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  ownerOnly(file);
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  return db;
}

/** The database file and its WAL and shared-memory files, 0600 (SQLite gives new -wal/-shm files the database's mode). */
function ownerOnly(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f)) chmodSync(f, 0o600);
    } catch {
      // Not ours to change (a file another user owns and shares with us): leave it as its owner set it.
    }
  }
}

export function openSql(url: string): Sql {
  if (dbKind(url) === "sqlite") return sqliteSql(openSqliteFile(url));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, pg_terminate_backend) is an
  // 'error' event on the pool; unhandled, it would end the whole process. The pool drops
  // that connection and opens a new one for the next query.
  pool.on("error", (e) => console.error(`[tallyhub] PostgreSQL connection lost: ${e.message}`));
  return pgSql(pool);
}

export function openPrisma(url: string): Prisma {
  if (dbKind(url) === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: BUSY_TIMEOUT_MS });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url, max: 5 });
  return new PgClient({ adapter }) as unknown as Prisma;
}
