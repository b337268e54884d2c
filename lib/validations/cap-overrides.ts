// The instance admin's caps for one app (lib/apps/cap-overrides.ts), one field per capped kind: a blank field means
// "the server's cap". Ids are 32-bit, so no cap above the "(other)" row's id means anything.
import { z } from "zod";
import { OTHER_ID } from "@/lib/store/caps";

const cap = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce
    .number({ error: "Enter a whole number, or leave it blank for the server's cap." })
    .int({ error: "Use a whole number." })
    .min(1, { error: "Use at least 1." })
    .max(OTHER_ID - 1, { error: `Use at most ${(OTHER_ID - 1).toLocaleString("en")}.` })
    .optional(),
);

export const capOverridesSchema = z.object({
  environments: cap,
  endpoints: cap,
  consumers: cap,
  groups: cap,
  errors: cap,
  instances: cap,
});
