import { z } from "zod";
import { roleSchema } from "@/lib/teams/roles";
import { emailSchema } from "./auth";

/** Team ids are cuids (and, for teams made by the migration, user ids, also cuids). */
export const teamIdSchema = z.string().regex(/^[\w-]{1,64}$/, { error: "Not a team id." });

export const teamNameSchema = z
  .string({ error: "Give the team a name." })
  .trim()
  .min(1, { error: "Give the team a name." })
  .max(64, { error: "Use at most 64 characters." });

export const teamFormSchema = z.object({ name: teamNameSchema });

/** Invitations give any role but owner: ownership is handed over to someone already in the team. */
export const inviteSchema = z.object({
  email: emailSchema,
  role: roleSchema.exclude(["owner"], {
    error: "Invite as viewer, member or admin; make owners from the members list.",
  }),
});

export const memberRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });
export const memberSchema = z.object({ userId: z.string().min(1).max(64) });
export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });
