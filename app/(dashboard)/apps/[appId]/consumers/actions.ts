"use server";

// Consumer edits from the Consumers view: mutations from lib/consumers (the app must be the
// user's and the consumer in it, else 404; the input is validated with zod) behind the
// signed-in user, via lib/actions/app-action.ts. They return the mutation's Result.
import { revalidatePath } from "next/cache";
import { appCallAction } from "@/lib/actions/app-action";
import { setConsumerGroup } from "@/lib/consumers/group";
import { setConsumerHidden } from "@/lib/consumers/hide";
import { renameConsumer } from "@/lib/consumers/rename";

// Names and groups show in every view and in the filter bar.
const revalidateApp = (_: unknown, { appId }: { appId: number }) => revalidatePath(`/apps/${appId}`, "layout");

export const renameConsumerAction = appCallAction(renameConsumer, revalidateApp);

export const setConsumerGroupAction = appCallAction(setConsumerGroup, revalidateApp);

export const setConsumerHiddenAction = appCallAction(setConsumerHidden, revalidateApp);
