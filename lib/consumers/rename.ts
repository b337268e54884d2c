// Renaming a consumer in the dashboard. nameByUser makes the name stick: later syncs that
// carry the client's name for it no longer change it (lib/store/consumers.ts).
import { appAction } from "@/lib/actions/app-action";
import { sql } from "@/lib/db";
import { ok } from "@/lib/validations/result";
import { renameConsumerSchema } from "./schemas";
import { updateConsumerOr404 } from "./update";

export const renameConsumer = appAction("use", renameConsumerSchema, async ({ app, input: { consumerId, name } }) => {
  await updateConsumerOr404(sql(), app.id, consumerId, `"name" = ?, "nameByUser" = ?`, [name, true]);
  return ok({ name });
});
