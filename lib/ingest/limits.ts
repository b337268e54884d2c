// Upper bounds on what a client may send. Bodies beyond the byte caps get 413; numbers
// beyond the count caps get 422 (they could only come from a broken or hostile client, and
// would overflow the 32-bit columns of PostgreSQL); over-long strings are cut, not refused.
// The column maxima themselves belong to the data model, lib/model/limits.ts (re-exported
// here for the code that still reads them from this module).
export { BYTES_MAX, COUNT_MAX, INT32_MAX, TIMESTAMP_MAX } from "../model/limits";

const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  // A 500-row sync is ~150 KB; a startup carries the whole OpenAPI document (py).
  sync: { compressed: 8 * MiB, decompressed: 8 * MiB },
  startup: { compressed: 16 * MiB, decompressed: 16 * MiB },
  // Clients rotate log files at 1 MB compressed; NDJSON with base64 bodies inflates ~5-20x.
  log: { compressed: 8 * MiB, decompressed: 64 * MiB },
} as const;

export const ITEMS_MAX = {
  requests: 100_000,
  validationErrors: 20_000,
  serverErrors: 20_000,
  consumers: 100_000,
  histogramBins: 10_000,
  paths: 20_000,
  versions: 200,
  loc: 32,
} as const;

export const STRING_MAX = {
  consumerIdentifier: 128,
  consumerName: 64,
  method: 32,
  path: 2048,
  // PostgreSQL refuses B-tree index entries over 2704 bytes; the path is in Endpoint's unique key.
  pathBytes: 2048,
  summary: 1024,
  description: 16_384,
  locPart: 256,
  errorMsg: 2048,
  errorType: 512,
  traceback: 65_536,
  sentryEventId: 128,
  client: 64,
  versionName: 64,
  versionValue: 64,
  url: 8192,
  traceId: 64,
} as const;
