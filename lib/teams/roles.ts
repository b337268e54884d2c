// What each role in a team may do. The guards (lib/actions/app-action.ts, lib/auth/app-route.ts, requireApp and
// requireTeam) compare a member's role with the least role an entry point needs; the UI asks the same question
// (`can`) to hide what a role cannot do, and the server refuses it anyway.
import { z } from "zod";

/** Least to most: each role may do everything the ones before it may. */
export const ROLES = ["viewer", "member", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { error: "Choose a role: viewer, member, admin or owner." });

export const ROLE_LABELS: Record<Role, { name: string; description: string }> = {
  viewer: { name: "Viewer", description: "Sees every dashboard, changes nothing" },
  member: { name: "Member", description: "Uses the dashboards, renames and groups consumers, manages alert rules" },
  admin: { name: "Admin", description: "Also creates and configures apps, credentials, channels and API keys" },
  owner: { name: "Owner", description: "Everything, including members and deleting the team" },
};

/** What an entry point does, and the least role it needs. */
export const NEEDS = {
  /** See an app's dashboards, the team and its members. */
  read: "viewer",
  /** Rename, group and hide consumers; alert rules. */
  use: "member",
  /** Create, configure and delete apps; credentials; channels; API keys. */
  configure: "admin",
  /** Members, invitations, the team's name, deleting the team. */
  own: "owner",
} as const satisfies Record<string, Role>;
export type Capability = keyof typeof NEEDS;

export function atLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}

export function can(role: Role, capability: Capability): boolean {
  return atLeast(role, NEEDS[capability]);
}

/** The message a refused action shows, naming what it needs. */
export function forbiddenMessage(capability: Capability): string {
  return `Your role in this team does not allow this (it needs ${ROLE_LABELS[NEEDS[capability]].name} or above).`;
}

/** A role as stored (text); an unknown value reads as the least role, never more. */
export function parseRole(value: string): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : "viewer";
}
