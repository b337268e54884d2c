// Sends signed-out visitors of dashboard pages to the sign-in page. Only /apps/*, /teams/* and /account are matched:
// the hub endpoints (/v2/*) and /api/health must never see a redirect, because Apitally
// clients treat one as a failure and drop their data.
//
// This is an optimistic check — is there a session cookie at all? — and deliberately not
// next-auth's auth() wrapper: that wrapper re-issues the session cookie on every matched
// response, so a request in flight while a person signs out (a prefetch, the sign-out
// action's own POST to the page URL) put back the cookie sign-out had just deleted, and
// the person stayed signed in. Pages and server actions verify the session themselves
// (lib/auth/session.ts: requireUser), so a forged or expired cookie gets no further.
import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH } from "@/lib/auth/config";

// next-auth v5's JWT cookie, plain on http and __Secure- on https; large tokens are chunked (.0, .1, …).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(req: NextRequest) {
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
  if (req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  const url = new URL(SIGN_IN_PATH, req.nextUrl);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/apps", "/apps/:path*", "/teams/:path*", "/account", "/api-docs"] };
