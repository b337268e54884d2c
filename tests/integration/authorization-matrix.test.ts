// Who gets what, over HTTP against `next start`: every dashboard page (found on disk, so a new page without an
// expectation here fails the test) and every app JSON route, tried as the team's owner, admin, member and viewer,
// as a member of another team and signed out. Nothing a stranger receives names the team, the app or its ids.
// Server actions are held to the same rules by the guard (tests/integration/teams.test.ts tries each role), and
// every exported server action is built on it (checked at the end).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { EP, seedDashboardApp } from "../helpers/dashboard-fixture";
import { addMember } from "../helpers/factory";
import { get, signIn, userWithPassword } from "../helpers/http-session";

/** A logged request of the app (its detail page and route). */
const REQUEST = "0b7c4b5e-5a3c-4a59-9d3e-8f1c2a6b7d01";
/** An alert rule of the app (its edit page). */
const RULE = "5d1f0c9e-2b7a-4c3e-8f6d-1a2b3c4d5e6f";

type Who = "owner" | "admin" | "member" | "viewer" | "stranger" | "signedOut";
const WHO: Who[] = ["owner", "admin", "member", "viewer", "stranger", "signedOut"];
type Expect = Record<Who, number>;

// Signed-out visitors of a page are sent to sign-in (307); routes answer 401.
const everyone: Expect = { owner: 200, admin: 200, member: 200, viewer: 200, stranger: 404, signedOut: 307 };
const configure: Expect = { ...everyone, member: 403, viewer: 403 };
const use: Expect = { ...everyone, viewer: 403 };
const anySignedIn: Expect = { ...everyone, stranger: 200 };
const redirectsInApp: Expect = { ...everyone, owner: 307, admin: 307, member: 307, viewer: 307 };
const route: Expect = { ...everyone, signedOut: 401 };

/** Each page file → the URL tried and who gets which status. */
const PAGES: Record<string, { url: (ids: Ids) => string; expect: Expect }> = {
  "apps/page.tsx": { url: () => "/apps", expect: anySignedIn },
  // For the app's current team; the stranger creates apps in their own team.
  "apps/new/page.tsx": { url: () => "/apps/new", expect: { ...configure, stranger: 200 } },
  "apps/[appId]/page.tsx": { url: (i) => `/apps/${i.app}`, expect: redirectsInApp },
  "apps/[appId]/traffic/page.tsx": { url: (i) => `/apps/${i.app}/traffic`, expect: everyone },
  "apps/[appId]/errors/page.tsx": { url: (i) => `/apps/${i.app}/errors`, expect: everyone },
  "apps/[appId]/endpoints/page.tsx": { url: (i) => `/apps/${i.app}/endpoints`, expect: everyone },
  "apps/[appId]/endpoints/[endpointId]/page.tsx": {
    url: (i) => `/apps/${i.app}/endpoints/${EP.list}`,
    expect: everyone,
  },
  "apps/[appId]/consumers/page.tsx": { url: (i) => `/apps/${i.app}/consumers`, expect: everyone },
  "apps/[appId]/requests/(list)/page.tsx": { url: (i) => `/apps/${i.app}/requests`, expect: everyone },
  "apps/[appId]/requests/[requestId]/page.tsx": { url: (i) => `/apps/${i.app}/requests/${REQUEST}`, expect: everyone },
  "apps/[appId]/alerts/page.tsx": { url: (i) => `/apps/${i.app}/alerts`, expect: everyone },
  "apps/[appId]/alerts/new/page.tsx": { url: (i) => `/apps/${i.app}/alerts/new`, expect: use },
  "apps/[appId]/alerts/[ruleId]/page.tsx": { url: (i) => `/apps/${i.app}/alerts/${RULE}`, expect: use },
  "apps/[appId]/alerts/channels/page.tsx": { url: (i) => `/apps/${i.app}/alerts/channels`, expect: everyone },
  "apps/[appId]/instances/page.tsx": { url: (i) => `/apps/${i.app}/instances`, expect: everyone },
  "apps/[appId]/uptime/page.tsx": { url: (i) => `/apps/${i.app}/uptime`, expect: everyone },
  "apps/[appId]/setup/page.tsx": { url: (i) => `/apps/${i.app}/setup`, expect: configure },
  "apps/[appId]/settings/page.tsx": { url: (i) => `/apps/${i.app}/settings`, expect: configure },
  "teams/new/page.tsx": { url: () => "/teams/new", expect: anySignedIn },
  "teams/[teamId]/page.tsx": { url: (i) => `/teams/${i.team}`, expect: everyone },
  "teams/[teamId]/api-keys/page.tsx": { url: (i) => `/teams/${i.team}/api-keys`, expect: configure },
  "account/page.tsx": { url: () => "/account", expect: anySignedIn },
  "api-docs/page.tsx": { url: () => "/api-docs", expect: anySignedIn },
};

const ROUTES: Record<string, Expect> = {
  "/api/apps/:app/views/traffic": route,
  "/api/apps/:app/views/consumers": route,
  "/api/apps/:app/status": route,
  "/api/apps/:app/requests": route,
  "/api/apps/:app/requests/export": route,
  "/api/apps/:app/views/instances": route,
  "/api/apps/:app/options/endpoints?q=items": route,
  "/api/apps/:app/options/consumers?q=a": route,
  [`/api/apps/:app/requests/${REQUEST}`]: route,
};

