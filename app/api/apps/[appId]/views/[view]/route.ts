// The dashboard views as JSON, polled by the client every few seconds (TanStack Query).
// The same bundles the pages render first (lib/dashboard/views.ts). Someone else's app, an
// unknown view or subject: 404. Bad filter params never fail: they come back as `issues`.
import { currentUser } from "@/lib/auth/session";
import { loadViewForUser } from "@/lib/dashboard/access";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ appId: string; view: string }> }) {
  const user = await currentUser();
  if (!user) return json({ error: "Sign in to see this app." }, 401);
  const { appId, view } = await params;
  const envelope = await loadViewForUser(user.id, appId, view, new URL(request.url).searchParams);
  if (!envelope) return json({ error: "Not found." }, 404);
  return json(envelope);
}
