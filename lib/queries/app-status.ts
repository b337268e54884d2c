// Whether an app has sent anything yet (a startup or a sync): until then the views show
// the setup hint instead of empty charts.
import { sql } from "@/lib/db";

export async function hasReceivedData(appId: number): Promise<boolean> {
  const rows = await sql().all(`SELECT 1 AS "one" FROM "RequestRollup" WHERE "RequestRollup"."appId" = ? LIMIT 1`, [appId]);
  if (rows.length) return true;
  const endpoints = await sql().all(`SELECT 1 AS "one" FROM "Endpoint" WHERE "Endpoint"."appId" = ? LIMIT 1`, [appId]);
  return endpoints.length > 0;
}
