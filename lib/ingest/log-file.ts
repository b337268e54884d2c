// What the /log route does with a file before its 202: only the first storable line is parsed (every line when none
// is, to say why in the 422), and the file is staged as it came; its lines are stored once the answer has gone out
// (lib/ingest/log-expander.ts). The bench times this as "stored (202)".
import { stageLogFile } from "../store/log-staging";
import type { StoreResult } from "../store/sync";
import { nowSeconds } from "../store/time";
import { eachLogLine } from "./parse";
import { unprocessable } from "./responses";
import { linesNotAhead, MAX_CLOCK_SKEW_S } from "./time-bounds";

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
  let skipped = 0;
  let ahead = 0;
  for (const line of eachLogLine(body)) {
    if (!line) skipped++;
    else if (linesNotAhead([line], now).lines.length === 0) ahead++;
    else return;
  }
  if (skipped + ahead === 0) return; // an empty file: nothing to store, nothing wrong
  const msg = ahead
    ? `None of the log lines can be stored: ${ahead} are timed ahead of the server's clock (at most ` +
      `${MAX_CLOCK_SKEW_S} s allowed)${skipped ? `, ${skipped} are not valid` : ""}`
    : `None of the ${skipped} log lines is valid`;
  throw unprocessable([{ loc: ["body"], msg, type: "value_error.log" }]);
}
