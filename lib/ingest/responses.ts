// What the hub answers. Every error body is JSON: py calls response.json() on a 422 and,
// with a non-JSON body, loses the payload and retries every second.

export interface ErrorDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** An answer decided before storing anything; thrown from deep in parsing, caught by the handler. */
export class HubReply extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`hub reply ${status}`);
  }
  toResponse(): Response {
    return Response.json(this.body, { status: this.status, headers: { "cache-control": "no-store", ...this.headers } });
  }
}

export const accepted = () => new Response(null, { status: 202 });

export const notFound = () => new HubReply(404, { detail: "Unknown client ID" });

export const unprocessable = (detail: ErrorDetail[]) => new HubReply(422, { detail });

export const tooLarge = (limit: number, what = "Body is larger than") =>
  new HubReply(413, { detail: [{ loc: ["body"], msg: `${what} ${limit} bytes`, type: "value_error.too_large" }] });

// Only for failures of our own (database down): js and go retry these, py requeues.
export const unavailable = () => new HubReply(503, { detail: "Temporarily unavailable, retry later" });

// Past the client ID's token bucket (lib/ingest/backpressure): js, go and py retry a 429, then requeue the payload.
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HubReply(
    429,
    { detail: `Too many requests for this client ID, retry in ${retryAfterSeconds} s` },
    { "retry-after": String(retryAfterSeconds) },
  );

// Every ingest slot of this server taken: retried like a failure of our own.
export const busy = (retryAfterSeconds: number) =>
  new HubReply(
    503,
    { detail: `Too many payloads being stored, retry in ${retryAfterSeconds} s` },
    { "retry-after": String(retryAfterSeconds) },
  );
