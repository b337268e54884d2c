"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/teams/invitations";
import { formText, type FormState } from "@/lib/validations/result";

export async function acceptInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = await acceptInvitation(user, formText(form, "token"));
  if (!result.ok) return { message: result.message };
  redirect("/apps");
}
