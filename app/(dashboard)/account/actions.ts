"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userFormAction } from "@/lib/actions/app-action";
import { changePassword, deleteAccount, signOutEverywhere, updateName } from "@/lib/auth/account";
import { signIn, signOut } from "@/lib/auth/auth";
import { SIGN_IN_PATH } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/session";
import { formText, type FormState } from "@/lib/validations/result";

export const updateNameAction = userFormAction(updateName, ({ name }) => {
  revalidatePath("/", "layout");
  return { ok: true, message: "Name saved.", values: { name } };
});

/** Every other session ends with the change; this one is issued again under the new password. */
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const newPassword = formText(form, "newPassword");
  const result = await changePassword(user.id, { currentPassword: formText(form, "currentPassword"), newPassword });
  if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message };
  await signIn("credentials", {
    email: result.value.email,
    password: newPassword,
    redirectTo: "/account?saved=password",
  });
  return {};
}

export const signOutEverywhereAction = userFormAction(signOutEverywhere, async () => {
  await signOut({ redirectTo: SIGN_IN_PATH });
  return {};
});

export const deleteAccountAction = userFormAction(deleteAccount, async () => {
  await signOut({ redirect: false });
  redirect(SIGN_IN_PATH);
});
