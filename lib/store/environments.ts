// A valid env that does not exist yet is created on its first data, as Apitally does.
import type { Sql } from "../db";
import { ensureIds, type EnsureSpec } from "./allocate";
import { dbTimestamp } from "./time";

const envSpec: EnsureSpec<null> = {
  counter: "nextEnvId",
  async find(db, appId, [name]) {
    const rows = await db.all<{ id: number }>(`SELECT "id" FROM "Environment" WHERE "appId" = ? AND "name" = ?`, [
      appId,
      name,
    ]);
    return new Map(rows.map((r) => [name, Number(r.id)]));
  },
  async create(db, appId, [{ key, id }]) {
    await db.run(
      `INSERT INTO "Environment" ("appId", "id", "name", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [appId, id, key, dbTimestamp()],
    );
  },
};

export async function ensureEnv(db: Sql, appId: number, name: string): Promise<number> {
  const ids = await ensureIds(db, appId, envSpec, new Map([[name, null]]));
  return ids.get(name)!;
}
