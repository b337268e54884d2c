// Bytes → validated, normalised payloads. A payload that does not fit is refused whole
// with 422 naming the bad fields; a /log file keeps its good lines and skips broken ones.
import type { z } from "zod";
import type { LogLine, StartupPayload, SyncPayload } from "../model/payloads";
import { ITEMS_MAX } from "./limits";
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

function jsonObject(body: Buffer): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw unprocessable([{ loc: ["body"], msg: "Body is not valid JSON", type: "json_invalid" }]);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw unprocessable([{ loc: ["body"], msg: "Body must be a JSON object", type: "object_type" }]);
  }
  return json as Record<string, unknown>;
}

function validate<S extends z.ZodType>(json: unknown, schema: S): z.output<S> {
  const r = schema.safeParse(json);
  if (!r.success) throw unprocessable(issuesToDetail(r.error.issues));
  return r.data;
}

export const parseSync = (body: Buffer): SyncPayload => validate(jsonObject(body), syncSchema);
export const parseStartup = (body: Buffer): StartupPayload => validate(jsonObject(body), startupSchema);

/** Items of a sync's lists checked in one turn of the event loop by parseSyncInSlices. */
export const SYNC_SLICE = 1000;

const SYNC_LIST_MAX = {
  requests: ITEMS_MAX.requests,
  validation_errors: ITEMS_MAX.validationErrors,
  server_errors: ITEMS_MAX.serverErrors,
  consumers: ITEMS_MAX.consumers,
};
const SYNC_LISTS = Object.keys(SYNC_LIST_MAX) as (keyof typeof SYNC_LIST_MAX)[];

/**
 * parseSync for the hub route. Validating a sync near the body limit (30,000 request rows) takes
 * a third of a second, which every dashboard request would wait for (issue 14's stall). So a sync
 * with a list longer than `slice` is validated as several payloads, each with the same head and
 * the next `slice` items of every list, yielding between them; the parts are then joined. Same
 * schema, same result; a refusal names the first slice's problems, with their indexes in the whole.
 */
export async function parseSyncInSlices(body: Buffer, slice = SYNC_SLICE): Promise<SyncPayload> {
  const json = jsonObject(body);
  const lists = SYNC_LISTS.map((key) => json[key]);
  const longest = Math.max(0, ...lists.map((l) => (Array.isArray(l) ? l.length : 0)));
  // Anything but arrays within their limits goes through the whole schema, which words the refusal.
  if (longest <= slice || SYNC_LISTS.some((key) => notAList(json[key], SYNC_LIST_MAX[key])))
    return validate(json, syncSchema);

  let joined: SyncPayload | null = null;
  for (let start = 0; start < longest; start += slice) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const part: Record<string, unknown> = { ...json };
    SYNC_LISTS.forEach((key, i) => (part[key] = Array.isArray(lists[i]) ? lists[i].slice(start, start + slice) : []));
    const r = syncSchema.safeParse(part);
    if (!r.success) throw unprocessable(issuesToDetail(r.error.issues.map((i) => offsetIssue(i, start))));
    joined = joined ? joinSyncs(joined, r.data) : r.data;
  }
  return joined!;
}

const notAList = (l: unknown, max: number) => l != null && (!Array.isArray(l) || l.length > max);

function offsetIssue(issue: z.core.$ZodIssue, start: number): z.core.$ZodIssue {
  const [key, index, ...rest] = issue.path;
  if (typeof index !== "number" || !SYNC_LISTS.includes(key as never)) return issue;
  return { ...issue, path: [key, index + start, ...rest] };
}

const joinSyncs = (a: SyncPayload, b: SyncPayload): SyncPayload => ({
  ...a,
  requests: a.requests.concat(b.requests),
  validationErrors: a.validationErrors.concat(b.validationErrors),
  serverErrors: a.serverErrors.concat(b.serverErrors),
  consumers: a.consumers.concat(b.consumers),
});

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
