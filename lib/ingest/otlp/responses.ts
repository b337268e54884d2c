// What the OTLP endpoints answer (OTLP/HTTP specification, and Apitally's receiver contract):
// 200 with an empty Export*ServiceResponse; errors carry a google.rpc.Status, encoded like
// the request (protobuf or JSON). 401/400/413/415 tell an exporter not to retry; 429 and
// 503 ask it to come back later.
import protobuf from "protobufjs/minimal";
import type { Encoding } from "./decode";

/** An answer decided before storing anything, thrown from parsing and caught by the handler. */
export class OtlpReply extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`otlp reply ${status}: ${detail}`);
  }

  toResponse(encoding: Encoding): Response {
    const headers = { "cache-control": "no-store", ...this.headers };
    // google.rpc.Status: code (field 1, gRPC code) and message (field 2).
    const status = { code: GRPC_CODE[this.status] ?? 2, message: this.detail };
    if (encoding === "json") return Response.json(status, { status: this.status, headers });
    const body = protobuf.Writer.create().uint32(8).int32(status.code).uint32(18).string(status.message).finish();
    return new Response(Buffer.from(body), { status: this.status, headers: { ...headers, "content-type": PROTOBUF } });
  }
}

export const PROTOBUF = "application/x-protobuf";

// The gRPC codes OTLP/HTTP maps its statuses to.
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 413: 8, 415: 3, 429: 8, 503: 14 };

// Export*PartialSuccess's count field, by signal (field 1 of each).
const REJECTED_FIELD = { traces: "rejectedSpans", metrics: "rejectedDataPoints", logs: "rejectedLogRecords" } as const;

/** Parts of an export that were not stored (times outside what the server keeps), as OTLP's partial success says. */
export interface PartialSuccess {
  signal: keyof typeof REJECTED_FIELD;
  rejected: number;
  message: string;
}

export function exported(encoding: Encoding, partial: PartialSuccess | null = null): Response {
  // An empty Export*ServiceResponse (no bytes in protobuf, {} in JSON), or one whose partial_success (field 1) holds the
  // count of rejected items (field 1, int64) and why (field 2): exporters log it.
  if (encoding === "json") {
    const body = partial
      ? {
          partialSuccess: { [REJECTED_FIELD[partial.signal]]: String(partial.rejected), errorMessage: partial.message },
        }
      : {};
    return Response.json(body, { status: 200 });
  }
  const body = partial
    ? protobuf.Writer.create()
        .uint32(10)
        .fork()
        .uint32(8)
        .int64(partial.rejected)
        .uint32(18)
        .string(partial.message)
        .ldelim()
        .finish()
    : new Uint8Array(0);
  return new Response(Buffer.from(body), { status: 200, headers: { "content-type": PROTOBUF } });
}

export const badRequest = (detail: string) => new OtlpReply(400, detail);
export const unauthorized = () => new OtlpReply(401, "Missing or unknown write token (Authorization: Bearer apt_…)");
export const unsupportedMediaType = () =>
  new OtlpReply(415, "Content-Type must be application/x-protobuf or application/json");
export const tooLarge = (detail: string) => new OtlpReply(413, detail);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new OtlpReply(429, "Rate limit exceeded, retry later", { "retry-after": String(retryAfterSeconds) });
// Only for failures of our own (database down).
export const unavailable = () => new OtlpReply(503, "Temporarily unavailable, retry later", { "retry-after": "5" });
// Every ingest slot of this server taken (lib/ingest/backpressure).
export const busy = (retryAfterSeconds: number) =>
  new OtlpReply(503, "Too many exports being stored, retry later", { "retry-after": String(retryAfterSeconds) });
