// The entry point of the JSON views for a signed-in user: someone else's app, an unknown
// app or view, or an unknown subject (endpoint, error) are all "not found" (null).
import { getAppForUser } from "@/lib/apps/access";
import type { SearchParamsInput } from "@/lib/filters";
import { appIdParamSchema } from "@/lib/validations/app";
import { loadView, viewNameSchema, type ViewEnvelope, type ViewName } from "./views";

export async function loadViewForUser(
  userId: string,
  appIdParam: string,
  viewParam: string,
  params: SearchParamsInput,
  nowMs = Date.now(),
): Promise<ViewEnvelope<ViewName> | null> {
  const appId = appIdParamSchema.safeParse(appIdParam);
  const view = viewNameSchema.safeParse(viewParam);
  if (!appId.success || !view.success) return null;
  const app = await getAppForUser(appId.data, userId);
  if (!app) return null;
  return loadView(app.id, view.data, params, nowMs);
}
