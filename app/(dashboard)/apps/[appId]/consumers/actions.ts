"use server";
// Consumer edits from the Consumers view. The signed-in user and the app id are checked in
// lib/consumers (404 unless the user owns the app and the consumer is in it); the input is
// validated there with zod.
import { revalidatePath } from "next/cache";
import { parseAppId } from "@/lib/apps/access";
import { requireUser } from "@/lib/auth/session";
import { setConsumerGroup } from "@/lib/consumers/group";
import { setConsumerHidden } from "@/lib/consumers/hide";
import { renameConsumer } from "@/lib/consumers/rename";

async function asUser<T extends { ok: boolean }>(appIdParam: unknown, edit: (userId: string, appId: number) => Promise<T>): Promise<T> {
  const user = await requireUser();
  const appId = parseAppId(String(appIdParam));
  const result = await edit(user.id, appId);
  // Names and groups show in every view and in the filter bar.
  if (result.ok) revalidatePath(`/apps/${appId}`, "layout");
  return result;
}

export async function renameConsumerAction(appId: number, input: { consumerId: number; name: string }) {
  return asUser(appId, (userId, id) => renameConsumer(userId, id, input));
}

export async function setConsumerGroupAction(appId: number, input: { consumerId: number; group: string }) {
  return asUser(appId, (userId, id) => setConsumerGroup(userId, id, input));
}

export async function setConsumerHiddenAction(appId: number, input: { consumerId: number; hidden: boolean }) {
  return asUser(appId, (userId, id) => setConsumerHidden(userId, id, input));
}
