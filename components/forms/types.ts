import type { FormState } from "@/lib/validations/result";

/** A server action for a form under useActionState. */
export type FormAction = (prev: FormState, form: FormData) => Promise<FormState>;

/** The ids a form posts besides what the person types (appId, teamId, …). */
export type HiddenFields = Record<string, string | number>;
