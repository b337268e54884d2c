// The OTLP/HTTP endpoints' whole request → response path (/v1/traces, /v1/metrics, /v1/logs).
// Whatever a client sends ends in 200, 400, 401, 413, 415 or 429; a 503 is a failure of our own
// (database down) or this server's ingest slots all taken (lib/ingest/backpressure), which
// exporters retry (docs/hub-protocol.md §7).
import { createHash } from "node:crypto";
import type { z } from "zod";
import { AppGone } from "../../store/allocate";
import { appIdByWriteToken } from "../../store/apps";
import { storeOtlpLogs } from "../../store/otlp";
import { admit } from "../backpressure/admit";
import { readBody } from "../body";
import { HubReply } from "../responses";
import { storeOtlpMetrics, storeOtlpTraces } from "../store";
import { otlpLogsInBounds, otlpMetricsInBounds, otlpTracesInBounds, TimeBounds } from "../time-bounds";
import { decodeOtlp, type Encoding, type Signal } from "./decode";
import { readLogs } from "./logs";
import { readMetrics } from "./metrics";
import { retryAfter } from "./rate-limit";
import {
  badRequest,
  busy,
  exported,
  OtlpReply,
  tooLarge,
  tooManyRequests,
  unauthorized,
  unavailable,
  unsupportedMediaType,
} from "./responses";
import { logsExportSchema, metricsExportSchema, OTLP_ITEMS_MAX, tracesExportSchema } from "./schema";
import { readTraces } from "./traces";

const MiB = 1024 * 1024;
// Apitally's receiver: 4 MiB on the wire, 16 MiB once inflated.
export const OTLP_BODY_LIMITS = { compressed: 4 * MiB, decompressed: 16 * MiB };

const WRITE_TOKEN = /^apt_[A-Za-z0-9]{24}$/;

export async function handleOtlpPost(signal: Signal, request: Request): Promise<Response> {
  const encoding = encodingOf(request.headers.get("content-type"));
  try {
    if (encoding === null) throw unsupportedMediaType();
    const contentEncoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
    if (contentEncoding !== "gzip" && contentEncoding !== "identity")
      throw badRequest("Content-Encoding must be gzip or identity");
    const appId = await findAppByToken(request.headers.get("authorization"));
    // Apitally's own per-app, per-signal windows first; then one of the ingest slots the hub routes share.
    const wait = retryAfter(appId, signal);
    if (wait > 0) throw tooManyRequests(wait);
    const admission = await admit([]);
    if ("refused" in admission) throw busy(admission.refused.retryAfter);
    const bounds = new TimeBounds();
    try {
      await storeExport(signal, request, appId, encoding, bounds);
    } finally {
      admission.release();
    }
    const rejected = bounds.refusedCount();
    return exported(
      encoding,
      rejected ? { signal, rejected, message: `Not stored: ${bounds.refusals().join(", ")}` } : null,
    );
  } catch (e) {
    if (e instanceof OtlpReply) return e.toResponse(encoding ?? "protobuf");
    if (e instanceof AppGone) return unauthorized().toResponse(encoding ?? "protobuf");
    // Message and code only: error details can quote stored values.
    const err = e as { message?: string; code?: string };
    console.error(`[tallyhub] otlp ${signal} ingest failed: ${err.code ?? ""} ${err.message ?? String(e)}`);
    return unavailable().toResponse(encoding ?? "protobuf");
  }
}

/** Reads, decodes, checks and stores one export (or finds it already stored). */
/** Stores what of the export is inside `bounds`; the parts left out are counted there for the reply. */
async function storeExport(signal: Signal, request: Request, appId: number, encoding: Encoding, bounds: TimeBounds) {
  const body = await readOtlpBody(request);
  const receipt = createHash("sha256").update(signal).update(body).digest("hex");
  const headerEnv = request.headers.get("apitally-env");
  const raw = decodeOtlp(signal, body, encoding);
  if (signal === "metrics") {
    const exp = parse(metricsExportSchema, raw);
    const instances = readMetrics(exp, headerEnv, receipt, bounds.now);
    await storeOtlpMetrics(appId, receipt, otlpMetricsInBounds(instances, bounds), { now: bounds.now });
  } else if (signal === "traces") {
    const exp = parse(tracesExportSchema, raw);
    const instances = readTraces(exp, headerEnv, receipt);
    await storeOtlpTraces(appId, receipt, otlpTracesInBounds(instances, bounds), { now: bounds.now });
  } else {
    const batch = readLogs(parse(logsExportSchema, raw), headerEnv);
    await storeOtlpLogs(appId, receipt, otlpLogsInBounds(batch, bounds), { now: bounds.now });
  }
}

function encodingOf(contentType: string | null): Encoding | null {
  const type = contentType?.split(";")[0].trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return null;
}

async function findAppByToken(authorization: string | null): Promise<number> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token || !WRITE_TOKEN.test(token)) throw unauthorized();
  const appId = await appIdByWriteToken(token);
  if (appId === null) throw unauthorized();
  return appId;
}

async function readOtlpBody(request: Request): Promise<Buffer> {
  try {
    // A cut gzip stream is a broken export here (the hub's log files keep what they hold).
    return await readBody(request, OTLP_BODY_LIMITS, { partialGzip: false });
  } catch (e) {
    // The hub's body reader answers in its own shape: keep the status where OTLP has the same, else 400.
    if (e instanceof HubReply)
      throw e.status === 413
        ? tooLarge("Body is larger than 4 MiB, or inflates to more than 16 MiB")
        : badRequest("Body is not a valid gzip stream");
    throw badRequest("Body could not be read");
  }
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    if (i.code === "too_big" && i.origin === "array")
      throw tooLarge(`Too many items at ${i.path.join(".")} (at most ${OTLP_ITEMS_MAX.items} per list)`);
    throw badRequest(`Invalid export at ${i.path.slice(0, 12).join(".") || "body"}: ${i.message}`);
  }
  const items = countItems(r.data);
  if (items > OTLP_ITEMS_MAX.items)
    throw tooLarge(`Too many data points, spans or log records (${items}; at most ${OTLP_ITEMS_MAX.items})`);
  return r.data;
}

/** Data points, spans and log records in an export, whichever it is. */
function countItems(exp: unknown): number {
  let n = 0;
  const e = exp as {
    resourceMetrics?: {
      scopeMetrics: {
        metrics: {
          gauge?: { dataPoints: unknown[] };
          sum?: { dataPoints: unknown[] };
          exponentialHistogram?: { dataPoints: unknown[] };
        }[];
      }[];
    }[];
    resourceSpans?: { scopeSpans: { spans: unknown[] }[] }[];
    resourceLogs?: { scopeLogs: { logRecords: unknown[] }[] }[];
  };
  for (const r of e.resourceMetrics ?? [])
    for (const s of r.scopeMetrics)
      for (const m of s.metrics)
        n +=
          (m.gauge?.dataPoints.length ?? 0) +
          (m.sum?.dataPoints.length ?? 0) +
          (m.exponentialHistogram?.dataPoints.length ?? 0);
  for (const r of e.resourceSpans ?? []) for (const s of r.scopeSpans) n += s.spans.length;
  for (const r of e.resourceLogs ?? []) for (const s of r.scopeLogs) n += s.logRecords.length;
  return n;
}
