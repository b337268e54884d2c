// Section 9: a sign-in flood. Many clients post wrong passwords for made-up addresses (each from its own address,
// through X-Forwarded-For to a server that trusts one proxy hop, so no per-IP or per-email lock stops them) while
// the dashboard's Traffic page is fetched and a 100-row hub sync is posted, one after the other. Reported: password
// checks answered per second (and "busy" answers, past the password threads' queue), and the page's and the sync's
// p50/p95 with no flood and during it. Nothing passes or fails.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { openSql } from "../../lib/db/connect";
import { csrfAt, postCredentials, sessionCookie, type Csrf } from "../../tests/helpers/sign-in";
import { startTestStack } from "../../tests/helpers/stack";
import { trackStack } from "./cleanup";
import { createBenchApp, nextBody, type Kind } from "./ingest";
import { makeTemplate, syncHeaders } from "./payload";
import { ms, sleep, summarise, table, type Percentiles } from "./stats";

export interface SignInOptions {
  floodMs: number;
  /** Sign-in requests in flight at once. */
  flooders: number;
  /** Dashboard fetches and syncs per phase. */
  samples: number;
  log: (s: string) => void;
}

interface Phase {
  page: Percentiles;
  sync: Percentiles;
}

export interface SignInResult {
  kind: Kind;
  passwordWorkers: string;
  idle: Phase;
  flood: Phase & { seconds: number; checked: number; busy: number; other: number; checkedPerS: number };
}

const PASSWORD = "bench-password";

async function timed(fn: () => Promise<Response>, expect: number): Promise<number> {
  const t0 = performance.now();
  const r = await fn();
  await r.arrayBuffer();
  if (r.status !== expect) throw new Error(`${r.url} answered HTTP ${r.status}, expected ${expect}`);
  return performance.now() - t0;
}

/**
 * One attempt; its outcome is the `code` next-auth puts in the redirect, or the session cookie. A 503 is the refusal
 * scripts/server.mjs gives before Next.js routes the post, counted as "busy" like the one next-auth gives.
 */
async function attempt(base: string, c: Csrf, email: string, password: string, ip: string) {
  const r = await postCredentials(base, c, email, password, { "x-forwarded-for": ip });
  await r.arrayBuffer();
  return {
    session: sessionCookie(r),
    code: r.status === 503 ? "busy" : new URL(r.headers.get("location") ?? "/", base).searchParams.get("code"),
  };
}

export async function benchSignIn(kind: Kind, o: SignInOptions): Promise<SignInResult> {
  o.log(`[${kind}] sign-in flood: a fresh ${kind} database and next start trusting one proxy hop`);
  const stack = await startTestStack(kind, { server: true, env: { TALLYHUB_TRUSTED_PROXY_HOPS: "1" } });
  const untrack = trackStack(stack);
  const db = openSql(stack.databaseUrl);
  try {
    const app = await createBenchApp(db, "sign-in flood");
    const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
    await db.run(`INSERT INTO "User" ("id", "email", "passwordHash", "currentTeamId") VALUES (?, ?, ?, ?)`, [
      app.clientId,
      email,
      bcrypt.hashSync(PASSWORD, 12),
      app.clientId,
    ]);
    await db.run(`INSERT INTO "Membership" ("teamId", "userId", "role") VALUES (?, ?, 'owner')`, [
      app.clientId,
      app.clientId,
    ]);
    const signedIn = await attempt(stack.baseUrl, await csrfAt(stack.baseUrl), email, PASSWORD, "198.18.255.1");
    if (!signedIn.session) throw new Error(`the bench user could not sign in (${signedIn.code})`);
    const pageUrl = `${stack.baseUrl}/apps/${app.id}/traffic?period=24h`;
    const syncUrl = `${stack.baseUrl}/v2/${app.clientId}/prod/sync`;
    const template = makeTemplate(100, 9_100);
    const headers = syncHeaders(false);

    /** The dashboard page and a sync, one after the other, `n` times each. */
    async function measure(n: number): Promise<Phase> {
      const page: number[] = [];
      const sync: number[] = [];
      for (let i = 0; i < n; i++) {
        page.push(await timed(() => fetch(pageUrl, { headers: { cookie: signedIn.session! } }), 200));
        sync.push(
          await timed(() => fetch(syncUrl, { method: "POST", headers, body: nextBody(app, template, false) }), 202),
        );
      }
      return { page: summarise(page), sync: summarise(sync) };
    }

    await measure(3); // warm-up: the page's first render, the first sync
    o.log(`[${kind}] sign-in flood: ${o.samples} page fetches and syncs with no flood`);
    const idle = await measure(o.samples);

    o.log(`[${kind}] sign-in flood: ${o.flooders} clients posting wrong passwords for ${o.floodMs / 1000} s`);
    const counts = { checked: 0, busy: 0, other: 0 };
    let stop = false;
    let n = 0;
    const flooder = async () => {
      const c = await csrfAt(stack.baseUrl);
      while (!stop) {
        n++;
        // A new address and email each time: 198.18.0.0/15 holds 131,072 of them.
        const ip = `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
        const r = await attempt(stack.baseUrl, c, `nobody-${n}@example.com`, "wrong guess", ip);
        if (r.code === "wrong_credentials") counts.checked++;
        else if (r.code === "busy") counts.busy++;
        else counts.other++;
      }
    };
    const t0 = performance.now();
    const flooding = Promise.all(Array.from({ length: o.flooders }, flooder));
    await sleep(1000); // the flood under way
    // Every sample is taken during the flood, which lasts at least floodMs.
    const during = await measure(o.samples);
    await sleep(o.floodMs - (performance.now() - t0));
    stop = true;
    await flooding;
    const seconds = (performance.now() - t0) / 1000;
    return {
      kind,
      passwordWorkers: "default (cores − 1, at least 1)",
      idle,
      flood: { ...during, seconds, ...counts, checkedPerS: counts.checked / seconds },
    };
  } finally {
    await db.close();
    await stack.stop();
    untrack();
  }
}

/** The section's lines of the report. */
export function signInReport(results: SignInResult[], o: Omit<SignInOptions, "log">): string[] {
  const rows: string[][] = [];
  for (const r of results) {
    rows.push([
      r.kind,
      "no flood",
      ms(r.idle.page.p50),
      ms(r.idle.page.p95),
      ms(r.idle.sync.p50),
      ms(r.idle.sync.p95),
      "",
      "",
    ]);
    rows.push([
      r.kind,
      `flood, ${r.flood.seconds.toFixed(0)} s`,
      ms(r.flood.page.p50),
      ms(r.flood.page.p95),
      ms(r.flood.sync.p50),
      ms(r.flood.sync.p95),
      `${r.flood.checkedPerS.toFixed(1)}/s (${r.flood.checked})`,
      `${r.flood.busy}${r.flood.other ? `, ${r.flood.other} other` : ""}`,
    ]);
  }
  return [
    `10. SIGN-IN FLOOD: ${o.flooders} clients post wrong passwords (each attempt a new address and email, so no ` +
      `lock stops them) while the Traffic page (24 h) and a 100-row sync are timed one after the other, ` +
      `${o.samples} of each; password threads: ${results[0]?.passwordWorkers ?? "?"}`,
    "",
    table(
      ["db", "phase", "page p50", "page p95", "sync p50", "sync p95", "passwords checked", "busy answers"],
      rows,
      [2, 3, 4, 5, 6, 7],
    ),
  ];
}
