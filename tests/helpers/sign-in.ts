// Signing in over HTTP as a browser does, through next-auth's credentials callback; no vitest
// imports, so the bench can use it too.

/** The session cookie of `email` signed in at the server at `baseUrl`. */
export async function signInAt(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/apps" }),
  });
  const session = r.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session.split(";")[0];
}
