"use server";

// Server actions for apps: each is a mutation from lib/apps (which checks the app is the
// user's to change, then validates the input) behind the signed-in user and the form's fields, via
// lib/actions/app-action.ts. Here: what the form shows after, and what to revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { appFormAction, teamFormAction } from "@/lib/actions/app-action";
import { createApp } from "@/lib/apps/create";
import { deleteApp } from "@/lib/apps/delete";
import { addEnvironment, removeEnvironment } from "@/lib/apps/environments";
import { renameApp } from "@/lib/apps/rename";
import { formText, type FormState } from "@/lib/validations/result";

export const createAppAction = teamFormAction(createApp, (app) => {
  revalidatePath("/apps");
  redirect(`/apps/${app.id}/setup`);
});

export const renameAppAction = appFormAction(renameApp, ({ name }) => {
  revalidatePath("/apps", "layout");
  return { ok: true, message: "Name saved.", values: { name } };
});

const addEnvironmentAction = appFormAction(addEnvironment, ({ name }) => {
  revalidatePath("/apps", "layout");
  return { ok: true, message: `Added "${name}".` };
});

const removeEnvironmentAction = appFormAction(removeEnvironment, ({ name }) => {
  revalidatePath("/apps", "layout");
  return { ok: true, message: `Removed "${name}".` };
});

/** One action for the environments card, so its message is always about the last change. */
export async function editEnvironmentsAction(prev: FormState, form: FormData): Promise<FormState> {
  return (formText(form, "intent") === "remove" ? removeEnvironmentAction : addEnvironmentAction)(prev, form);
}

export const deleteAppAction = appFormAction(deleteApp, () => {
  revalidatePath("/apps", "layout");
  redirect("/apps");
});
