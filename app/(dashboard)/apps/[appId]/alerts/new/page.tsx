import { RuleForm } from "@/components/alerts/rule-form";
import { requireApp } from "@/lib/apps/access";
import { getAlertRuleOptions } from "@/lib/queries/alert-rule-options";
import { createRuleAction } from "../actions";

export const metadata = { title: "New alert rule" };

export default async function NewRulePage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params, "use");
  return <RuleForm appId={app.id} action={createRuleAction} options={await getAlertRuleOptions(app.id)} />;
}
