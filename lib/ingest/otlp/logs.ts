// A logs export → the request-scoped application logs (linked to their request by trace id
// + `apitally.request.server_span_id`) and Apitally's startup event (routes, versions,
// OpenAPI). Log records that are neither are not kept, as Apitally does.
import { createHash } from "node:crypto";
import type { AppLog, LogsBatch, Sender } from "../../model/otlp";
import type { StartupPayload } from "../../model/payloads";
import { cleanText } from "../normalise";
import { firstInt, firstStr } from "./attributes";
import { asStartup } from "./hub-shape";
import { requestUuid, sender } from "./resource";
import type { LogsExport, OtlpLogRecord } from "./schema";

const STARTUP_EVENT = "apitally.app.startup";
const SERVER_SPAN_ID = /^[0-9a-f]{16}$/;
const MESSAGE_MAX = 2048;
const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];

export function readLogs(exp: LogsExport, headerEnv: string | null): LogsBatch {
  const batch: LogsBatch = { startups: [], appLogs: [] };
  for (const rl of exp.resourceLogs) {
    const s = sender(rl.resource, headerEnv);
    for (const sl of rl.scopeLogs) {
      for (const r of sl.logRecords) {
        const eventName = r.eventName || firstStr(r.attributes, "event.name");
        if (sl.scope.name === "apitally" && eventName === STARTUP_EVENT) {
          batch.startups.push({ sender: s, startup: startup(s, r) });
          continue;
        }
        const serverSpanId = firstStr(r.attributes, "apitally.request.server_span_id")?.toLowerCase();
        const ts = r.timeUnixNano || r.observedTimeUnixNano;
        const message = messageOf(r);
        if (!r.traceId || !serverSpanId || !SERVER_SPAN_ID.test(serverSpanId) || !ts || !message) continue;
        const line = firstInt(r.attributes, "code.line.number", "code.lineno");
        const log: Omit<AppLog, "id"> = {
          requestUuid: requestUuid(r.traceId, serverSpanId),
          ts,
          logger: sl.scope.name ? cleanText(sl.scope.name, 256) : null,
          level: levelOf(r.severityNumber),
          message: cleanText(message, MESSAGE_MAX),
          file: cleanFile(firstStr(r.attributes, "code.file.path", "code.filepath")),
          line: line !== null && line >= 1 && line <= 65535 ? line : null,
          spanId: r.spanId || null,
        };
        batch.appLogs.push({ ...log, id: createHash("sha256").update(JSON.stringify(log)).digest("hex").slice(0, 32) });
      }
    }
  }
  return batch;
}

const cleanFile = (f: string | null) => (f ? cleanText(f, 1024) : null);

function messageOf(r: OtlpLogRecord): string {
  const b = r.body;
  if (b === undefined || b === null) return "";
  return typeof b === "string" ? b : JSON.stringify(b);
}

/**
 * OpenTelemetry severity numbers come in fours: 1–4 trace … 21–24 fatal; 0 is none. JSON may name them
 * (SEVERITY_NUMBER_WARN2).
 */
function levelOf(n: number | string | undefined): string | null {
  if (typeof n === "string") {
    const name = /^SEVERITY_NUMBER_([A-Z]+)\d?$/.exec(n)?.[1]?.toLowerCase();
    return name && LEVELS.includes(name) ? name : null;
  }
  return n !== undefined && n >= 1 && n <= 24 ? LEVELS[Math.floor((n - 1) / 4)] : null;
}

function startup(s: Sender, r: OtlpLogRecord): StartupPayload {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = typeof r.body === "string" ? JSON.parse(r.body) : r.body;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    // A startup event we cannot read still tells that the instance started.
  }
  const paths = Array.isArray(body.paths) ? body.paths : [];
  const versions = typeof body.versions === "object" && body.versions !== null ? body.versions : {};
  const framework = typeof body.framework === "string" ? body.framework : null;
  return asStartup({
    instance_uuid: s.instanceUuid,
    paths,
    versions,
    client: framework ? `${s.client ?? "otlp"} ${framework}` : s.client,
    openapi: typeof body.openapi === "string" ? body.openapi : null,
  });
}
