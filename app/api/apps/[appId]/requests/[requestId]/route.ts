// One logged request in full. Another app's request id is as unknown as a made-up one: 404.
import { json, notFoundJson, withApp } from "@/lib/auth/app-route";
import { loadRequestDetail } from "@/lib/dashboard/requests";

export const dynamic = "force-dynamic";

export const GET = withApp<{ appId: string; requestId: string }>(async ({ app, params }) => {
  const detail = await loadRequestDetail(app.id, params.requestId);
  return detail ? json(detail) : notFoundJson();
});
