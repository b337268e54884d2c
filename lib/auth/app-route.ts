// The one guard for the JSON routes of an app (app/api/apps/[appId]/**/route.ts): signed out
// is a 401; a malformed or unknown app id and another team's app are the same 404, so app ids
// reveal nothing; a role too small for the route is a 403. Access is lib/apps/access.ts's rule,
// the same as for pages and actions.
import { findAppForUser, type AppForUser } from "@/lib/apps/access";
import { can, forbiddenMessage, type Capability } from "@/lib/teams/roles";
import type { SessionUser } from "./credentials";
import { currentUser } from "./session";

/** Every answer of these routes: JSON, never cached (they are polled). */
export const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The route's "not found": for the app, and for whatever the handler cannot find in it. */
export const notFoundJson = () => json({ error: "Not found." }, 404);

export interface AppRouteContext<P> {
  user: SessionUser;
  /** The app, checked: the user may do what the route does with it. */
  app: AppForUser;
  /** The route's segments (appId as it came, still text). */
  params: P;
  request: Request;
}

/** A route handler for an app: session → app id → access → role → handler. */
export function withApp<P extends { appId: string } = { appId: string }>(
  handler: (ctx: AppRouteContext<P>) => Promise<Response>,
  capability: Capability = "read",
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const user = await currentUser();
    if (!user) return json({ error: "Sign in to see this app." }, 401);
    const segments = await params;
    const app = await findAppForUser(segments.appId, user.id);
    if (!app) return notFoundJson();
    if (!can(app.role, capability)) return json({ error: forbiddenMessage(capability) }, 403);
    return handler({ user, app, params: segments, request });
  };
}
