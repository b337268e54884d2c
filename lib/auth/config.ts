// The next-auth settings without Prisma or bcrypt, and the sign-in path the proxy and the
// session helpers redirect to.
import type { NextAuthConfig } from "next-auth";
import { ensureAuthSecret } from "./secret";

export const SIGN_IN_PATH = "/signin";

export function baseAuthConfig(): NextAuthConfig {
  return {
    // Read at request time, not at import, so `next build` never writes a secret file. Given
    // here explicitly: next-auth would otherwise look up AUTH_SECRET in the environment itself.
    secret: ensureAuthSecret(),
    trustHost: true,
    session: { strategy: "jwt" },
    pages: { signIn: SIGN_IN_PATH },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        // Only at sign-in is there a user: the version it was issued under stays in the token.
        if (user) token.sessionVersion = user.sessionVersion ?? 0;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionVersion = token.sessionVersion ?? 0;
        return session;
      },
    },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
  };
}
