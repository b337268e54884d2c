// Who may see which app. Every page, route handler and server action that takes an app id
// goes through here: an app is the user's to see when they belong to its team, and what they
// may do with it follows their role there (lib/teams/roles.ts). An unknown app and another
// team's app look the same (404), so app ids reveal nothing; a role too small for the entry
// point is a 403. getAppForUser is the rule itself; pages use requireApp, server actions the
// guard in lib/actions/app-action.ts, JSON routes withApp in lib/auth/app-route.ts.
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { roleIn } from "@/lib/teams/membership";
import { can, type Capability, type Role } from "@/lib/teams/roles";
import { appIdParamSchema } from "@/lib/validations/app";

function findApp(appId: number) {
  return prisma().app.findUnique({ where: { id: appId }, include: { environments: { orderBy: { id: "asc" } } } });
}

export type AppWithEnvironments = NonNullable<Awaited<ReturnType<typeof findApp>>>;
/** An app as one user sees it: with their role in its team. */
export type AppForUser = AppWithEnvironments & { role: Role };

export async function getAppForUser(appId: number, userId: string): Promise<AppForUser | null> {
  const app = await findApp(appId);
  if (!app) return null;
  const role = await roleIn(app.teamId, userId);
  return role ? { ...app, role } : null;
}

/** The app id from a route segment or form field; anything but a positive integer is a 404. */
export function parseAppId(value: unknown): number {
  const parsed = appIdParamSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The app from a route segment if the user may see it, else null (malformed, unknown or another team's). */
export async function findAppForUser(appIdParam: unknown, userId: string): Promise<AppForUser | null> {
  const appId = appIdParamSchema.safeParse(appIdParam);
  return appId.success ? getAppForUser(appId.data, userId) : null;
}

/** The app if the user may see it, else a 404. */
export async function requireAppForUser(appId: number, userId: string): Promise<AppForUser> {
  const app = await getAppForUser(appId, userId);
  if (!app) notFound();
  return app;
}

/**
 * For pages and layouts under /apps/[appId]: the signed-in user and the app, or 404; a 403 when their role
 * does not allow what the page is for.
 */
export async function requireApp(
  params: Promise<{ appId: string }> | { appId: string },
  capability: Capability = "read",
) {
  const user = await requireUser();
  const app = await requireAppForUser(parseAppId((await params).appId), user.id);
  if (!can(app.role, capability)) forbidden();
  return { user, app };
}
