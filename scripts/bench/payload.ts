// /sync bodies as the official clients send them (docs/hub-protocol.md §4, captures in tests/fixtures/hub/*-sync.json):
// one busy minute of the demo traffic (lib/demo/traffic.ts) of an app with 100 endpoints and 400 consumers, rows of
// many endpoints × consumers × statuses with histograms of several bins, validation and server errors. A template
// holds the serialised rows, so the load generator only splices in a timestamp and UUIDs per sync and stays cheap
// next to the server it measures (both share the machine's cores).
import { gzipSync } from "node:zlib";
import { DemoTraffic } from "../../lib/demo/traffic";

/** The app the bench's bodies describe, OTLP exports included: one catalog of endpoints and consumers. */
export const BENCH_APP = { endpoints: 100, consumers: 400, seed: 7 };

export interface SyncTemplate {
  rows: number;
  /** The JSON text of "requests", "validation_errors", "server_errors" and "consumers". */
  tail: string;
}

/** `rows` distinct (endpoint, consumer, status) rows, deterministic for a seed. */
export function makeTemplate(rows: number, seed: number): SyncTemplate {
  const m = new DemoTraffic({ ...BENCH_APP, rowsPerMinute: rows }).busyMinute(seed);
  const parts: [string, unknown][] = [
    ["requests", m.requests],
    ["validation_errors", m.validation_errors],
    ["server_errors", m.server_errors],
    ["consumers", m.consumers],
  ];
  return { rows, tail: parts.map(([key, value]) => `"${key}":${JSON.stringify(value)}`).join(",") };
}

export interface SyncIds {
  timestamp: number;
  instanceUuid: string;
  messageUuid: string;
}

const RESOURCES = `"resources":{"cpu_percent":12.5,"memory_rss":184000000}`;

/** The bytes of one /sync POST: plain JSON like every captured client, or gzip when asked. */
export function syncBody(t: SyncTemplate, ids: SyncIds, gzip = false): Buffer<ArrayBuffer> {
  const uuids = `"instance_uuid":"${ids.instanceUuid}","message_uuid":"${ids.messageUuid}"`;
  const json = `{"timestamp":${ids.timestamp},${uuids},${t.tail},${RESOURCES}}`;
  const buf = Buffer.from(json);
  return gzip ? Buffer.from(gzipSync(buf)) : buf;
}

/** The headers the Python client (httpx) sends with a /sync (py-fastapi-sync.http.json). */
export function syncHeaders(gzip: boolean): Record<string, string> {
  return gzip
    ? {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "user-agent": "python-httpx/0.27.0",
        accept: "*/*",
      }
    : { "content-type": "application/json", "user-agent": "python-httpx/0.27.0", accept: "*/*" };
}

export interface PayloadStats {
  requestRows: number;
  jsonBytes: number;
  sentBytes: number;
}

export function payloadStats(t: SyncTemplate, gzip: boolean): PayloadStats {
  const ids = {
    timestamp: 1_800_000_000.123456,
    instanceUuid: "00000000-0000-4000-8000-000000000000",
    messageUuid: "00000000-0000-4000-8000-000000000001",
  };
  return { requestRows: t.rows, jsonBytes: syncBody(t, ids, false).length, sentBytes: syncBody(t, ids, gzip).length };
}
