"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { parseAppId } from "@/lib/apps/access";
import { setEndpointApdex } from "@/lib/apps/apdex";
import { formText, type FormState } from "@/lib/validations/result";

export async function setEndpointApdexAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  // Endpoint ids are per-app positive integers, the same shape as app ids.
  const endpointId = parseAppId(formText(form, "endpointId"));
  const values = { apdexTMs: formText(form, "apdexTMs") };
  const result = await setEndpointApdex(user.id, appId, endpointId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath(`/apps/${appId}/endpoints/${endpointId}`);
  const t = result.value.apdexTMs;
  return { ok: true, message: t === null ? "This endpoint now uses the app's threshold." : `Threshold for this endpoint set to ${t} ms.`, values: { apdexTMs: t === null ? "" : String(t) } };
}
