"use server";

import { revalidatePath } from "next/cache";
import { appFormAction } from "@/lib/actions/app-action";
import { formatDuration } from "@/lib/format";
import { deleteHealthCheck, saveHealthCheck, setHeartbeat } from "@/lib/uptime/settings";

export const setHeartbeatAction = appFormAction(setHeartbeat, ({ env, enabled, seconds }, { appId, values }) => {
  revalidatePath(`/apps/${appId}/uptime`);
  const message = enabled
    ? `Heartbeat of ${env} on: down after ${formatDuration(seconds)} without data.`
    : `Heartbeat monitoring of ${env} turned off.`;
  return { ok: true, message, values };
});

export const saveHealthCheckAction = appFormAction(saveHealthCheck, ({ env, enabled }, { appId }) => {
  revalidatePath(`/apps/${appId}/uptime`);
  return {
    ok: true,
    message: enabled
      ? `Health check of ${env} saved: it runs within seconds.`
      : `Health check of ${env} saved, paused.`,
  };
});

export const deleteHealthCheckAction = appFormAction(deleteHealthCheck, ({ env }, { appId }) => {
  revalidatePath(`/apps/${appId}/uptime`);
  return { ok: true, message: `Health check of ${env} removed.` };
});
