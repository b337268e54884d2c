// What the store consumes: a hub client's startup, sync and request-log line, validated and
// normalised (lib/ingest/schemas/ produces exactly these shapes, from the hub protocol and,
// through lib/ingest/otlp/, from OTLP exports). camelCase throughout; times in epoch seconds.
// The wire formats are in docs/hub-protocol.md.

/** A route the app reported at startup (method uppercase, path as the framework writes it). */
export interface StartupRoute {
  method: string;
  path: string;
  summary: string | null;
  description: string | null;
}

/** A /startup: the instance, its routes (also never-called ones), versions and OpenAPI document. */
export interface StartupPayload {
  instanceUuid: string;
  paths: StartupRoute[];
  versions: Record<string, string>;
  client: string | null;
  openapi: string | null;
}

/** Delta counts of one (endpoint, consumer, status) since the instance's previous sync. */
export interface SyncRequest {
  consumer: string | null;
  method: string;
  path: string;
  statusCode: number;
  requestCount: number;
  requestSizeSum: number;
  responseSizeSum: number;
  /** [bin, count] pairs: the bin's lower bound in ms (multiples of 10). */
  responseTimes: [number, number][];
  /** [bin, count] pairs: the size in KB (floor(bytes / 1000)). */
  requestSizes: [number, number][];
  responseSizes: [number, number][];
}

export interface SyncValidationError {
  consumer: string | null;
  method: string;
  path: string;
  loc: string[];
  msg: string;
  type: string;
  count: number;
}

export interface SyncServerError {
  consumer: string | null;
  method: string;
  path: string;
  type: string;
  msg: string;
  traceback: string | null;
  sentryEventId: string | null;
  count: number;
}

/** A consumer's name and group as the client names them. */
export interface SyncConsumer {
  identifier: string;
  name: string | null;
  group: string | null;
}

/** A /sync: one instance's delta counters, stored under the minute of `timestamp`. */
export interface SyncPayload {
  timestamp: number;
  instanceUuid: string;
  messageUuid: string;
  requests: SyncRequest[];
  validationErrors: SyncValidationError[];
  serverErrors: SyncServerError[];
  consumers: SyncConsumer[];
  resources: { cpuPercent: number; memoryRss: number } | null;
}

/** One request of a /log file. Headers, exception, logs and spans are JSON text; bodies base64. */
export interface LogLine {
  uuid: string;
  ts: number;
  method: string;
  path: string | null;
  url: string;
  statusCode: number;
  responseTimeMs: number;
  consumer: string | null;
  requestSize: number | null;
  responseSize: number | null;
  requestHeaders: string | null;
  responseHeaders: string | null;
  requestBody: string | null;
  responseBody: string | null;
  exception: string | null;
  logs: string | null;
  spans: string | null;
  traceId: string | null;
  clientIp: string | null;
  /** ISO 3166-1 alpha-2 of clientIp, from the bundled IP→country database. */
  clientCountry: string | null;
}
