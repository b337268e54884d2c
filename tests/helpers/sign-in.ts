// Signing in over HTTP as a browser does, through next-auth's credentials callback; no vitest
// imports, so the bench can use it too.

/** One sign-in attempt at the server at `baseUrl`, as a form post; `headers` e.g. a proxy's X-Forwarded-For. */
export async function signInAttempt(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/apps" }),
  });
}

/** The session cookie of a successful attempt, else null. */
export const sessionCookie = (r: Response) =>
  r.headers
    .getSetCookie()
    .find((c) => /session-token=/.test(c))
    ?.split(";")[0] ?? null;

/** The session cookie of `email` signed in at the server at `baseUrl`. */
export async function signInAt(baseUrl: string, email: string, password: string): Promise<string> {
  const r = await signInAttempt(baseUrl, email, password);
  const session = sessionCookie(r);
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session;
}
