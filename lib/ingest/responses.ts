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
  ) {
    super(`hub reply ${status}`);
  }
  toResponse(): Response {
    return Response.json(this.body, { status: this.status, headers: { "cache-control": "no-store" } });
  }
}

export const accepted = () => new Response(null, { status: 202 });

export const notFound = () => new HubReply(404, { detail: "Unknown client ID" });

export const unprocessable = (detail: ErrorDetail[]) => new HubReply(422, { detail });

export const tooLarge = (limit: number, what = "Body is larger than") =>
  new HubReply(413, { detail: [{ loc: ["body"], msg: `${what} ${limit} bytes`, type: "value_error.too_large" }] });

// Only for failures of our own (database down): js and go retry these, py requeues.
export const unavailable = () => new HubReply(503, { detail: "Temporarily unavailable, retry later" });
