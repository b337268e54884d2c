// Adding and removing environments after an app exists. Ids come from App.nextEnvId, the
// same counter the hub uses when a client sends data for an environment it hasn't seen.
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { addEnvironmentSchema, MAX_ENVIRONMENTS, removeEnvironmentSchema } from "@/lib/validations/app";
import { invalid, parseInput, type Result } from "@/lib/validations/result";

export async function addEnvironment(userId: string, appId: number, input: unknown): Promise<Result<{ id: number; name: string }>> {
  const parsed = parseInput(addEnvironmentSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.value;
  return prisma().$transaction(async (tx) => {
    const app = await tx.app.findFirst({ where: { id: appId, ownerId: userId }, include: { environments: true } });
    if (!app) notFound();
    if (app.environments.some((e) => e.name === name)) return invalid({ name: [`"${name}" already exists.`] });
    if (app.environments.length >= MAX_ENVIRONMENTS) {
      return invalid({ name: [`An app can have at most ${MAX_ENVIRONMENTS} environments.`] });
    }
    const { nextEnvId } = await tx.app.update({
      where: { id: appId },
      data: { nextEnvId: { increment: 1 } },
      select: { nextEnvId: true },
    });
    const env = await tx.environment.create({ data: { appId, id: nextEnvId - 1, name } });
    return { ok: true as const, value: { id: env.id, name: env.name } };
  });
}

/** Removes one environment ({ envId }); an unknown environment, like an unknown app, is a 404. */
export async function removeEnvironment(userId: string, appId: number, input: unknown): Promise<Result<{ name: string }>> {
  const parsed = removeEnvironmentSchema.safeParse(input);
  if (!parsed.success) notFound();
  const { envId } = parsed.data;
  return prisma().$transaction(async (tx) => {
    const app = await tx.app.findFirst({ where: { id: appId, ownerId: userId }, include: { environments: true } });
    if (!app) notFound();
    const env = app.environments.find((e) => e.id === envId);
    if (!env) notFound();
    if (app.environments.length === 1) return invalid({ environment: ["An app needs at least one environment."] });
    await tx.environment.delete({ where: { appId_id: { appId, id: envId } } });
    return { ok: true as const, value: { name: env.name } };
  });
}
