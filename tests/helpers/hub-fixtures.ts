// The captured client requests in tests/fixtures/hub (see docs/hub-protocol.md): loading them,
// replaying them against a Tallyhub, and adding up what they carry.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.resolve("tests/fixtures/hub");

export interface HubFixture {
  name: string; // e.g. "js-express-sync"
  endpoint: "startup" | "sync" | "log";
  env: string;
  http: { method: string; path: string; query: Record<string, string>; headers: Record<string, string> };
  /** Exactly the bytes the client sent. */
  body: Buffer;
}

export function hubFixtures(): HubFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".http.json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".http.json".length);
      const http = JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), "utf8"));
      const [, , , env, endpoint] = http.path.split("/");
      const body = readFileSync(path.join(FIXTURES_DIR, endpoint === "log" ? `${name}.raw.gz` : `${name}.json`));
      return { name, endpoint, env, http, body };
    });
}

export const fixture = (name: string) => hubFixtures().find((f) => f.name === name)!;

export const fixtureJson = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(fixture(name).body.toString("utf8"));

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
