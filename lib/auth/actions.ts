"use server";

// Sign-up, sign-in and sign-out as server actions. Validation happens here and again in
// the Credentials provider, because /api/auth/callback/credentials is reachable directly.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { callbackPathSchema, signInSchema } from "@/lib/validations/auth";
import { formText, parseInput, type FormState } from "@/lib/validations/result";
import { signIn, SignInBusy, SignInLocked, signOut } from "./auth";
import { clientAddress } from "./client-address";
import { SIGN_IN_PATH } from "./config";
import { lockedMessage } from "./credentials";
import { PASSWORDS_BUSY_MESSAGE, passwordsFull } from "./password";
import { SIGNED_UP_MESSAGE, signUp } from "./sign-up";

const WRONG_CREDENTIALS = "Wrong email or password.";

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: formText(form, "email") };
  const parsed = parseInput(signInSchema, { email: values.email, password: formText(form, "password") });
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  // Before next-auth runs at all: its sign-in would only end in the same answer from the Credentials provider.
  if (passwordsFull()) return { message: PASSWORDS_BUSY_MESSAGE, values };
  const redirectTo = callbackPathSchema.parse(formText(form, "callbackUrl"));
  try {
    await signIn("credentials", { ...parsed.value, redirectTo });
  } catch (e) {
    // signIn redirects by throwing NEXT_REDIRECT, which must reach Next.js untouched.
    if (!(e instanceof AuthError)) throw e;
    if (e instanceof SignInLocked) return { message: lockedMessage(e.retryAfterS), values };
    if (e instanceof SignInBusy) return { message: PASSWORDS_BUSY_MESSAGE, values };
    return {
      message: e.type === "CredentialsSignin" ? WRONG_CREDENTIALS : "Signing in failed. Please try again.",
      values,
    };
  }
  return {};
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: formText(form, "email"), name: formText(form, "name") };
  const password = formText(form, "password");
  const invite = formText(form, "invite") || undefined;
  const result = await signUp({ ...values, password }, invite, clientAddress(await headers()));
  if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.message, values };
  // The same answer whether the address was new or already had an account (lib/auth/sign-up.ts): sign in next.
  if (!result.value.signInNow) return { ok: true, message: SIGNED_UP_MESSAGE, values: { email: result.value.email } };
  try {
    await signIn("credentials", { email: result.value.email, password, redirectTo: "/apps" });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    // The account exists; only the automatic sign-in failed (e.g. this network is locked out).
    redirect(SIGN_IN_PATH);
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
