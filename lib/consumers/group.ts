// Putting a consumer into a group, by name: an existing group of the app or a new one.
// groupByUser makes the choice stick against the client's later syncs.
import { appAction } from "@/lib/actions/app-action";
import { appCap, OTHER_ID } from "@/lib/store/caps";
import { ensureGroups } from "@/lib/store/consumers";
import { inTransaction } from "@/lib/store/transaction";
import { invalid, ok } from "@/lib/validations/result";
import { setConsumerGroupSchema } from "./schemas";
import { updateConsumerOr404 } from "./update";

export const setConsumerGroup = appAction(
  "use",
  setConsumerGroupSchema,
  async ({ app, input: { consumerId, group } }) => {
    const groupId = await inTransaction(async (db) => {
      // The same creation as the ingest's (ingest may race us to it), held to the same cap.
      const id = group === null ? null : (await ensureGroups(db, app.id, new Map([[group, null]]))).get(group)!;
      if (id === OTHER_ID) return id;
      await updateConsumerOr404(db, app.id, consumerId, `"groupId" = ?, "groupByUser" = ?`, [id, true]);
      return id;
    });
    if (groupId === OTHER_ID)
      return invalid({
        group: [`This app has reached its limit of ${appCap("groups", app.capOverrides).toLocaleString("en")} groups.`],
      });
    return ok({ groupId, group });
  },
);
