"use server";

import { revalidatePath } from "next/cache";
import { appFormAction } from "@/lib/actions/app-action";
import { setAppApdex } from "@/lib/apps/apdex";

export const setAppApdexAction = appFormAction(setAppApdex, ({ apdexTMs }, { appId }) => {
  revalidatePath(`/apps/${appId}`, "layout");
  return { ok: true, message: `Apdex threshold set to ${apdexTMs} ms.`, values: { apdexTMs: String(apdexTMs) } };
});
