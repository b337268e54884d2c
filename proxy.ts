// Sends signed-out visitors of dashboard pages to the sign-in page. Only /apps/* is matched:
// the hub endpoints (/v2/*) and /api/health must never see a redirect, because Apitally
// clients treat one as a failure and drop their data. Pages check the session again
// themselves (lib/auth/session.ts); this is the first line, not the only one.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig, SIGN_IN_PATH } from "@/lib/auth/config";

const { auth } = NextAuth(() => baseAuthConfig());

export default auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL(SIGN_IN_PATH, req.nextUrl);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export const config = { matcher: ["/apps", "/apps/:path*"] };
