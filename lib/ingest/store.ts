// The store's writers that take the fold horizon, with the horizon of the retention settings
// passed in: lib/store never reads the settings itself. The hub and OTLP handlers, the demo
// seeding and the scripts store syncs through here.
import type { Sql } from "../db";
import type { InstanceMetrics, InstanceTraces } from "../model/otlp";
import type { SyncPayload } from "../model/payloads";
import { foldHorizon } from "../retention/config";
import * as otlp from "../store/otlp";
import * as sync from "../store/sync";
import { nowSeconds } from "../store/time";

export type { StoreResult } from "../store/sync";

type Opts = { db?: Sql; now?: number };

/** The time of storing (now, unless given) and the fold horizon at that time. */
function at(opts: Opts) {
  const now = opts.now ?? nowSeconds();
  return { ...opts, now, foldHorizon: foldHorizon(now) };
}

export async function storeSync(appId: number, env: string, p: SyncPayload, opts: Opts = {}) {
  return sync.storeSync(appId, env, p, at(opts));
}

export async function storeOtlpMetrics(appId: number, receipt: string, instances: InstanceMetrics[], opts: Opts = {}) {
  return otlp.storeOtlpMetrics(appId, receipt, instances, at(opts));
}

export async function storeOtlpTraces(appId: number, receipt: string, instances: InstanceTraces[], opts: Opts = {}) {
  return otlp.storeOtlpTraces(appId, receipt, instances, at(opts));
}