interface Ids {
  app: number;
  team: string;
}

function pageFiles(dir = path.resolve("app/(dashboard)"), rel = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? pageFiles(path.join(dir, d.name), `${rel}${d.name}/`)
      : d.name === "page.tsx"
        ? [rel + d.name]
        : [],
  );
}

const ids = {} as Ids;
const cookies = {} as Record<Who, string | undefined>;
const secrets: string[] = [];

beforeAll(async () => {
  const owner = await userWithPassword("matrix-owner");
  const team = owner.id;
  await prisma().team.update({ where: { id: team }, data: { name: "Matrix Secret Team" } });
  const app = await seedDashboardApp({ ownerId: owner.id });
  await prisma().app.update({ where: { id: app.id }, data: { name: "Matrix Secret App" } });
  ids.app = app.id;
  ids.team = team;
  await sql().run(
    `INSERT INTO "RequestLog" ("appId", "uuid", "envId", "fileUuid", "ts", "method", "path", "url", "statusCode", "responseTimeMs")
     VALUES (?, ?, 1, ?, ?, 'GET', '/items', 'https://api.example.com/items', 200, 12.5)`,
    [app.id, REQUEST, REQUEST, Date.now() / 1000 - 60],
  );
  await prisma().alertRule.create({
    data: {
      appId: app.id,
      id: RULE,
      envId: 1,
      name: "Matrix Secret Rule",
      metric: "error_rate",
      windowMinutes: 5,
      operator: "gt",
      threshold: 20,
    },
  });
  secrets.push(
    "Matrix Secret Rule",
    "Matrix Secret Team",
    "Matrix Secret App",
    app.clientId,
    app.writeToken!,
    owner.email,
  );
  cookies.owner = await signIn(owner.email);
  for (const role of ["admin", "member", "viewer"] as const) {
    const u = await userWithPassword(`matrix-${role}`);
    await addMember(team, u.id, role);
    await prisma().user.update({ where: { id: u.id }, data: { currentTeamId: team } });
    cookies[role] = await signIn(u.email);
  }
  cookies.stranger = await signIn((await userWithPassword("matrix-stranger")).email);
  cookies.signedOut = undefined;
});

describe("pages", () => {
  it("every dashboard page has an expectation here", () => {
    expect(pageFiles().sort()).toEqual(Object.keys(PAGES).sort());
  });

  for (const [file, page] of Object.entries(PAGES)) {
    it(`${file}: ${WHO.map((w) => `${w} ${page.expect[w]}`).join(", ")}`, async () => {
      const got: Partial<Expect> = {};
      for (const who of WHO) {
        const r = await get(page.url(ids), cookies[who]);
        got[who] = r.status;
        const body = await r.text();
        if (who === "stranger" || who === "signedOut") {
          for (const s of secrets) expect(body, `${who} sees ${s} on ${file}`).not.toContain(s);
        }
        if (r.status === 307 && who === "signedOut") expect(r.headers.get("location")).toContain("/signin");
      }
      expect(got).toEqual(page.expect);
    });
  }
});

describe("app JSON routes", () => {
  for (const [pattern, expected] of Object.entries(ROUTES)) {
    it(`${pattern}: ${WHO.map((w) => `${w} ${expected[w]}`).join(", ")}`, async () => {
      const got: Partial<Expect> = {};
      for (const who of WHO) {
        const r = await get(pattern.replace(":app", String(ids.app)), cookies[who]);
        got[who] = r.status;
        const body = await r.text();
        if (who === "stranger" || who === "signedOut") {
          for (const s of secrets) expect(body).not.toContain(s);
        }
      }
      expect(got).toEqual(expected);
    });
  }
});

describe("sessions", () => {
  it("an older session stops working once the account signs out everywhere", async () => {
    const user = await userWithPassword("matrix-revoke");
    const cookie = await signIn(user.email);
    expect((await get("/apps", cookie)).status).toBe(200);
    await prisma().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const page = await get("/apps", cookie);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/signin");
    expect((await get(`/api/apps/${ids.app}/status`, cookie)).status).toBe(401);
    // Signing in again gives a session of the new version.
    expect((await get("/apps", await signIn(user.email))).status).toBe(200);
  });
});

describe("server actions", () => {
  it("every exported server action goes through a guard or checks the session itself", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(d.name) && readFileSync(p, "utf8").startsWith('"use server"')) files.push(p);
      }
    };
    walk(path.resolve("app"));
    walk(path.resolve("lib"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      // A const must be made by a guard; a function must reach one (or the session) in its body.
      const built = [...text.matchAll(/^export const (\w+) = (\w+)\(/gm)];
      for (const [, name, maker] of built) {
        expect(["appFormAction", "teamFormAction", "userFormAction", "appCallAction"], `${file}: ${name}`).toContain(
          maker,
        );
      }
      for (const [whole, name] of text.matchAll(/^export async function (\w+)[^]*?\n}/gm)) {
        const guarded = /(requireUser|\w+Action)\)?\(|signIn\(|signOut\(|registerUser\(/.test(
          whole.slice(whole.indexOf("{")),
        );
        expect(guarded, `${path.relative(process.cwd(), file)}: ${name}`).toBe(true);
      }
      expect(built.length + [...text.matchAll(/^export async function/gm)].length, file).toBeGreaterThan(0);
    }
  });
});
