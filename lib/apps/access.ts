// Who may see which app. Every page, route handler and server action that takes an app id
// goes through here: an unknown app and someone else's app look the same (404), so app ids
// reveal nothing. getAppForUser is the rule itself; pages use requireApp, server actions
// the guard in lib/actions/app-action.ts, JSON routes withApp in lib/auth/app-route.ts.
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appIdParamSchema } from "@/lib/validations/app";

export async function getAppForUser(appId: number, userId: string) {
  return prisma().app.findFirst({
    where: { id: appId, ownerId: userId },
    include: { environments: { orderBy: { id: "asc" } } },
  });
}

export type AppWithEnvironments = NonNullable<Awaited<ReturnType<typeof getAppForUser>>>;

/** The app id from a route segment or form field; anything but a positive integer is a 404. */
export function parseAppId(value: unknown): number {
  const parsed = appIdParamSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The app from a route segment if the user may see it, else null (malformed, unknown or someone else's). */
export async function findAppForUser(appIdParam: unknown, userId: string): Promise<AppWithEnvironments | null> {
  const appId = appIdParamSchema.safeParse(appIdParam);
  return appId.success ? getAppForUser(appId.data, userId) : null;
}

/** The app if the user owns it, else a 404. */
export async function requireOwnedApp(appId: number, userId: string): Promise<AppWithEnvironments> {
  const app = await getAppForUser(appId, userId);
  if (!app) notFound();
  return app;
}

/** For pages and layouts under /apps/[appId]: the signed-in user and their app, or 404. */
export async function requireApp(params: Promise<{ appId: string }> | { appId: string }) {
  const user = await requireUser();
  const app = await requireOwnedApp(parseAppId((await params).appId), user.id);
  return { user, app };
}
