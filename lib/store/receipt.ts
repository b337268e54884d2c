// Exactly-once ingest: the first statement of every sync/log transaction records its
// message/file uuid. A resend finds it there and the transaction writes nothing else.
// In PostgreSQL a resend racing the original waits on the unique key until it commits.
import type { Sql } from "../db";

export type ReceiptKind = "sync" | "log" | "otlp-metrics" | "otlp-traces" | "otlp-logs";

/** True when this uuid is new for the app (and is now claimed). */
export async function claimReceipt(
  db: Sql,
  appId: number,
  kind: ReceiptKind,
  uuid: string,
  now: number,
): Promise<boolean> {
  const inserted = await db.run(
    `INSERT INTO "IngestReceipt" ("appId", "kind", "uuid", "receivedAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [appId, kind, uuid, now],
  );
  return inserted > 0;
}
