import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { renameAppSchema } from "@/lib/validations/app";
import { ok } from "@/lib/validations/result";

export const renameApp = appAction("configure", renameAppSchema, async ({ app, input }) => {
  const { count } = await prisma().app.updateMany({ where: { id: app.id }, data: { name: input.name } });
  if (count === 0) notFound(); // deleted since the access check
  return ok({ name: input.name });
});
