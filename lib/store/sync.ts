// Stores one /sync payload: all of it in one transaction, or nothing. Everything is
// bucketed by the payload's timestamp, since clients resend queued syncs up to an hour late.
//
// Except a huge sync on SQLite: its driver is synchronous, so one transaction of ~300,000 rows
// holds the server's event loop (every dashboard request, every sign-in) for the whole write,
// tens of seconds. Such a sync is stored in slices of SLICE_ROWS request rows, each in its own
// transaction behind its own receipt, then a pause as long as that slice took, so the writer has
// at most half of the event loop (a dashboard request needs many turns of it, not one); the
// sync's own receipt goes into the last slice's transaction. A sync cut short (crash, database error) is
// not acknowledged, the client sends it again, and the resend stores only the slices still
// missing: exactly once, though a dashboard may show part of that one sync for a moment.
import { sql, type Sql } from "../db";
import type { SyncPayload } from "../model/payloads";
import { ensureConsumers, type ConsumerSighting } from "./consumers";
import { endpointKey, ensureEndpoints, type EndpointInfo } from "./endpoints";
import { ensureEnv } from "./environments";
import {
  ensureServerErrors,
  ensureValidationErrors,
  fingerprint,
  type ServerErrorInfo,
  type ValidationErrorInfo,
} from "./errors";
import { admitInstance, recordHeartbeat, recordResources } from "./instances";
import { claimReceipt } from "./receipt";
import { BIN_KIND, ErrorRollups, RequestRollups } from "./rollups";
import { epochMinute, nowSeconds, storageMinute } from "./time";
import { inTransaction } from "./transaction";

export type StoreResult = "stored" | "duplicate";

export interface SyncOpts {
  db?: Sql;
  now?: number;
  /**
   * The epoch minute before which per-minute rows are kept at hourly resolution only, at
   * `now` (foldHorizon of lib/retention/config.ts): a sync older than that is stored under
   * its hour's first minute, where retention has folded the rest of that hour.
   */
  foldHorizon: number;
}

/** Request rows per transaction of a huge sync on SQLite: about a tenth of a second of writing. */
export const SLICE_ROWS = 1000;

export async function storeSync(appId: number, env: string, p: SyncPayload, opts: SyncOpts): Promise<StoreResult> {
  const db = opts.db ?? sql();
  if (db.kind !== "sqlite" || p.requests.length <= SLICE_ROWS) return storeSlice(appId, env, p, opts, [p.messageUuid]);
  const [done] = await db.all(
    `SELECT 1 AS "x" FROM "IngestReceipt" WHERE "appId" = ? AND "kind" = 'sync' AND "uuid" = ?`,
    [appId, p.messageUuid],
  );
  if (done) return "duplicate";
  const slices = sliceSync(p);
  let pause = 0;
  for (let i = 0; i < slices.length; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, pause));
    const receipts = [`${p.messageUuid}/${i}`];
    if (i === slices.length - 1) receipts.push(p.messageUuid);
    const started = performance.now();
    await storeSlice(appId, env, slices[i], opts, receipts);
    pause = performance.now() - started;
  }
  return "stored";
}

/**
 * The sync cut into payloads of SLICE_ROWS request rows, always the same way for the same sync: the
 * first carries its errors and consumer names, the last its resource sample.
 */
function sliceSync(p: SyncPayload): SyncPayload[] {
  const slices: SyncPayload[] = [];
  for (let at = 0; at < p.requests.length; at += SLICE_ROWS) {
    const first = at === 0;
    slices.push({
      ...p,
      requests: p.requests.slice(at, at + SLICE_ROWS),
      validationErrors: first ? p.validationErrors : [],
      serverErrors: first ? p.serverErrors : [],
      consumers: first ? p.consumers : [],
      resources: at + SLICE_ROWS >= p.requests.length ? p.resources : null,
    });
  }
  return slices;
}

