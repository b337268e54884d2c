// Stores an OTLP export: one transaction per export, first claiming a receipt for the hash
// of its body. OTLP has no idempotency key, and exporters resend a body byte for byte when
// an answer got lost (apitally-py for up to an hour), so a repeat is acknowledged and skipped.
// Within it the hub's own store functions do the work, on the same transaction.
import type { Sql } from "../db";
import type { AppLog, InstanceMetrics, InstanceTraces, LogsBatch, Sender } from "../model/otlp";
import { insertMany } from "./batch";
import { ensureEnv } from "./environments";
import { admitInstance, recordResources } from "./instances";
import { storeLogFile } from "./log";
import { claimReceipt, type ReceiptKind } from "./receipt";
import { storeStartup } from "./startup";
import { storeSync, type StoreResult, type SyncOpts } from "./sync";
import { nowSeconds } from "./time";
import { inTransaction } from "./transaction";

type CountSource = "metrics" | "spans";
type Opts = { db?: Sql; now?: number };
/** For exports that carry syncs: the fold horizon at `now`, as storeSync takes it. */
type SyncingOpts = Opts & Pick<SyncOpts, "foldHorizon">;

function once(
  kind: ReceiptKind,
  appId: number,
  receipt: string,
  opts: Opts,
  fn: (db: Sql, now: number) => Promise<void>,
) {
  const now = opts.now ?? nowSeconds();
  return inTransaction(async (db): Promise<StoreResult> => {
    if (!(await claimReceipt(db, appId, kind, receipt, now))) return "duplicate";
    await fn(db, now);
    return "stored";
  }, opts.db);
}

/**
 * Where an instance's request counts come from. The first signal that can tell fixes it for
 * the instance's life: Apitally's histograms (or an Apitally SDK's resource) → metrics; spans
 * of any other service → spans. So a service sending both is never counted twice.
 */
async function countSource(
  db: Sql,
  appId: number,
  s: Sender,
  claim: CountSource | null,
  now: number,
): Promise<CountSource | null> {
  const envId = await ensureEnv(db, appId, s.env);
  const rows = await db.all<{ countsFrom: string | null }>(
    `INSERT INTO "Instance" ("appId", "uuid", "envId", "firstSeen", "client", "countsFrom") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("appId", "uuid")
     DO UPDATE SET "countsFrom" = COALESCE("Instance"."countsFrom", excluded."countsFrom"),
       "client" = COALESCE("Instance"."client", excluded."client")
     RETURNING "countsFrom"`,
    [appId, await admitInstance(db, appId, s.instanceUuid), envId, now, s.client, claim],
  );
  return (rows[0]?.countsFrom as CountSource | null) ?? null;
}

export function storeOtlpMetrics(appId: number, receipt: string, instances: InstanceMetrics[], opts: SyncingOpts) {
  return once("otlp-metrics", appId, receipt, opts, async (db, now) => {
    for (const i of instances) {
      const source = await countSource(db, appId, i.sender, i.countsFromMetrics ? "metrics" : null, now);
      // Every metrics export is the instance's heartbeat, requests or not.
      for (const sync of i.syncs) {
        await storeSync(appId, i.sender.env, source === "metrics" ? sync : { ...sync, requests: [] }, {
          db,
          now,
          foldHorizon: opts.foldHorizon,
        });
      }
      for (const sample of i.samples) await recordResources(db, appId, i.sender.instanceUuid, sample.ts, sample);
    }
  });
}

export function storeOtlpTraces(appId: number, receipt: string, instances: InstanceTraces[], opts: SyncingOpts) {
  return once("otlp-traces", appId, receipt, opts, async (db, now) => {
    for (const i of instances) {
      const source = await countSource(db, appId, i.sender, i.sender.apitally ? "metrics" : "spans", now);
      for (const sync of i.syncs) {
        await storeSync(appId, i.sender.env, source === "spans" ? sync : { ...sync, requests: [] }, {
          db,
          now,
          foldHorizon: opts.foldHorizon,
        });
      }
      if (i.logs.length > 0)
        await storeLogFile(appId, i.sender.env, i.logFileUuid, i.logs, {
          db,
          now,
          instanceUuid: i.sender.instanceUuid,
        });
    }
  });
}

const APP_LOG_COLUMNS = ["appId", "requestUuid", "id", "ts", "logger", "level", "message", "file", "line", "spanId"];

export function storeOtlpLogs(appId: number, receipt: string, batch: LogsBatch, opts: Opts = {}) {
  return once("otlp-logs", appId, receipt, opts, async (db, now) => {
    for (const { sender, startup } of batch.startups) {
      await countSource(db, appId, sender, sender.apitally ? "metrics" : null, now);
      await storeStartup(appId, sender.env, startup, { db, now });
    }
    await insertMany(db, {
      table: "RequestAppLog",
      columns: APP_LOG_COLUMNS,
      rows: batch.appLogs.map((l: AppLog) => [
        appId,
        l.requestUuid,
        l.id,
        l.ts,
        l.logger,
        l.level,
        l.message,
        l.file,
        l.line,
        l.spanId,
      ]),
      tail: `ON CONFLICT ("appId", "requestUuid", "id") DO NOTHING`,
    });
  });
}
