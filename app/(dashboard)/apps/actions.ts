"use server";
// Server actions for apps: each one is the signed-in user plus a call into lib/apps, which
// validates the input and checks the user owns the app (someone else's app is a 404).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { parseAppId } from "@/lib/apps/access";
import { createApp } from "@/lib/apps/create";
import { deleteApp } from "@/lib/apps/delete";
import { addEnvironment, removeEnvironment } from "@/lib/apps/environments";
import { renameApp } from "@/lib/apps/rename";
import { splitEnvironments } from "@/lib/validations/app";
import { formText, type FormState } from "@/lib/validations/result";

export async function createAppAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = { name: formText(form, "name"), framework: formText(form, "framework"), environments: formText(form, "environments") };
  const result = await createApp(user.id, { ...values, environments: splitEnvironments(values.environments) });
  if (!result.ok) return { ...result, values };
  revalidatePath("/apps");
  redirect(`/apps/${result.value.id}/setup`);
}

export async function renameAppAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  const values = { name: formText(form, "name") };
  const result = await renameApp(user.id, appId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath("/apps", "layout");
  return { ok: true, message: "Name saved.", values: { name: result.value.name } };
}

/** One action for the environments card, so its message is always about the last change. */
export async function editEnvironmentsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  if (formText(form, "intent") === "remove") {
    const result = await removeEnvironment(user.id, appId, { envId: formText(form, "envId") });
    if (!result.ok) return result;
    revalidatePath("/apps", "layout");
    return { ok: true, message: `Removed "${result.value.name}".` };
  }
  const values = { name: formText(form, "name") };
  const result = await addEnvironment(user.id, appId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath("/apps", "layout");
  return { ok: true, message: `Added "${result.value.name}".` };
}

export async function deleteAppAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  const values = { confirmation: formText(form, "confirmation") };
  const result = await deleteApp(user.id, appId, values);
  if (!result.ok) return { ...result, values };
  revalidatePath("/apps", "layout");
  redirect("/apps");
}
