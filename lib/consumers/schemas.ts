// Input of the consumer edits, validated at the server-action boundary. Names follow the
// clients' own limits (64 characters for name and group, see docs/hub-protocol.md §6).
import { z } from "zod";

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
export const setConsumerGroupSchema = z.object({ consumerId, group: optionalLabel("group name") });
export const setConsumerHiddenSchema = z.object({ consumerId, hidden: z.boolean().default(true) });
