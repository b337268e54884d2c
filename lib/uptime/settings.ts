// What admins change on the Uptime page: an environment's heartbeat and its health check.
// Turning monitoring off (or removing the check) while down closes the open incident, so the
// state columns the alert rules read never stay "down" for something no longer watched.
import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import type { AppForUser } from "@/lib/apps/access";
import { sql } from "@/lib/db";
import { dbTimestamp, nowSeconds } from "@/lib/store/time";
import { inTransaction } from "@/lib/store/transaction";
import { invalid, ok } from "@/lib/validations/result";
import { deleteHealthCheckSchema, healthCheckSchema, heartbeatSchema } from "@/lib/validations/uptime";
import { keepMaskedValues, parseStoredHeaders } from "./headers";
import { HEARTBEAT_OFF_NOTE } from "./heartbeat";
import { closeIncident } from "./incidents";

const CHECK_OFF_NOTE = " (closed: health check turned off)";
const CHECK_REMOVED_NOTE = " (closed: health check removed)";

function requireEnv(app: AppForUser, envId: number | null) {
  const env = app.environments.find((e) => e.id === envId);
  if (!env) notFound();
  return env;
}

export const setHeartbeat = appAction("configure", heartbeatSchema, async ({ app, input }) => {
  const env = requireEnv(app, input.envId);
  await inTransaction(async (tx) => {
    await tx.run(
      `UPDATE "Environment" SET "heartbeatEnabled" = ?, "heartbeatSeconds" = ? WHERE "appId" = ? AND "id" = ?`,
      [input.heartbeatEnabled, input.heartbeatSeconds, app.id, env.id],
    );
    if (!input.heartbeatEnabled)
      await closeIncident(tx, "heartbeat", app.id, env.id, null, nowSeconds(), HEARTBEAT_OFF_NOTE);
  });
  return ok({ env: env.name, enabled: input.heartbeatEnabled, seconds: input.heartbeatSeconds });
});

export const saveHealthCheck = appAction("configure", healthCheckSchema, async ({ app, input }) => {
  const env = requireEnv(app, input.envId);
  const [saved] = await sql().all<{ headers: string | null }>(
    `SELECT "headers" FROM "HealthCheck" WHERE "appId" = ? AND "envId" = ?`,
    [app.id, env.id],
  );
  const { headers, missing } = keepMaskedValues(input.headers, parseStoredHeaders(saved?.headers ?? null));
  if (missing.length) return invalid({ headers: [`Type the value of ${missing.join(", ")}: it has none saved.`] });
  await inTransaction(async (tx) => {
    // nextRunAt 0: the next monitoring tick runs it, so the page shows a result within seconds.
    await tx.run(
      `INSERT INTO "HealthCheck" ("appId", "envId", "url", "method", "intervalSeconds", "timeoutMs", "expectedStatus",
         "bodyContains", "headers", "enabled", "nextRunAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
       ON CONFLICT ("appId", "envId") DO UPDATE SET "url" = excluded."url", "method" = excluded."method",
         "intervalSeconds" = excluded."intervalSeconds", "timeoutMs" = excluded."timeoutMs",
         "expectedStatus" = excluded."expectedStatus", "bodyContains" = excluded."bodyContains",
         "headers" = excluded."headers", "enabled" = excluded."enabled", "nextRunAt" = 0`,
      [
        app.id,
        env.id,
        input.url,
        input.method,
        input.intervalSeconds,
        input.timeoutSeconds * 1000,
        input.expectedStatus,
        input.bodyContains,
        headers.length ? JSON.stringify(headers) : null,
        input.enabled,
        dbTimestamp(),
      ],
    );
    if (!input.enabled) await closeIncident(tx, "health", app.id, env.id, null, nowSeconds(), CHECK_OFF_NOTE);
  });
  return ok({ env: env.name, enabled: input.enabled });
});

export const deleteHealthCheck = appAction("configure", deleteHealthCheckSchema, async ({ app, input }) => {
  const env = requireEnv(app, input.envId);
  await inTransaction(async (tx) => {
    await closeIncident(tx, "health", app.id, env.id, null, nowSeconds(), CHECK_REMOVED_NOTE);
    await tx.run(`DELETE FROM "HealthCheck" WHERE "appId" = ? AND "envId" = ?`, [app.id, env.id]);
    await tx.run(`DELETE FROM "HealthCheckResult" WHERE "appId" = ? AND "envId" = ?`, [app.id, env.id]);
  });
  return ok({ env: env.name });
});
