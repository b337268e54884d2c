import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, { error: "That email address is too long." }));

// bcrypt only looks at the first 72 bytes; a longer password would silently be truncated.
const PASSWORD_MAX_BYTES = 72;

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(8, { error: "Use at least 8 characters." })
  .refine((p) => Buffer.byteLength(p, "utf8") <= PASSWORD_MAX_BYTES, { error: "Use at most 72 characters." });

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z
    .string()
    .trim()
    .max(64, { error: "Use at most 64 characters." })
    .optional()
    .transform((n) => n || undefined),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(1024),
});

export type SignUpInput = z.output<typeof signUpSchema>;
export type SignInInput = z.output<typeof signInSchema>;

/** Only same-site paths may be redirect targets after sign-in (no open redirects). */
export const callbackPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch("/apps");
