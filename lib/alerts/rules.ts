// Creating, editing, pausing and deleting alert rules. Members manage rules ("use"); the channels they notify are
// set up by admins (lib/alerts/channel-actions or the channels page). Every id in the input must belong to the app.
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { appAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import {
  alertRuleSchema,
  normaliseRule,
  ruleIdSchema,
  ruleToggleSchema,
  updateAlertRuleSchema,
  type AlertRuleInput,
} from "@/lib/validations/alert-rules";
import { invalid, ok, type FieldErrors, type Result } from "@/lib/validations/result";

/** The rule as stored, or field errors: its threshold and filters, then ids that are not the app's (a stale form). */
async function checkedRule(
  appId: number,
  parsed: Parameters<typeof normaliseRule>[0],
): Promise<Result<AlertRuleInput>> {
  const rule = normaliseRule(parsed);
  if (!rule.ok) return rule;
  const errors = await foreignIds(appId, rule.value);
  return errors ? invalid(errors, "Some choices are not valid for this app.") : rule;
}

async function foreignIds(appId: number, input: AlertRuleInput): Promise<FieldErrors | null> {
  const db = prisma();
  const [env, consumer, group, endpoint, channels] = await Promise.all([
    db.environment.count({ where: { appId, id: input.envId } }),
    input.consumerId ? db.consumer.count({ where: { appId, id: input.consumerId } }) : 1,
    input.groupId ? db.consumerGroup.count({ where: { appId, id: input.groupId } }) : 1,
    input.endpointId ? db.endpoint.count({ where: { appId, id: input.endpointId } }) : 1,
    input.channelIds.length ? db.alertChannel.count({ where: { appId, id: { in: input.channelIds } } }) : 0,
  ]);
  const errors: FieldErrors = {};
  if (!env) errors.envId = ["Choose an environment of this app."];
  if (!consumer) errors.consumerId = ["This consumer is not one of the app's."];
  if (!group) errors.groupId = ["This group is not one of the app's."];
  if (!endpoint) errors.endpointId = ["This endpoint is not one of the app's."];
  if (channels !== input.channelIds.length) errors.channelIds = ["A chosen channel no longer exists."];
  return Object.keys(errors).length ? errors : null;
}

function ruleColumns(input: AlertRuleInput) {
  return {
    name: input.name,
    envId: input.envId,
    metric: input.metric,
    operator: input.operator,
    threshold: input.threshold,
    windowMinutes: input.windowMinutes,
    checkEveryMinutes: input.checkEveryMinutes,
    notifyAfter: input.notifyAfter,
    resolveAfter: input.resolveAfter,
    consumerId: input.consumerId,
    groupId: input.groupId,
    endpointId: input.endpointId,
    channelIds: JSON.stringify(input.channelIds),
  };
}

export const createAlertRule = appAction("use", alertRuleSchema, async ({ app, input }) => {
  const checked = await checkedRule(app.id, input);
  if (!checked.ok) return checked;
  const rule = await prisma().alertRule.create({
    data: { appId: app.id, id: randomUUID(), ...ruleColumns(checked.value), nextCheckAt: 0 },
    select: { id: true },
  });
  return ok(rule);
});

/** An edit is checked at the next tick; a new metric starts a new chart (the old values are in another unit). */
export const updateAlertRule = appAction("use", updateAlertRuleSchema, async ({ app, input: { ruleId, ...input } }) => {
  const checked = await checkedRule(app.id, input);
  if (!checked.ok) return checked;
  const current = await prisma().alertRule.findUnique({
    where: { appId_id: { appId: app.id, id: ruleId } },
    select: { metric: true },
  });
  if (!current) notFound();
  await prisma().alertRule.update({
    where: { appId_id: { appId: app.id, id: ruleId } },
    data: { ...ruleColumns(checked.value), nextCheckAt: 0, ...(current.metric !== input.metric && { history: "[]" }) },
  });
  return ok({ id: ruleId });
});

/** Pausing forgets the state quietly: a paused rule neither fires nor resolves. */
export const setAlertRuleEnabled = appAction("use", ruleToggleSchema, async ({ app, input }) => {
  const { count } = await prisma().alertRule.updateMany({
    where: { appId: app.id, id: input.ruleId },
    data: {
      enabled: input.enabled,
      nextCheckAt: 0,
      ...(!input.enabled && { state: "ok", breaches: 0, clears: 0, firedAt: null }),
    },
  });
  if (count === 0) notFound();
  return ok({ enabled: input.enabled });
});

export const deleteAlertRule = appAction("use", ruleIdSchema, async ({ app, input }) => {
  const [, deleted] = await prisma().$transaction([
    prisma().alertEvent.deleteMany({ where: { appId: app.id, ruleId: input.ruleId } }),
    prisma().alertRule.deleteMany({ where: { appId: app.id, id: input.ruleId } }),
  ]);
  if (deleted.count === 0) notFound();
  return ok({ id: input.ruleId });
});
