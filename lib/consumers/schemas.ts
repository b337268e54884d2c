// Input of the consumer edits, validated at the server-action boundary. Names follow the
// clients' own limits (64 characters for name and group, see docs/hub-protocol.md §6).
import { z } from "zod";
import { OTHER_LABEL } from "@/lib/model/other-row";

const consumerId = z.coerce
  .number({ error: "Unknown consumer." })
  .int()
  .positive()
  .max(2 ** 31 - 1);

// Blank clears: the consumer shows its identifier again / leaves its group.
const optionalLabel = (what: string) =>
  z
    .string({ error: `Give a ${what}.` })
    .trim()
    .max(64, { error: `Use at most 64 characters for the ${what}.` })
    .transform((s) => s || null);

export const renameConsumerSchema = z.object({ consumerId, name: optionalLabel("name") });
// "(other)" is the group that holds what is past the app's cap of groups: a group of that name would pass for it.
export const setConsumerGroupSchema = z.object({
  consumerId,
  group: optionalLabel("group name").refine((g) => g !== OTHER_LABEL, {
    error: `"${OTHER_LABEL}" is kept for groups past the app's cap: choose another name.`,
  }),
});
export const setConsumerHiddenSchema = z.object({ consumerId, hidden: z.boolean().default(true) });
