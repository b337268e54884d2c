// The Apdex threshold T of an app, and optional overrides per endpoint. Both check
// ownership in the same statement that writes, so someone else's app is a 404.
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { appApdexSchema, endpointApdexSchema } from "@/lib/validations/apdex";
import { parseInput, type Result } from "@/lib/validations/result";

export async function setAppApdex(userId: string, appId: number, input: unknown): Promise<Result<{ apdexTMs: number }>> {
  const parsed = parseInput(appApdexSchema, input);
  if (!parsed.ok) return parsed;
  const { count } = await prisma().app.updateMany({ where: { id: appId, ownerId: userId }, data: { apdexTMs: parsed.value.apdexTMs } });
  if (count === 0) notFound();
  return { ok: true, value: parsed.value };
}

export async function setEndpointApdex(
  userId: string,
  appId: number,
  endpointId: number,
  input: unknown,
): Promise<Result<{ apdexTMs: number | null }>> {
  const parsed = parseInput(endpointApdexSchema, input);
  if (!parsed.ok) return parsed;
  const owned = await prisma().app.count({ where: { id: appId, ownerId: userId } });
  if (!owned) notFound();
  const { count } = await prisma().endpoint.updateMany({ where: { appId, id: endpointId }, data: { apdexTMs: parsed.value.apdexTMs } });
  if (count === 0) notFound();
  return { ok: true, value: parsed.value };
}
