"use server";

import { revalidatePath } from "next/cache";
import { appFormAction } from "@/lib/actions/app-action";
import { setAppApdex } from "@/lib/apps/apdex";
import { setCapOverrides } from "@/lib/apps/cap-overrides";
import { rotateCredential } from "@/lib/apps/rotate";

export const setAppApdexAction = appFormAction(setAppApdex, ({ apdexTMs }, { appId }) => {
  revalidatePath(`/apps/${appId}`, "layout");
  return { ok: true, message: `Apdex threshold set to ${apdexTMs} ms.`, values: { apdexTMs: String(apdexTMs) } };
});

export const rotateCredentialAction = appFormAction(rotateCredential, ({ credential }, { appId }) => {
  revalidatePath(`/apps/${appId}`, "layout");
  const name = credential === "clientId" ? "client ID" : "write token";
  return { ok: true, message: `New ${name} issued. Deploy it; the previous one keeps working meanwhile.` };
});

export const setCapOverridesAction = appFormAction(setCapOverrides, (_, { appId, values }) => {
  revalidatePath(`/apps/${appId}`, "layout");
  return { ok: true, message: "Limits saved. They hold from the next new key.", values };
});
