// The /sync payload (docs/hub-protocol.md §4): delta counters of one instance since its last
// sync, read into the shape the store keeps (SyncPayload, lib/model/payloads.ts).
import { z } from "zod";
import type { SyncConsumer, SyncPayload } from "../../model/payloads";
import { ITEMS_MAX, STRING_MAX } from "../limits";
import { cleanText, cutUtf8 } from "../normalise";
import {
  bytes,
  consumerName,
  consumerRef,
  count,
  histogram,
  list,
  method,
  optionalText,
  statusCode,
  text,
  timestamp,
  uuidField,
} from "./common";

// Fastify reports requests that matched no route with an empty path; clients otherwise
// never count those, so they are dropped rather than refused.
const routePath = text(STRING_MAX.path)
  .nullish()
  .transform((p) => (p ? cutUtf8(p, STRING_MAX.pathBytes) : null));

const requestItem = z
  .object({
    consumer: consumerRef,
    method,
    path: routePath,
    status_code: statusCode,
    request_count: count,
    request_size_sum: bytes.nullish(),
    response_size_sum: bytes.nullish(),
    response_times: histogram,
    request_sizes: histogram,
    response_sizes: histogram,
  })
  .transform((r) => ({
    consumer: r.consumer,
    method: r.method,
    path: r.path,
    statusCode: r.status_code,
    requestCount: r.request_count,
    requestSizeSum: r.request_size_sum ?? 0,
    responseSizeSum: r.response_size_sum ?? 0,
    responseTimes: r.response_times,
    requestSizes: r.request_sizes,
    responseSizes: r.response_sizes,
  }));

// py's loc holds ints for list indexes (["body", 0, "name"]).
const locPart = z.union([z.string(), z.number()]).transform((p) => cleanText(String(p), STRING_MAX.locPart));

const validationError = z
  .object({
    consumer: consumerRef,
    method,
    path: routePath,
    loc: list(locPart, ITEMS_MAX.loc),
    msg: text(STRING_MAX.errorMsg)
      .nullish()
      .transform((s) => s ?? ""),
    type: text(STRING_MAX.errorType)
      .nullish()
      .transform((s) => s ?? ""),
    error_count: count,
  })
  .transform((e) => ({
    consumer: e.consumer,
    method: e.method,
    path: e.path,
    loc: e.loc,
    msg: e.msg,
    type: e.type,
    count: e.error_count,
  }));

const serverError = z
  .object({
    consumer: consumerRef,
    method,
    path: routePath,
    type: text(STRING_MAX.errorType)
      .nullish()
      .transform((s) => s ?? ""),
    msg: text(STRING_MAX.errorMsg)
      .nullish()
      .transform((s) => s ?? ""),
    traceback: optionalText(STRING_MAX.traceback),
    sentry_event_id: optionalText(STRING_MAX.sentryEventId),
    error_count: count,
  })
  .transform((e) => ({
    consumer: e.consumer,
    method: e.method,
    path: e.path,
    type: e.type,
    msg: e.msg,
    traceback: e.traceback || null,
    sentryEventId: e.sentry_event_id || null,
    count: e.error_count,
  }));

const consumer = z.object({ identifier: consumerRef, name: consumerName, group: consumerName });

const resources = z
  .object({ cpu_percent: z.number().min(0).max(1e6), memory_rss: bytes })
  .nullish()
  .transform((r) => (r ? { cpuPercent: r.cpu_percent, memoryRss: r.memory_rss } : null));

export const syncSchema = z
  .object({
    timestamp,
    instance_uuid: uuidField,
    message_uuid: uuidField,
    requests: list(requestItem, ITEMS_MAX.requests),
    validation_errors: list(validationError, ITEMS_MAX.validationErrors),
    server_errors: list(serverError, ITEMS_MAX.serverErrors),
    consumers: list(consumer, ITEMS_MAX.consumers),
    resources,
  })
  .transform((s): SyncPayload => ({
    timestamp: s.timestamp,
    instanceUuid: s.instance_uuid,
    messageUuid: s.message_uuid,
    requests: s.requests.filter(hasPath),
    validationErrors: s.validation_errors.filter(hasPath),
    serverErrors: s.server_errors.filter(hasPath),
    consumers: s.consumers.filter((c): c is SyncConsumer => c.identifier !== null),
    resources: s.resources,
  }));

function hasPath<T extends { path: string | null }>(x: T): x is T & { path: string } {
  return x.path !== null;
}
