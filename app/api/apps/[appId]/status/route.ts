// The setup page polls this to flip from "Waiting for first data…" to "Receiving data".
import { currentUser } from "@/lib/auth/session";
import { getAppForUser } from "@/lib/apps/access";
import { getSetupStatus } from "@/lib/apps/instances";
import { appIdParamSchema } from "@/lib/validations/app";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ appId: string }> }) {
  const user = await currentUser();
  if (!user) return json({ error: "Sign in to see this app." }, 401);
  const appId = appIdParamSchema.safeParse((await params).appId);
  const app = appId.success ? await getAppForUser(appId.data, user.id) : null;
  if (!app) return json({ error: "App not found." }, 404);
  return json(await getSetupStatus(app.id));
}
