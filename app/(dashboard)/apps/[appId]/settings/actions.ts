"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { parseAppId } from "@/lib/apps/access";
import { setAppApdex } from "@/lib/apps/apdex";
import { formText, type FormState } from "@/lib/validations/result";

export async function setAppApdexAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  const values = { apdexTMs: formText(form, "apdexTMs") };
  const result = await setAppApdex(user.id, appId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath(`/apps/${appId}`, "layout");
  return { ok: true, message: `Apdex threshold set to ${result.value.apdexTMs} ms.`, values: { apdexTMs: String(result.value.apdexTMs) } };
}
