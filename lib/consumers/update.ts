import { notFound } from "next/navigation";
import type { Param, Sql } from "@/lib/db";
import { OTHER_ID } from "@/lib/model/other-row";

/**
 * Updates one consumer of the app. No such consumer in this app is a 404, as for someone
 * else's app: consumer ids reveal nothing. So is "(other)": no client named it, so a name,
 * group or hiding given to it would mean nothing.
 */
export async function updateConsumerOr404(
  db: Sql,
  appId: number,
  consumerId: number,
  set: string,
  params: Param[],
): Promise<void> {
  const changed = await db.run(`UPDATE "Consumer" SET ${set} WHERE "appId" = ? AND "id" = ? AND "id" <> ?`, [
    ...params,
    appId,
    consumerId,
    OTHER_ID,
  ]);
  if (changed === 0) notFound();
}
