import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { requireApp } from "@/lib/apps/access";
import { getAlertRuleOptions } from "@/lib/queries/alert-rule-options";
import { getAlertRule } from "@/lib/queries/alert-rules";
import { ruleIdSchema } from "@/lib/validations/alert-rules";
import { updateRuleAction } from "../actions";

export const metadata = { title: "Edit alert rule" };

export default async function EditRulePage({ params }: { params: Promise<{ appId: string; ruleId: string }> }) {
  const { app } = await requireApp(params, "use");
  const parsed = ruleIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const rule = await getAlertRule(app.id, parsed.data.ruleId);
  if (!rule) notFound();
  const options = await getAlertRuleOptions(app.id, { endpointId: rule.endpointId, consumerId: rule.consumerId });
  return <RuleForm appId={app.id} action={updateRuleAction} options={options} rule={rule} />;
}
