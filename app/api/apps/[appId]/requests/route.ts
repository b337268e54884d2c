// A page of the app's logged requests as JSON, polled by the Requests view (live mode) and
// fetched for "load more" (?cursor=). Bad params are a 400 naming each one, never a 500.
import { json, withApp } from "@/lib/auth/app-route";
import { loadRequests } from "@/lib/dashboard/requests";

export const dynamic = "force-dynamic";

export const GET = withApp(async ({ app, request }) => {
  const envelope = await loadRequests(app.id, new URL(request.url).searchParams);
  if (envelope.issues.length) {
    return json({ error: envelope.issues.map((i) => i.message).join("; "), issues: envelope.issues }, 400);
  }
  return json(envelope);
});
