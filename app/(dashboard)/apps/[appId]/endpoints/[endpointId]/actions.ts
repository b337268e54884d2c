"use server";

import { revalidatePath } from "next/cache";
import { appFormAction } from "@/lib/actions/app-action";
import { setEndpointApdexInput } from "@/lib/apps/apdex";

export const setEndpointApdexAction = appFormAction(setEndpointApdexInput, ({ apdexTMs: t }, { appId, values }) => {
  // values.endpointId is the form's text, a valid id by now (anything else was a 404).
  revalidatePath(`/apps/${appId}/endpoints/${values.endpointId}`);
  return {
    ok: true,
    message: t === null ? "This endpoint now uses the app's threshold." : `Threshold for this endpoint set to ${t} ms.`,
    values: { apdexTMs: t === null ? "" : String(t) },
  };
});
