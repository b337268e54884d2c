// Search as you type for the endpoint and consumer filters (?q=text&limit=n): the matches as JSON. Signed out: 401;
// someone else's app or an unknown kind: 404; a bad query: 400.
import { json, notFoundJson, withApp } from "@/lib/auth/app-route";
import { searchOptions } from "@/lib/dashboard/option-search";

export const dynamic = "force-dynamic";

export const GET = withApp<{ appId: string; kind: string }>(async ({ app, params, request }) => {
  const found = await searchOptions(app.id, params.kind, new URL(request.url).searchParams);
  if (found.kind === "unknown") return notFoundJson();
  if (found.kind === "invalid") return json({ error: found.error }, 400);
  return json({ matches: found.matches });
});
