"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { appFormAction } from "@/lib/actions/app-action";
import { createAlertRule, deleteAlertRule, setAlertRuleEnabled, updateAlertRule } from "@/lib/alerts/rules";

const backToRules = (_: unknown, { appId }: { appId: number }): never => {
  revalidatePath(`/apps/${appId}/alerts`);
  redirect(`/apps/${appId}/alerts`);
};

export const createRuleAction = appFormAction(createAlertRule, backToRules);
export const updateRuleAction = appFormAction(updateAlertRule, backToRules);

export const toggleRuleAction = appFormAction(setAlertRuleEnabled, (_, { appId }) => {
  revalidatePath(`/apps/${appId}/alerts`);
  return { ok: true };
});

export const deleteRuleAction = appFormAction(deleteAlertRule, (_, { appId }) => {
  revalidatePath(`/apps/${appId}/alerts`);
  return { ok: true };
});
