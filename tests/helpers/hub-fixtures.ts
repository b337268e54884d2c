// The captured client requests in tests/fixtures/hub (see docs/hub-protocol.md): loading them,
// replaying them against a Tallyhub, and adding up what they carry.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

export const FIXTURES_DIR = path.resolve("tests/fixtures/hub");

export interface HubFixture {
  name: string; // e.g. "js-express-sync"
  endpoint: "startup" | "sync" | "log";
  env: string;
  http: { method: string; path: string; query: Record<string, string>; headers: Record<string, string> };
  /** The bytes the client sent; with its times moved by REPLAY_SHIFT_S unless read as "captured". */
  body: Buffer;
}

/** The last time in the captures (the Flask client's shutdown sync, 2026-11-28 20:34 UTC). */
const CAPTURED_UNTIL = 1795898054;

/**
 * Seconds to add to the times of captures that end at `capturedUntil` so that they are recent, as a client sending them
 * today: the server refuses data older than it keeps (15 days of request logs). Whole days, so minutes, hours and days
 * fall alike; the captures land 2 to 26 hours ago, so data generated up to 2 hours after them is not in the future.
 */
export const recentShift = (capturedUntil: number) =>
  Math.max(0, Math.floor((Date.now() / 1000 - 2 * 3600 - capturedUntil) / 86_400)) * 86_400;

/** The shift of the hub captures' times on replay. */
export const REPLAY_SHIFT_S = recentShift(CAPTURED_UNTIL);

/** A time of the captures' day (2026-11-28 UTC), moved as the replayed captures are: epoch seconds. */
export const onCaptureDay = (hour: number, minute = 0) => Date.UTC(2026, 10, 28, hour, minute) / 1000 + REPLAY_SHIFT_S;

/** The dashboard's `from`/`to` parameters of a period given in epoch seconds (to the minute). */
export const periodParams = (from: number, to: number) =>
  `from=${new Date(from * 1000).toISOString().slice(0, 16)}Z&to=${new Date(to * 1000).toISOString().slice(0, 16)}Z`;

// Times in the hub payloads: epoch seconds (sync, request and app-log "timestamp") and nanoseconds (js span times).
const SECONDS = /("timestamp":\s*)(\d+)(\.\d+)?/g;
const NANOS = /("(?:start_?[tT]ime|end_?[tT]ime)":\s*"?)(\d{19})/g;

/** JSON text with its times moved by `by` seconds, every other byte kept. */
export function shiftTimes(text: string, by = REPLAY_SHIFT_S): string {
  return text
    .replace(SECONDS, (_, key: string, whole: string, frac = "") => `${key}${BigInt(whole) + BigInt(by)}${frac}`)
    .replace(NANOS, (_, key: string, ns: string) => `${key}${BigInt(ns) + BigInt(by) * 1_000_000_000n}`);
}

const shiftBody = (endpoint: HubFixture["endpoint"], body: Buffer) =>
  endpoint === "log"
    ? gzipSync(shiftTimes(gunzipSync(body).toString("utf8")))
    : Buffer.from(shiftTimes(body.toString("utf8")));

/** The fixtures with their times moved to recent ones (default), or exactly as captured. */
export function hubFixtures(times: "recent" | "captured" = "recent"): HubFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".http.json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".http.json".length);
      const http = JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), "utf8"));
      const [, , , env, endpoint] = http.path.split("/");
      const body = readFileSync(path.join(FIXTURES_DIR, endpoint === "log" ? `${name}.raw.gz` : `${name}.json`));
      return { name, endpoint, env, http, body: times === "captured" ? body : shiftBody(endpoint, body) };
    });
}

export const fixture = (name: string, times: "recent" | "captured" = "recent") =>
  hubFixtures(times).find((f) => f.name === name)!;

export const fixtureJson = <T = Record<string, unknown>>(name: string, times: "recent" | "captured" = "recent"): T =>
  JSON.parse(fixture(name, times).body.toString("utf8"));

/** Replays a fixture with the given client id (and env) in place of the captured ones. */
export async function replay(baseUrl: string, f: HubFixture, clientId: string, env = f.env): Promise<Response> {
  const query = new URLSearchParams(f.http.query).toString();
  const headers = { ...f.http.headers };
  // fetch sets these itself; the captured values name the capture host.
  for (const h of ["host", "connection", "content-length", "transfer-encoding", "accept-encoding"]) delete headers[h];
  return fetch(`${baseUrl}/v2/${clientId}/${env}/${f.endpoint}${query ? `?${query}` : ""}`, {
    method: "POST",
    headers,
    body: new Uint8Array(f.body),
  });
}

type Histogram = Record<string, number>;
interface SyncRequestJson {
  consumer?: string | null;
  method: string;
  path: string;
  status_code: number;
  request_count: number;
  request_size_sum: number;
  response_size_sum: number;
  response_times: Histogram;
  request_sizes: Histogram;
  response_sizes: Histogram;
}
export interface SyncJson {
  timestamp: number;
  requests: SyncRequestJson[];
  validation_errors?: { error_count: number }[];
  server_errors?: { error_count: number }[];
  consumers?: { identifier: string; name?: string | null; group?: string | null }[];
}

/** What a sync adds up to: the numbers the stored rollups must equal. */
export function syncTotals(s: SyncJson) {
  const bins = [0, 0, 0];
  for (const r of s.requests) {
    [r.response_times, r.request_sizes, r.response_sizes].forEach((h, kind) => {
      for (const n of Object.values(h)) bins[kind] += n;
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    requests: sum(s.requests.map((r) => r.request_count)),
    requestBytes: sum(s.requests.map((r) => r.request_size_sum)),
    responseBytes: sum(s.requests.map((r) => r.response_size_sum)),
    responseTimeBins: bins[0],
    requestSizeBins: bins[1],
    responseSizeBins: bins[2],
    validationErrors: sum((s.validation_errors ?? []).map((e) => e.error_count)),
    serverErrors: sum((s.server_errors ?? []).map((e) => e.error_count)),
  };
}
