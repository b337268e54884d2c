// Signing in over HTTP as a browser does, through next-auth's credentials callback; no vitest
// imports, so the bench can use it too.

export interface Csrf {
  token: string;
  cookie: string;
}

/** next-auth's CSRF token and its cookie: one serves many attempts (the sign-in bench reuses it). */
export async function csrfAt(baseUrl: string): Promise<Csrf> {
  const r = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

/** The credentials form post itself; `headers` e.g. a proxy's X-Forwarded-For. */
export function postCredentials(
  baseUrl: string,
  csrf: Csrf,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, callbackUrl: "/apps" }),
  });
}

/** One sign-in attempt at the server at `baseUrl`, with a CSRF token of its own. */
export async function signInAttempt(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postCredentials(baseUrl, await csrfAt(baseUrl), email, password, headers);
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
