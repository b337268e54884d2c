import { z } from "zod";
import { subjectIdSchema } from "./app";

// Apdex T: "satisfied" at or below T, "tolerating" up to 4T. Response times arrive in
// 10 ms bins, so T is a whole number of milliseconds of at least one bin.
export const APDEX_T_LIMITS = { min: 10, max: 60_000 } as const;

const thresholdMs = z.coerce
  .number({ error: "Enter a number of milliseconds." })
  .int({ error: "Use a whole number of milliseconds." })
  .min(APDEX_T_LIMITS.min, { error: `Use at least ${APDEX_T_LIMITS.min} ms.` })
  .max(APDEX_T_LIMITS.max, { error: `Use at most ${APDEX_T_LIMITS.max.toLocaleString("en")} ms.` });

export const appApdexSchema = z.object({ apdexTMs: thresholdMs });

/** Per endpoint, an empty value means "use the app's threshold". */
export const endpointApdexSchema = z.object({
  endpointId: subjectIdSchema,
  apdexTMs: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), thresholdMs.nullable()),
});
