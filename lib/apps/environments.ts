// Adding and removing environments after an app exists. Ids come from App.nextEnvId, the
// same counter the hub uses when a client sends data for an environment it hasn't seen.
// The environments are read again inside each transaction (an app deleted since the access
// check is a 404 there).
import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { appCap, OTHER_ID, pastCapHint } from "@/lib/store/caps";
import { addEnvironmentSchema, removeEnvironmentSchema } from "@/lib/validations/app";
import { invalid, ok } from "@/lib/validations/result";

export const addEnvironment = appAction("configure", addEnvironmentSchema, async ({ app, input: { name } }) =>
  prisma().$transaction(async (tx) => {
    const { environments, capOverrides } =
      (await tx.app.findUnique({ where: { id: app.id }, include: { environments: true } })) ?? notFound();
    if (environments.some((e) => e.name === name)) return invalid({ name: [`"${name}" already exists.`] });
    // The ingest's cap, the app's own when the instance admin set one: "(other)" (data past it) is not one of them.
    const cap = appCap("environments", capOverrides);
    if (environments.filter((e) => e.id !== OTHER_ID).length >= cap) {
      return invalid({ name: [`This app can have at most ${cap} environments.`] });
    }
    const { nextEnvId } = await tx.app.update({
      where: { id: app.id },
      data: { nextEnvId: { increment: 1 }, envCount: { increment: 1 } },
      select: { nextEnvId: true },
    });
    const env = await tx.environment.create({ data: { appId: app.id, id: nextEnvId - 1, name } });
    return ok({ id: env.id, name: env.name });
  }),
);

/** Removes one environment ({ envId }); an unknown environment, like an unknown app, is a 404. */
export const removeEnvironment = appAction("configure", removeEnvironmentSchema, async ({ app, input: { envId } }) =>
  prisma().$transaction(async (tx) => {
    const { environments, capOverrides } =
      (await tx.app.findUnique({ where: { id: app.id }, include: { environments: true } })) ?? notFound();
    const env = environments.find((e) => e.id === envId);
    if (!env) notFound();
    // Data past the cap keeps arriving in "(other)", which the next sync would recreate.
    if (env.id === OTHER_ID) {
      const cap = appCap("environments", capOverrides);
      return invalid({ environment: [`${pastCapHint("environments", cap)}: it cannot be removed.`] });
    }
    if (environments.filter((e) => e.id !== OTHER_ID).length === 1) {
      return invalid({ environment: ["An app needs at least one environment."] });
    }
    await tx.environment.delete({ where: { appId_id: { appId: app.id, id: env.id } } });
    await tx.app.update({ where: { id: app.id }, data: { envCount: { decrement: 1 } } });
    return ok({ name: env.name });
  }),
);
