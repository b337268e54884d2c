import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { requireApp } from "@/lib/apps/access";
import { getAlertRuleOptions } from "@/lib/queries/alert-rule-options";
import { listAlertRules } from "@/lib/queries/alert-rules";
import { updateRuleAction } from "../actions";

export const metadata = { title: "Edit alert rule" };

export default async function EditRulePage({ params }: { params: Promise<{ appId: string; ruleId: string }> }) {
  const { app } = await requireApp(params, "use");
  const { ruleId } = await params;
  const [rules, options] = await Promise.all([listAlertRules(app.id), getAlertRuleOptions(app.id)]);
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) notFound();
  return <RuleForm appId={app.id} action={updateRuleAction} options={options} rule={rule} />;
}
