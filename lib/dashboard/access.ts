// The JSON views of an app: an unknown view or subject (endpoint, error) is "not found"
// (null), as an unknown app or someone else's is.
import { findAppForUser, type AppWithEnvironments } from "@/lib/apps/access";
import type { SearchParamsInput } from "@/lib/filters";
import { loadView, viewNameSchema, type ViewEnvelope, type ViewName } from "./views";

/** One view of an app whose access was checked (the route's withApp). */
export async function loadAppView(
  app: Pick<AppWithEnvironments, "id">,
  viewParam: string,
  params: SearchParamsInput,
  nowMs = Date.now(),
): Promise<ViewEnvelope<ViewName> | null> {
  const view = viewNameSchema.safeParse(viewParam);
  if (!view.success) return null;
  return loadView(app.id, view.data, params, nowMs);
}

/** The same for a user id and the app id as text, checking access as the route does. */
export async function loadViewForUser(
  userId: string,
  appIdParam: string,
  viewParam: string,
  params: SearchParamsInput,
  nowMs = Date.now(),
): Promise<ViewEnvelope<ViewName> | null> {
  const app = await findAppForUser(appIdParam, userId);
  return app ? loadAppView(app, viewParam, params, nowMs) : null;
}
