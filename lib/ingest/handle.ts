// The hub endpoints' whole request → response path. Whatever a client sends ends in 202,
// 404, 413 or 422 with a JSON body, or 429 past its client ID's token bucket; a 503 is a failure
// of our own (database down) or this server's ingest slots all taken (lib/ingest/backpressure).
// The replies, route by route: docs/hub-protocol.md §2.
import { after } from "next/server";
import { AppGone } from "../store/allocate";
import { appIdByClientId } from "../store/apps";
import { storeStartup } from "../store/startup";
import { admit, hubBucket } from "./backpressure/admit";
import { readBodyAndRaw } from "./body";
import { normaliseClientId } from "./client-id";
import { normaliseEnv } from "./env";
import { BODY_LIMITS } from "./limits";
import { queueLogFile } from "./log-expander";
import { acceptLogFile } from "./log-file";
import { uuid } from "./normalise";
import { parseStartup, parseSyncInSlices } from "./parse";
import { accepted, busy, HubReply, notFound, tooManyRequests, unavailable, unprocessable } from "./responses";
import { storeSync } from "./store";
import { syncInBounds } from "./time-bounds";

export type HubRoute = "startup" | "sync" | "log";
export type HubParams = Promise<{ clientId: string; env: string }>;

export async function handleHubPost(route: HubRoute, request: Request, params: HubParams): Promise<Response> {
  try {
    const { clientId: clientIdSegment, env: envSegment } = await params;
    const { appId, clientId } = await findApp(clientIdSegment);
    const env = normaliseEnv(envSegment);
    if (env === null) {
      throw unprocessable([
        { loc: ["path", "env"], msg: "env must be 1-32 letters, digits, '_' or '-'", type: "value_error.env" },
      ]);
    }
    const fileUuid = route === "log" ? logFileUuid(request) : "";
    const admission = await admit([hubBucket(clientId)]);
    if ("refused" in admission) {
      const { status, retryAfter } = admission.refused;
      throw status === 429 ? tooManyRequests(retryAfter) : busy(retryAfter);
    }
    try {
      await storePayload(route, request, appId, env, fileUuid);
    } finally {
      admission.release();
    }
    return accepted();
  } catch (e) {
    if (e instanceof HubReply) return e.toResponse();
    if (e instanceof AppGone) return notFound().toResponse();
    // Message and code only: error details can quote stored values.
    const err = e as { message?: string; code?: string };
    console.error(`[tallyhub] ${route} ingest failed: ${err.code ?? ""} ${err.message ?? String(e)}`);
    return unavailable().toResponse();
  }
}

async function findApp(clientIdSegment: string): Promise<{ appId: number; clientId: string }> {
  const clientId = normaliseClientId(clientIdSegment);
  if (clientId === null) throw notFound();
  const appId = await appIdByClientId(clientId);
  if (appId === null) throw notFound();
  return { appId, clientId };
}

/** Reads, checks and stores one payload (or finds it already stored). */
async function storePayload(route: HubRoute, request: Request, appId: number, env: string, fileUuid: string) {
  const { body, raw } = await readRequestBody(request, route);
  if (route === "sync") await storeSync(appId, env, syncInBounds(await parseSyncInSlices(body)));
  else if (route === "startup") await storeStartup(appId, env, parseStartup(body));
  else await storeLog(appId, env, fileUuid, body, raw);
}

function logFileUuid(request: Request): string {
  const u = uuid(new URL(request.url).searchParams.get("uuid") ?? "");
  if (u === null)
    throw unprocessable([{ loc: ["query", "uuid"], msg: "uuid must be a UUID", type: "value_error.uuid" }]);
  return u;
}

async function readRequestBody(request: Request, route: HubRoute) {
  try {
    return await readBodyAndRaw(request, BODY_LIMITS[route]);
  } catch (e) {
    if (e instanceof HubReply) throw e;
    // The client went away mid-upload; nobody will read this answer.
    throw unprocessable([{ loc: ["body"], msg: "Body could not be read", type: "value_error.body" }]);
  }
}

async function storeLog(appId: number, env: string, fileUuid: string, body: Buffer, raw: Buffer) {
  if ((await acceptLogFile(appId, env, fileUuid, body, raw)) === "stored") afterResponse(appId, fileUuid);
}

function afterResponse(appId: number, fileUuid: string) {
  try {
    after(() => queueLogFile(appId, fileUuid));
  } catch {
    // Outside a request (a script calling the handler): expand now.
    void queueLogFile(appId, fileUuid);
  }
}
