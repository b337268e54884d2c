import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { renameAppSchema } from "@/lib/validations/app";
import { parseInput, type Result } from "@/lib/validations/result";

export async function renameApp(userId: string, appId: number, input: unknown): Promise<Result<{ name: string }>> {
  const parsed = parseInput(renameAppSchema, input);
  if (!parsed.ok) return parsed;
  // The owner is part of the WHERE, so checking and renaming are one statement.
  const { count } = await prisma().app.updateMany({ where: { id: appId, ownerId: userId }, data: { name: parsed.value.name } });
  if (count === 0) notFound();
  return { ok: true, value: parsed.value };
}
