// The conservation check of the crash and soak runs: what the database holds for an app against the ledger of what
// its simulated instances sent (sync-traffic.ts). A sync is stored once when its receipt exists (the primary key
// (appId, kind, uuid) allows one) and its requests are in the rollups once; so the rollups must add up to exactly
// the requests of the syncs that have a receipt. More is a sync counted twice, less a receipt without its data.
import type { Sql } from "@/lib/db";
import type { SentSync } from "./sync-traffic";

export interface Conservation {
  sent: number;
  acknowledged: number;
  /** Syncs of the ledger with a receipt. */
  stored: number;
  /** Syncs sent and never stored (the instance gave up on them). */
  lost: number;
  /** Syncs the hub acknowledged (202) that are not stored: the one loss no resend can repair. */
  lostAfterAck: number;
  /** Receipts of syncs nobody sent. */
  extra: number;
  /** Requests of the stored syncs, from the ledger. */
  requestsExpected: number;
  /** SUM(requestCount) of the per-minute rollup and of the daily one (every sync writes both in its transaction). */
  requestsStored: number;
  requestsStoredDaily: number;
  /** requestsStored − requestsExpected: > 0 some sync was counted twice, < 0 a receipt stands without its data. */
  requestsDoubled: number;
}

const total = async (db: Sql, table: string, appId: number) => {
  const [r] = await db.all<{ n: number | null }>(
    `SELECT SUM("requestCount") AS "n" FROM "${table}" WHERE "appId" = ?`,
    [appId],
  );
  return Number(r.n ?? 0);
};

export async function conserve(db: Sql, appId: number, ledger: SentSync[]): Promise<Conservation> {
  const rows = await db.all<{ uuid: string }>(
    `SELECT "uuid" FROM "IngestReceipt" WHERE "appId" = ? AND "kind" = 'sync'`,
    [appId],
  );
  const receipts = new Set(rows.map((r) => r.uuid));
  const sent = new Set(ledger.map((s) => s.uuid));
  const stored = ledger.filter((s) => receipts.has(s.uuid));
  const requestsExpected = stored.reduce((n, s) => n + s.requests, 0);
  const requestsStored = await total(db, "RequestRollup", appId);
  return {
    sent: ledger.length,
    acknowledged: ledger.filter((s) => s.acked).length,
    stored: stored.length,
    lost: ledger.length - stored.length,
    lostAfterAck: ledger.filter((s) => s.acked && !receipts.has(s.uuid)).length,
    extra: [...receipts].filter((u) => !sent.has(u)).length,
    requestsExpected,
    requestsStored,
    requestsStoredDaily: await total(db, "RequestDayRollup", appId),
    requestsDoubled: requestsStored - requestsExpected,
  };
}

/** What conserve() finds when every sync of the ledger was acknowledged and is stored exactly once. */
export function balanced(ledger: SentSync[]): Conservation {
  const n = ledger.length;
  const requests = ledger.reduce((sum, s) => sum + s.requests, 0);
  return {
    sent: n,
    acknowledged: n,
    stored: n,
    lost: 0,
    lostAfterAck: 0,
    extra: 0,
    requestsExpected: requests,
    requestsStored: requests,
    requestsStoredDaily: requests,
    requestsDoubled: 0,
  };
}
