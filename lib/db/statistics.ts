// The query planner's statistics. PostgreSQL's autovacuum keeps them; SQLite keeps none unless asked, and without
// them it pages a consumer's request logs along the time index rather than the (appId, consumerId, ts) one (a
// long-tail consumer's first page: ~0.4 s instead of ~1 ms over a million logs). PRAGMA optimize analyses the tables
// that never were or have changed much, reading a bounded sample of each: about half a second over a million logs.
import type { Sql } from "./sql";

export async function refreshPlannerStatistics(db: Sql): Promise<void> {
  if (db.kind === "sqlite") await db.exec("PRAGMA optimize");
}
