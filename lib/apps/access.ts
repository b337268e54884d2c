// Who may see which app. Every page, route handler and server action that takes an app id
// goes through here: an unknown app and someone else's app look the same (404), so app ids
// reveal nothing.
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/session";
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
