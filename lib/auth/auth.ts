import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { baseAuthConfig } from "./config";
import { checkCredentials } from "./credentials";

// The code travels to the sign-in form (and, for non-JS posts, into the error URL), so it
// says only what the person needs to know.
export class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}

export class SignInLocked extends CredentialsSignin {
  constructor(readonly retryAfterS: number) {
    super();
    this.code = `locked:${retryAfterS}`;
  }
}

export class SignInBusy extends CredentialsSignin {
  code = "busy";
}

export const { auth, signIn, signOut, handlers } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const result = await checkCredentials(credentials, clientAddress(request.headers));
        if (result.ok) return { ...result.user, sessionVersion: result.sessionVersion };
        if (result.reason === "locked") throw new SignInLocked(result.retryAfterS);
        throw result.reason === "busy" ? new SignInBusy() : new WrongCredentials();
      },
    }),
  ],
}));
