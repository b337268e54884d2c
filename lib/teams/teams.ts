// Teams themselves: making one (anyone signed in; they become its owner), renaming, switching to it, deleting it
// with its apps (owners).
import { notFound } from "next/navigation";
import { z } from "zod";
import { teamAction, userAction } from "@/lib/actions/app-action";
import { deleteAppData } from "@/lib/apps/delete";
import { prisma } from "@/lib/db";
import { invalid, ok } from "@/lib/validations/result";
import { teamFormSchema } from "@/lib/validations/team";

/** A team with its creator as owner, made the team they work in. */
export const createTeam = userAction(teamFormSchema, async ({ userId, input }) => {
  const team = await prisma().team.create({
    data: { name: input.name, members: { create: { userId, role: "owner" } } },
    select: { id: true, name: true },
  });
  await prisma().user.update({ where: { id: userId }, data: { currentTeamId: team.id } });
  return ok(team);
});

export const renameTeam = teamAction("own", teamFormSchema, async ({ team, input }) => {
  await prisma().team.update({ where: { id: team.id }, data: { name: input.name } });
  return ok({ name: input.name });
});

/** The team the apps list shows from now on. */
export const switchTeam = teamAction("read", z.object({}), async ({ userId, team }) => {
  await prisma().user.update({ where: { id: userId }, data: { currentTeamId: team.id } });
  return ok({ id: team.id, name: team.name });
});

/** Deletes the team, every app in it with all their data, its invitations and keys, once its name is typed. */
export const deleteTeam = teamAction(
  "own",
  z.object({ confirmation: z.string().trim().max(200) }),
  async ({ team, input }) => {
    if (input.confirmation !== team.name) {
      return invalid({ confirmation: [`Type the team's name, ${team.name}, to confirm.`] });
    }
    const apps = await prisma().app.findMany({ where: { teamId: team.id }, select: { id: true } });
    // App by app, each in short slices (lib/apps/delete.ts), so a big team never holds one long write lock; the
    // team goes last.
    for (const app of apps) await deleteAppData(app.id);
    const { count } = await prisma().team.deleteMany({ where: { id: team.id } });
    if (count === 0) notFound();
    return ok({ name: team.name });
  },
);
