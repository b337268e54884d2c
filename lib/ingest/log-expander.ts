// Turns staged /log files (lib/store/log-staging.ts) into request logs: gunzip, parse, store the lines and delete the
// file in one transaction. The /log route queues its file here to run after its 202 has gone out; the monitor tick
// and the server's start pick up what is left (a crash, a lost lease, another server's queue). The client already
// has its 202, so a line that does not parse is counted and logged, never answered.
import { sql, type Sql } from "../db";
import { claimLogFile, storeClaimedLogFile, unclaimedLogFiles, type StagedLogFile } from "../store/log-staging";
import { inflate, isGzip } from "./body";
import { BODY_LIMITS } from "./limits";
import { parseLogFile } from "./parse";
import { TimeBounds } from "./time-bounds";

/** Long enough for the slowest expansion on a loaded machine; a crashed expander's file waits this long. */
export const LEASE_MS = 120_000;
/** A file whose expansion failed this often (the database refused it every time) is dropped, with an error logged. */
const MAX_ATTEMPTS = 10;
/** Files a pass takes at most: the next tick takes the rest. */
const PASS_FILES = 100;

export interface ExpandReport {
  files: number;
  lines: number;
  /** Lines that are not valid log lines. */
  skipped: number;
  /** Lines timed outside what the server keeps (ahead of its clock or before log retention). */
  outside: number;
}

const none = (): ExpandReport => ({ files: 0, lines: 0, skipped: 0, outside: 0 });

/** Expands one staged file, unless another expander holds it or it is gone. */
export async function expandLogFile(
  appId: number,
  fileUuid: string,
  opts: { db?: Sql; nowMs?: number } = {},
): Promise<ExpandReport> {
  const db = opts.db ?? sql();
  const file = await claimLogFile(db, appId, fileUuid, opts.nowMs ?? Date.now(), LEASE_MS);
  return file ? expandClaimed(db, file) : none();
}

/** One pass over the staged files no expander holds, oldest first. */
export async function expandPendingLogFiles(nowMs = Date.now(), db: Sql = sql()): Promise<ExpandReport> {
  const report = none();
  for (const f of await unclaimedLogFiles(db, nowMs, PASS_FILES)) {
    const r = await expandLogFile(f.appId, f.fileUuid, { db, nowMs }).catch((e) => failed(f.fileUuid, e));
    report.files += r.files;
    report.lines += r.lines;
    report.skipped += r.skipped;
    report.outside += r.outside;
  }
  return report;
}

let queue: Promise<unknown> = Promise.resolve();

/** Expands the file after what this process already queued: one file at a time, so a burst cannot pile up parses. */
export function queueLogFile(appId: number, fileUuid: string): Promise<unknown> {
  queue = queue.then(() => expandLogFile(appId, fileUuid).catch((e) => failed(fileUuid, e)));
  return queue;
}

/** The file stays staged: the monitor tick takes it again once the lease ends. Message and code only, as ingest logs. */
function failed(fileUuid: string, e: unknown): ExpandReport {
  const err = e as { message?: string; code?: string };
  console.error(`[tallyhub] log file ${fileUuid}: expansion failed: ${err.code ?? ""} ${err.message ?? String(e)}`);
  return none();
}

async function expandClaimed(db: Sql, file: StagedLogFile): Promise<ExpandReport> {
  if (file.attempts > MAX_ATTEMPTS) {
    await storeClaimedLogFile(db, file, []);
    console.error(`[tallyhub] log file ${file.fileUuid}: dropped after ${MAX_ATTEMPTS} failed expansions`);
    return none();
  }
  const parsed = parseLogFile(await bodyText(file));
  // Bounds as at arrival: a file expanded late keeps what the route would have kept.
  const bounds = new TimeBounds(file.receivedAt);
  const lines = parsed.lines.filter((l) => bounds.keeps(l.ts, "logs"));
  if ((await storeClaimedLogFile(db, file, lines)) === "lost") return none();
  const notes = [...bounds.refusals(), ...(parsed.skipped ? [`${parsed.skipped} line(s) not valid`] : [])];
  if (notes.length) console.warn(`[tallyhub] log file ${file.fileUuid}: skipped ${notes.join(", ")}`);
  return { files: 1, lines: lines.length, skipped: parsed.skipped, outside: bounds.refusedCount() };
}

async function bodyText(file: StagedLogFile): Promise<Buffer> {
  if (!isGzip(file.body)) return file.body;
  try {
    return await inflate(file.body, BODY_LIMITS.log.decompressed);
  } catch {
    // The route inflated this file before staging it; only a change of limits since could refuse it now.
    return Buffer.alloc(0);
  }
}
