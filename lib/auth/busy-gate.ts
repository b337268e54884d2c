// The cheapest refusal of a sign-in the password threads have no room for: next-auth's credentials callback answers
// 503 with Retry-After before next-auth parses the post, checks its CSRF token or counts the attempt. A flood wider
// than the password queue then costs the serving thread about what a static 503 does (BENCHMARKS.md §10). The pool's
// load lives in this same process, so asking costs nothing.
import type { NextRequest } from "next/server";
import { PASSWORDS_BUSY_MESSAGE, PASSWORDS_BUSY_RETRY_S, passwordsFull } from "./password";

type Handler = (req: NextRequest) => Promise<Response>;

const CREDENTIALS_CALLBACK = /\/callback\/credentials$/;

/** next-auth's POST handler, refusing credential sign-ins at once while the password threads are full. */
export function refusingWhenPasswordsFull(handler: Handler): Handler {
  return async (req) => {
    if (!passwordsFull() || !CREDENTIALS_CALLBACK.test(req.nextUrl.pathname)) return handler(req);
    return new Response(PASSWORDS_BUSY_MESSAGE, {
      status: 503,
      headers: {
        "retry-after": String(PASSWORDS_BUSY_RETRY_S),
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
      },
    });
  };
}
