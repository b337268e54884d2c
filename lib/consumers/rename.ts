// Renaming a consumer in the dashboard. nameByUser makes the name stick: later syncs that
// carry the client's name for it no longer change it (lib/store/consumers.ts).
import { sql } from "@/lib/db";
import { parseInput, type Result } from "@/lib/validations/result";
import { requireOwnedApp } from "@/lib/apps/access";
import { updateConsumerOr404 } from "./update";
import { renameConsumerSchema } from "./schemas";

export async function renameConsumer(userId: string, appId: number, input: unknown): Promise<Result<{ name: string | null }>> {
  await requireOwnedApp(appId, userId);
  const parsed = parseInput(renameConsumerSchema, input);
  if (!parsed.ok) return parsed;
  const { consumerId, name } = parsed.value;
  await updateConsumerOr404(sql(), appId, consumerId, `"name" = ?, "nameByUser" = ?`, [name, true]);
  return { ok: true, value: { name } };
}
