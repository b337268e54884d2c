// The captured OTLP exports of the real apitally-py 1.x in tests/fixtures/otlp (see its
// README): loading them and replaying them against a Tallyhub with an app's write token.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const OTLP_FIXTURES_DIR = path.resolve("tests/fixtures/otlp/apitally-py-1.x");

export interface OtlpFixture {
  name: string; // e.g. "003-traces"
  signal: "traces" | "metrics" | "logs";
  headers: Record<string, string>;
  /** Exactly the bytes the SDK sent (gzip). */
  body: Buffer;
}

/** The exports in the order they were sent; `run` is "" or "concatenated-batches". */
export function otlpFixtures(run = ""): OtlpFixture[] {
  const dir = path.join(OTLP_FIXTURES_DIR, run);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".http.json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".http.json".length);
      const http = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { path: string; headers: [string, string][] };
      const headers = Object.fromEntries(http.headers.map(([k, v]) => [k.toLowerCase(), v]));
      return {
        name,
        signal: http.path.split("/")[2] as OtlpFixture["signal"],
        headers,
        body: readFileSync(path.join(dir, `${name}.bin`)),
      };
    });
}

/** Replays an export with the given write token in place of the captured one. */
export function replayOtlp(
  baseUrl: string,
  f: OtlpFixture,
  writeToken: string,
  overrides: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...f.headers, authorization: `Bearer ${writeToken}`, ...overrides };
  // fetch sets these itself; the captured values name the capture host.
  for (const h of ["host", "connection", "content-length", "accept-encoding"]) delete headers[h];
  return fetch(`${baseUrl}/v1/${f.signal}`, { method: "POST", headers, body: new Uint8Array(f.body) });
}

/** When the captured requests were served (epoch ms): the read models are asked about that time. */
export const CAPTURED_AT = Date.parse("2026-11-30T04:13:00Z");
