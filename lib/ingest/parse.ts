// Bytes → validated, normalised payloads. A payload that does not fit is refused whole
// with 422 naming the bad fields; a /log file keeps its good lines and skips broken ones.
import type { z } from "zod";
import type { LogLine, StartupPayload, SyncPayload } from "../model/payloads";
import { unprocessable, type ErrorDetail } from "./responses";
import { logLineSchema } from "./schemas/log-line";
import { startupSchema } from "./schemas/startup";
import { syncSchema } from "./schemas/sync";

const MAX_DETAILS = 20;

export function issuesToDetail(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.slice(0, MAX_DETAILS).map((i) => ({
    loc: ["body", ...i.path.map((p) => (typeof p === "number" ? p : String(p).slice(0, 64)))],
    msg: i.message,
    type: i.code ?? "invalid",
  }));
}

function parseJson<S extends z.ZodType>(body: Buffer, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw unprocessable([{ loc: ["body"], msg: "Body is not valid JSON", type: "json_invalid" }]);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw unprocessable([{ loc: ["body"], msg: "Body must be a JSON object", type: "object_type" }]);
  }
  const r = schema.safeParse(json);
  if (!r.success) throw unprocessable(issuesToDetail(r.error.issues));
  return r.data;
}

export const parseSync = (body: Buffer): SyncPayload => parseJson(body, syncSchema);
export const parseStartup = (body: Buffer): StartupPayload => parseJson(body, startupSchema);

export function parseLogFile(body: Buffer): { lines: LogLine[]; skipped: number } {
  const lines: LogLine[] = [];
  let skipped = 0;
  for (const line of eachLogLine(body)) {
    if (line) lines.push(line);
    else skipped++;
  }
  return { lines, skipped };
}

/** Each non-blank line of an NDJSON log file, parsed, or null when it is not a valid log line. */
export function* eachLogLine(body: Buffer): Generator<LogLine | null> {
  for (const raw of body.toString("utf8").split("\n")) {
    if (raw.trim() === "") continue;
    try {
      const r = logLineSchema.safeParse(JSON.parse(raw));
      yield r.success ? r.data : null;
    } catch {
      // Broken JSON, or a structure too deep to store.
      yield null;
    }
  }
}
