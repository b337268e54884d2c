// The setup page polls this to flip from "Waiting for first data…" to "Receiving data".
import { getSetupStatus } from "@/lib/apps/instances";
import { json, withApp } from "@/lib/auth/app-route";

export const dynamic = "force-dynamic";

export const GET = withApp(async ({ app }) => json(await getSetupStatus(app.id)));
