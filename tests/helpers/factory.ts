// Test data that goes through the same tables the product uses. createApp mirrors
// what the create-app server action stores (lib/apps), without a browser.
import { randomUUID } from "node:crypto";
import { newWriteToken } from "@/lib/apps/write-token";
import { prisma, type Prisma } from "@/lib/db";

/** A user with a personal team they own (whose id is the user's, as the teams migration makes them). */
export async function createUser(email = `u-${randomUUID().slice(0, 8)}@example.com`, db: Prisma = prisma()) {
  const user = await db.user.create({ data: { email, passwordHash: "x" } });
  await db.team.create({
    data: { id: user.id, name: `${email}'s team`, members: { create: { userId: user.id, role: "owner" } } },
  });
  return db.user.update({ where: { id: user.id }, data: { currentTeamId: user.id } });
}

/** Adds a user to a team with a role. */
export async function addMember(teamId: string, userId: string, role: "owner" | "admin" | "member" | "viewer") {
  return prisma().membership.create({ data: { teamId, userId, role } });
}

/** An app in a team: `teamId`, else the personal team of `ownerId`, else of a new user. `db`: another database's client. */
export async function createApp(
  opts: { ownerId?: string; teamId?: string; name?: string; envs?: string[]; framework?: string } = {},
  db: Prisma = prisma(),
) {
  const teamId = opts.teamId ?? opts.ownerId ?? (await createUser(undefined, db)).id;
  const envs = opts.envs ?? ["prod", "dev"];
  return db.app.create({
    data: {
      teamId,
      name: opts.name ?? "Test app",
      framework: opts.framework ?? "fastapi",
      clientId: randomUUID(),
      writeToken: newWriteToken(),
      nextEnvId: envs.length + 1,
      envCount: envs.length,
      environments: { create: envs.map((name, i) => ({ id: i + 1, name })) },
    },
    include: { environments: true },
  });
}
