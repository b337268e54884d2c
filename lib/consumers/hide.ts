// Hiding a consumer keeps it out of the consumer lists and filters until it sends requests
// again (its lastSeen passes hiddenAt, see VISIBLE_CONSUMER in lib/queries/where.ts).
import { requireOwnedApp } from "@/lib/apps/access";
import { sql } from "@/lib/db";
import { parseInput, type Result } from "@/lib/validations/result";
import { setConsumerHiddenSchema } from "./schemas";
import { updateConsumerOr404 } from "./update";

export async function setConsumerHidden(userId: string, appId: number, input: unknown, nowS = Math.floor(Date.now() / 1000)): Promise<Result<{ hidden: boolean }>> {
  await requireOwnedApp(appId, userId);
  const parsed = parseInput(setConsumerHiddenSchema, input);
  if (!parsed.ok) return parsed;
  const { consumerId, hidden } = parsed.value;
  await updateConsumerOr404(sql(), appId, consumerId, `"hidden" = ?, "hiddenAt" = ?`, [hidden, hidden ? nowS : null]);
  return { ok: true, value: { hidden } };
}
