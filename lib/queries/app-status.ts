// Whether and when an app last sent anything. The apps list shows the time of the last
// sync; the views show the setup hint instead of empty charts until a startup or a sync
// has arrived.
import { sql } from "@/lib/db";

export interface AppStatus {
  /** Epoch seconds of the newest sync of any instance, null before the first. */
  lastSyncAt: number | null;
  /** A startup or a sync arrived: endpoints or traffic exist. */
  hasData: boolean;
}

export async function getAppStatus(appId: number): Promise<AppStatus> {
  const [[sync], endpoints, traffic] = await Promise.all([
    sql().all<{ at: number | null }>(
      `SELECT MAX("Instance"."lastSyncAt") AS "at" FROM "Instance" WHERE "Instance"."appId" = ?`,
      [appId],
    ),
    sql().all(`SELECT 1 AS "one" FROM "Endpoint" WHERE "Endpoint"."appId" = ? LIMIT 1`, [appId]),
    sql().all(`SELECT 1 AS "one" FROM "RequestRollup" WHERE "RequestRollup"."appId" = ? LIMIT 1`, [appId]),
  ]);
  return {
    lastSyncAt: sync?.at == null ? null : Number(sync.at),
    hasData: endpoints.length > 0 || traffic.length > 0,
  };
}
