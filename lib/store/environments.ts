// A valid env that does not exist yet is created on its first data, as Apitally does; past
// TALLYHUB_MAX_ENVIRONMENTS its data goes to the environment "(other)", a name no client can send.
import type { Sql } from "../db";
import { ensureIds, type EnsureSpec } from "./allocate";
import { OTHER_ID, OTHER_LABEL } from "./caps";
import { dbTimestamp } from "./time";

const envSpec: EnsureSpec<null> = {
  counter: "nextEnvId",
  kind: "environments",
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
  // No heartbeat: it stands for many environments, none of which is down when one goes quiet.
  async createOther(db, appId) {
    await db.run(
      `INSERT INTO "Environment" ("appId", "id", "name", "createdAt", "heartbeatEnabled") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [appId, OTHER_ID, OTHER_LABEL, dbTimestamp(), false],
    );
  },
};

export async function ensureEnv(db: Sql, appId: number, name: string): Promise<number> {
  const ids = await ensureIds(db, appId, envSpec, new Map([[name, null]]));
  return ids.get(name)!;
}
