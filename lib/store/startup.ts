// Stores a /startup payload. It is idempotent (a repeat marks and clears the same routes), so a repeated startup —
// js sends a fresh message_uuid on every attempt — needs no receipt. Its route list is authoritative for its
// environment: routes it no longer lists lose their startup mark (lib/store/endpoints.ts says how with several).
import type { Sql } from "../db";
import type { StartupPayload } from "../model/payloads";
import { clearStartupMarks, endpointKey, recordStartupEndpoints, type EndpointInfo } from "./endpoints";
import { ensureEnv } from "./environments";
import { admitInstance, recordStartupInstance } from "./instances";
import { nowSeconds } from "./time";
import { inTransaction } from "./transaction";

export async function storeStartup(
  appId: number,
  env: string,
  p: StartupPayload,
  opts: { db?: Sql; now?: number } = {},
) {
  const now = opts.now ?? nowSeconds();
  const endpoints = new Map<string, EndpointInfo>();
  for (const route of p.paths) {
    const key = endpointKey(route.method, route.path);
    const prior = endpoints.get(key);
    endpoints.set(key, {
      ...route,
      summary: route.summary ?? prior?.summary,
      description: route.description ?? prior?.description,
    });
  }
  await inTransaction(async (db) => {
    const envId = await ensureEnv(db, appId, env);
    await recordStartupInstance(
      db,
      appId,
      { uuid: await admitInstance(db, appId, p.instanceUuid), envId, client: p.client, versions: p.versions },
      now,
    );
    // A startup listing no routes comes from a client that cannot enumerate them (or an OTLP startup event that
    // could not be read): it says nothing about which routes are gone.
    if (endpoints.size > 0) await clearStartupMarks(db, appId, envId);
    await recordStartupEndpoints(db, appId, endpoints, now);
    if (p.openapi) {
      await db.run(
        `INSERT INTO "AppSpec" ("appId", "envId", "openapi", "updatedAt") VALUES (?, ?, ?, ?)
         ON CONFLICT ("appId", "envId")
         DO UPDATE SET "openapi" = excluded."openapi", "updatedAt" = excluded."updatedAt"`,
        [appId, envId, p.openapi, now],
      );
    }
  }, opts.db);
}
