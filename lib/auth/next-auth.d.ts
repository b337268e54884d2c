// What Tallyhub keeps in a session besides the user id: the account's session version at sign-in, so that
// "sign out everywhere" and a password change end every older session (lib/auth/session.ts compares them).
import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}
