import { z } from "zod";
import { FRAMEWORK_IDS } from "@/lib/apps/frameworks";
import { settings } from "@/lib/settings";

// The clients' own rule (py and js): anything else makes the client switch itself off.
export const ENV_NAME_PATTERN = /^[\w-]{1,32}$/;
/** The same cap the ingest holds an app to (TALLYHUB_MAX_ENVIRONMENTS), read on the server when a form is checked. */
export const maxEnvironments = () => settings().TALLYHUB_MAX_ENVIRONMENTS;

export const appNameSchema = z
  .string({ error: "Give the app a name." })
  .trim()
  .min(1, { error: "Give the app a name." })
  .max(64, { error: "Use at most 64 characters." });

export const frameworkSchema = z.enum(FRAMEWORK_IDS, { error: "Choose a framework from the list." });

export const envNameSchema = z
  .string()
  .trim()
  .regex(ENV_NAME_PATTERN, {
    error: (iss) =>
      `"${String(iss.input).slice(0, 40)}" is not a valid environment name: use 1–32 letters, digits, "-" or "_".`,
  });

export const environmentsSchema = z
  .array(envNameSchema)
  .min(1, { error: "Add at least one environment." })
  .superRefine((names, ctx) => {
    if (names.length > maxEnvironments())
      ctx.addIssue({ code: "custom", message: `Use at most ${maxEnvironments()} environments.` });
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) ctx.addIssue({ code: "custom", message: `"${name}" is listed twice.` });
      seen.add(name);
    }
  });

export const createAppSchema = z.object({
  name: appNameSchema,
  framework: frameworkSchema,
  // A list, or the form's text: "prod, dev" or one per line.
  environments: z.preprocess((v) => (typeof v === "string" ? splitEnvironments(v) : v), environmentsSchema),
});

export const renameAppSchema = z.object({ name: appNameSchema });

export const addEnvironmentSchema = z.object({ name: envNameSchema });

export const deleteAppSchema = z.object({ confirmation: z.string().trim() });

export type CreateAppInput = z.input<typeof createAppSchema>;

/** "prod, dev" or one per line → ["prod", "dev"]: how the form sends its environment list. */
export function splitEnvironments(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// Ids arrive from URLs and forms as strings; anything but a plain positive integer is unknown.
const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(2 ** 31 - 1));

export const appIdParamSchema = idParamSchema;

/**
 * The id of something inside an app (environment, endpoint), as a number or a form's text. Anything else names
 * nothing (null), so the mutation answers 404 as for an unknown id: ids reveal nothing, and are no form error.
 */
export const subjectIdSchema = z.union([z.number().int().positive(), idParamSchema]).nullable().catch(null);

export const removeEnvironmentSchema = z.object({ envId: subjectIdSchema });
