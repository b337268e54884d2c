// Sends signed-out visitors of dashboard pages to the sign-in page. Only /apps/* is matched:
// the hub endpoints (/v2/*) and /api/health must never see a redirect, because Apitally
// clients treat one as a failure and drop their data. Pages check the session again
// themselves (lib/auth/session.ts); this is the first line, not the only one.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig, SIGN_IN_PATH } from "@/lib/auth/config";

const { auth } = NextAuth(() => baseAuthConfig());

// With a lazily built config, next-auth's auth(handler) hands back a promise of the
// wrapped handler (its types say otherwise), so it is awaited per request.
const guard = auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL(SIGN_IN_PATH, req.nextUrl);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  // Only page loads are guarded here. Server actions are POSTs to the page's own URL, and
  // next-auth's wrapper refreshes the session cookie on the way out: on the sign-out action
  // that re-issued the cookie the action had just deleted. Every action checks the session
  // itself (requireUser), so nothing is left unguarded.
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
  return (await guard)(req, event as never);
}

export const config = { matcher: ["/apps", "/apps/:path*"] };
