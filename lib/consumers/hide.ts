// Hiding a consumer keeps it out of the consumer lists and filters until it sends requests
// again (its lastSeen passes hiddenAt, see VISIBLE_CONSUMER in lib/queries/where.ts).
import { appAction } from "@/lib/actions/app-action";
import { sql } from "@/lib/db";
import { ok } from "@/lib/validations/result";
import { setConsumerHiddenSchema } from "./schemas";
import { updateConsumerOr404 } from "./update";

export const setConsumerHidden = appAction(
  "use",
  setConsumerHiddenSchema,
  async ({ app, input: { consumerId, hidden } }, nowS: number = Math.floor(Date.now() / 1000)) => {
    await updateConsumerOr404(sql(), app.id, consumerId, `"hidden" = ?, "hiddenAt" = ?`, [
      hidden,
      hidden ? nowS : null,
    ]);
    return ok({ hidden });
  },
);
