// The shape every mutation at a boundary returns, so forms can show errors next to the
// fields they belong to and tests can assert on the same messages a person sees.
import { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

export type Result<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors; message?: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function invalid(
  fieldErrors: FieldErrors,
  message?: string,
): { ok: false; fieldErrors: FieldErrors; message?: string } {
  return { ok: false, fieldErrors, message };
}

export function fromZodError(error: z.ZodError): { ok: false; fieldErrors: FieldErrors; message?: string } {
  const flat = z.flattenError(error);
  return invalid(flat.fieldErrors as FieldErrors, flat.formErrors[0]);
}

/** Parses input with a schema into a Result instead of throwing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : fromZodError(parsed.error);
}

/** A FormData field as a string ("" when missing or a file), for schemas to validate. */
export function formText(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

/** What a form's server action hands back to useActionState. */
export type FormState = {
  ok?: boolean;
  fieldErrors?: FieldErrors;
  message?: string;
  /** The submitted text, so the form can show it again (React resets forms after an action). */
  values?: Record<string, string>;
};
