// Server code only: importing the database from a browser bundle fails the build.
import "server-only";
// Process-wide database handles, opened lazily from DATABASE_URL.
import { openPrisma, openSql, type Prisma } from "./connect";
import type { Sql } from "./sql";
import { databaseUrl } from "./url";

const g = globalThis as unknown as { __tallyhubSql?: Sql; __tallyhubPrisma?: Prisma };

export function sql(): Sql {
  return (g.__tallyhubSql ??= openSql(databaseUrl()));
}

export function prisma(): Prisma {
  return (g.__tallyhubPrisma ??= openPrisma(databaseUrl()));
}

export type { Sql, Param, Row } from "./sql";
export type { Prisma } from "./connect";
