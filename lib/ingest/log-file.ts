// What the /log route does with a file before its 202: only the first storable line is parsed (every line when none
// is, to say why in the 422), and the file is staged as it came; its lines are stored once the answer has gone out
// (lib/ingest/log-expander.ts). The bench times this as "stored (202)".
import { stageLogFile } from "../store/log-staging";
import type { StoreResult } from "../store/sync";
import { nowSeconds } from "../store/time";
import { eachLogLine } from "./parse";
import { logLinesInBounds, TimeBounds } from "./time-bounds";

/** `body` is the file gunzipped, `raw` the bytes as received (what is staged). "duplicate" for a resent ?uuid=. */
export async function acceptLogFile(
  appId: number,
  env: string,
  fileUuid: string,
  body: Buffer,
  raw: Buffer,
  now = nowSeconds(),
): Promise<StoreResult> {
  assertSomeLineStorable(body, now);
  return stageLogFile(appId, env, fileUuid, raw, now);
}

function assertSomeLineStorable(body: Buffer, now: number) {
  const bounds = new TimeBounds(now);
  let skipped = 0;
  for (const line of eachLogLine(body)) {
    if (!line) skipped++;
    else if (bounds.keeps(line.ts, "logs")) return;
  }
  // No line can be stored: the 422 names what was refused (an empty file passes: nothing wrong, nothing to store).
  logLinesInBounds({ lines: [], skipped }, bounds);
}