/** Stores `p` in one transaction unless one of `receipts` was claimed before ("duplicate"). */
async function storeSlice(
  appId: number,
  env: string,
  p: SyncPayload,
  opts: SyncOpts,
  receipts: string[],
): Promise<StoreResult> {
  const now = opts.now ?? nowSeconds();
  const seen = Math.floor(p.timestamp);
  const minute = storageMinute(epochMinute(p.timestamp), opts.foldHorizon);
  const requests = p.requests.filter((r) => r.requestCount > 0);
  const validationErrors = p.validationErrors.filter((e) => e.count > 0);
  const serverErrors = p.serverErrors.filter((e) => e.count > 0);

  // Work out what the sync names before opening the transaction, to keep it short.
  const endpoints = new Map<string, EndpointInfo>();
  const consumers = new Map<string, ConsumerSighting>();
  for (const item of [...requests, ...validationErrors, ...serverErrors]) {
    endpoints.set(endpointKey(item.method, item.path), { method: item.method, path: item.path });
    if (item.consumer && !consumers.has(item.consumer))
      consumers.set(item.consumer, { firstSeen: seen, lastSeen: seen, name: null, group: null });
  }
  for (const c of p.consumers) {
    const known = consumers.get(c.identifier);
    consumers.set(c.identifier, {
      firstSeen: seen,
      lastSeen: seen,
      name: c.name ?? known?.name ?? null,
      group: c.group ?? known?.group ?? null,
    });
  }
  const validationFps = validationErrors.map((e) =>
    fingerprint(endpointKey(e.method, e.path), JSON.stringify(e.loc), e.msg, e.type),
  );
  const serverFps = serverErrors.map((e) => fingerprint(endpointKey(e.method, e.path), e.type, e.msg));

  return inTransaction(async (db) => {
    for (const r of receipts) if (!(await claimReceipt(db, appId, "sync", r, now))) return "duplicate";
    const envId = await ensureEnv(db, appId, env);
    await recordHeartbeat(db, appId, await admitInstance(db, appId, p.instanceUuid), envId, now);
    const endpointIds = await ensureEndpoints(db, appId, endpoints, now);
    const consumerIds = await ensureConsumers(db, appId, consumers);
    const endpointId = (x: { method: string; path: string }) => endpointIds.get(endpointKey(x.method, x.path))!;
    const consumerId = (c: string | null) => (c ? consumerIds.get(c)! : 0);

    const validationInfo = new Map<string, ValidationErrorInfo>();
    validationErrors.forEach((e, i) =>
      validationInfo.set(validationFps[i], {
        endpointId: endpointId(e),
        loc: JSON.stringify(e.loc),
        msg: e.msg,
        type: e.type,
        seen,
      }),
    );
    const serverInfo = new Map<string, ServerErrorInfo>();
    serverErrors.forEach((e, i) => {
      const prior = serverInfo.get(serverFps[i]);
      serverInfo.set(serverFps[i], {
        endpointId: endpointId(e),
        type: e.type,
        msg: e.msg,
        traceback: e.traceback ?? prior?.traceback ?? null,
        sentryEventId: e.sentryEventId ?? prior?.sentryEventId ?? null,
        seen,
      });
    });
    const validationIds = await ensureValidationErrors(db, appId, validationInfo);
    const serverIds = await ensureServerErrors(db, appId, serverInfo);

    const rollups = new RequestRollups();
    for (const r of requests) {
      const e = endpointId(r);
      const c = consumerId(r.consumer);
      rollups.add(e, c, r.statusCode, r.requestCount, r.requestSizeSum, r.responseSizeSum);
      rollups.addBins(e, c, r.statusCode, BIN_KIND.responseTime, r.responseTimes);
      rollups.addBins(e, c, r.statusCode, BIN_KIND.requestSize, r.requestSizes);
      rollups.addBins(e, c, r.statusCode, BIN_KIND.responseSize, r.responseSizes);
    }
    await rollups.write(db, appId, minute, envId);

    const validationRollups = new ErrorRollups("ValidationErrorRollup");
    validationErrors.forEach((e, i) =>
      validationRollups.add(validationIds.get(validationFps[i])!, consumerId(e.consumer), e.count),
    );
    await validationRollups.write(db, appId, minute, envId);
    const serverRollups = new ErrorRollups("ServerErrorRollup");
    serverErrors.forEach((e, i) => serverRollups.add(serverIds.get(serverFps[i])!, consumerId(e.consumer), e.count));
    await serverRollups.write(db, appId, minute, envId);

    if (p.resources) await recordResources(db, appId, p.instanceUuid, seen, p.resources);
    return "stored";
  }, opts.db);
}
