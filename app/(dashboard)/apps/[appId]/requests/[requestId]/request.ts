// The request a detail URL names, for its layout and its page alike (cache: read once per
// render). The layout asks first, outside the page's loading boundary, so an unknown or
// another app's request is a real 404, not a streamed "not found" with status 200.
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireApp } from "@/lib/apps/access";
import { loadRequestDetail } from "@/lib/dashboard/requests";

export const requireRequest = cache(async (appIdParam: string, requestIdParam: string) => {
  const { app } = await requireApp({ appId: appIdParam });
  const detail = await loadRequestDetail(app.id, requestIdParam);
  if (!detail) notFound();
  return { app, detail };
});
