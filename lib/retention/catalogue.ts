// Pruning what clients named and then stopped naming: consumers (not those a person edited), endpoints (unless the
// latest startup of an environment lists them: lib/store/endpoints.ts), error fingerprints and OpenAPI documents not
// seen for longer than the retention period, instances silent for longer than their CPU/memory samples are kept, and
// groups nobody is in. By then the rollups that pointed at them are gone too. Afterwards the app's live counts
// (lib/store/caps.ts) are recounted, which also heals any drift, and a cap the app is back under stops being reported.
import type { Sql } from "../db";
import { CAP_COLUMNS, CAP_KINDS, capOf, OTHER_ID, OTHER_INSTANCE, parsePerKind } from "../store/caps";
import { LAST_SEEN_REFRESH_SECONDS } from "../store/endpoints";
import { inTransaction } from "../store/transaction";
import type { PruneCutoffs } from "./prune";

// Rows go a slice at a time, so no statement holds SQLite's write lock for long.
const SLICE_ROWS = 5000;
// A consumer a person renamed or put in a group is never pruned, so the edit is there if it comes back. Keeping the
// edits apart from the rows instead would need a store of its own that outgrows the consumer cap (edit, prune, a new
// consumer, edit again …); kept rows stay inside it: people can only edit consumers that exist, at most
// TALLYHUB_MAX_CONSUMERS of them, and what they keep counts against that cap like any other consumer. Hiding is not an
// edit to keep: a hidden consumer shows again when it comes back anyway.
// Endpoints' lastSeen lags up to an hour; a day's margin keeps one whose newest data is still kept.
const MARGIN_SECONDS = 86_400;

async function deleteInSlices(db: Sql, table: string, key: string, appId: number, where: string, params: unknown[]) {
  let deleted = 0;
  for (;;) {
    const n = await db.run(
      `DELETE FROM "${table}" WHERE "appId" = ? AND "${key}" IN
         (SELECT "${key}" FROM "${table}" WHERE "appId" = ? AND ${where} LIMIT ${SLICE_ROWS})`,
      [appId, appId, ...(params as (string | number)[])],
    );
    deleted += n;
    if (n < SLICE_ROWS) return deleted;
  }
}

export async function pruneCatalogue(db: Sql, appId: number, c: PruneCutoffs): Promise<Record<string, number>> {
  const before = c.rollupsBefore * 60;
  const deleted: Record<string, number> = {};
  deleted.Consumer = await deleteInSlices(
    db,
    "Consumer",
    "id",
    appId,
    `"lastSeen" < ? AND NOT "nameByUser" AND NOT "groupByUser"`,
    [before],
  );
  deleted.Endpoint = await deleteInSlices(db, "Endpoint", "id", appId, `NOT "inStartup" AND "lastSeen" < ?`, [
    before - Math.max(MARGIN_SECONDS, LAST_SEEN_REFRESH_SECONDS),
  ]);
  deleted.ValidationError = await deleteInSlices(db, "ValidationError", "id", appId, `"lastSeen" < ?`, [before]);
  deleted.ServerError = await deleteInSlices(db, "ServerError", "id", appId, `"lastSeen" < ?`, [before]);
  deleted.Instance = await deleteInSlices(
    db,
    "Instance",
    "uuid",
    appId,
    `"firstSeen" < ? AND COALESCE("lastSyncAt", 0) < ? AND COALESCE("startupAt", 0) < ?`,
    [c.samplesBefore, c.samplesBefore, c.samplesBefore],
  );
  deleted.AppSpec = await db.run(
    `DELETE FROM "AppSpec" WHERE "appId" = ? AND ("updatedAt" < ? OR "envId" NOT IN
       (SELECT "id" FROM "Environment" WHERE "appId" = ?))`,
    [appId, before, appId],
  );
  deleted.ConsumerGroup = await db.run(
    `DELETE FROM "ConsumerGroup" WHERE "appId" = ? AND "id" NOT IN
       (SELECT "groupId" FROM "Consumer" WHERE "appId" = ? AND "groupId" IS NOT NULL)`,
    [appId, appId],
  );
  await recount(db, appId);
  return deleted;
}

const COUNTS: Record<(typeof CAP_KINDS)[number], string> = {
  environments: `SELECT COUNT(*) FROM "Environment" WHERE "appId" = ? AND "id" <> ${OTHER_ID}`,
  endpoints: `SELECT COUNT(*) FROM "Endpoint" WHERE "appId" = ? AND "id" <> ${OTHER_ID}`,
  consumers: `SELECT COUNT(*) FROM "Consumer" WHERE "appId" = ? AND "id" <> ${OTHER_ID}`,
  groups: `SELECT COUNT(*) FROM "ConsumerGroup" WHERE "appId" = ? AND "id" <> ${OTHER_ID}`,
  errors:
    `SELECT (SELECT COUNT(*) FROM "ValidationError" WHERE "appId" = ? AND "id" <> ${OTHER_ID})` +
    ` + (SELECT COUNT(*) FROM "ServerError" WHERE "appId" = ? AND "id" <> ${OTHER_ID})`,
  instances: `SELECT COUNT(*) FROM "Instance" WHERE "appId" = ? AND "uuid" <> '${OTHER_INSTANCE}'`,
};

/** Sets the app's live counts from its rows, under the App row's lock (no creation in between). */
export async function recount(db: Sql, appId: number) {
  await inTransaction(async (tx) => {
    const [app] = await tx.all<{ capsHit: string | null; capOverrides: string | null }>(
      `UPDATE "App" SET "envCount" = "envCount" WHERE "id" = ? RETURNING "capsHit", "capOverrides"`,
      [appId],
    );
    if (!app) return;
    const counts: Record<string, number> = {};
    for (const kind of CAP_KINDS) {
      const params = kind === "errors" ? [appId, appId] : [appId];
      const [row] = await tx.all<{ n: number }>(`SELECT (${COUNTS[kind]}) AS "n"`, params);
      counts[kind] = Number(row.n);
    }
    const hit = parsePerKind(app.capsHit);
    const overrides = parsePerKind(app.capOverrides);
    for (const kind of CAP_KINDS) if (counts[kind] < capOf(kind, overrides)) delete hit[kind];
    await tx.run(
      `UPDATE "App" SET ${CAP_KINDS.map((k) => `"${CAP_COLUMNS[k].count}" = ?`).join(", ")}, "capsHit" = ? WHERE "id" = ?`,
      [...CAP_KINDS.map((k) => counts[k]), Object.keys(hit).length ? JSON.stringify(hit) : null, appId],
    );
  }, db);
}
