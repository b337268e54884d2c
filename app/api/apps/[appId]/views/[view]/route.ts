// The dashboard views as JSON, polled by the client every few seconds (TanStack Query).
// The same bundles the pages render first (lib/dashboard/views.ts). Signed out: 401;
// someone else's app, an unknown view or subject: 404. Bad filter params never fail: they
// come back as `issues`.
import { json, notFoundJson, withApp } from "@/lib/auth/app-route";
import { loadAppView } from "@/lib/dashboard/access";

export const dynamic = "force-dynamic";

export const GET = withApp<{ appId: string; view: string }>(async ({ app, params, request }) => {
  const envelope = await loadAppView(app, params.view, new URL(request.url).searchParams);
  return envelope ? json(envelope) : notFoundJson();
});
