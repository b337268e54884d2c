"use client";

// Create or edit an alert rule. The metric decides what else is asked: uptime metrics have a fixed condition and no
// window or filter; resource metrics take no consumer or endpoint filter. The server checks everything again.
import Link from "next/link";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FieldError, FormMessage, Label, selectClass } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { isUptimeMetric, METRICS, OPERATORS, unitSuffix, type Metric, type MetricId } from "@/lib/alerts/metrics";
import type { AlertRuleOptions } from "@/lib/queries/alert-rule-options";
import type { AlertRuleView } from "@/lib/queries/alert-rules";
import type { FormState } from "@/lib/validations/result";

const GROUPS: { label: string; metrics: MetricId[] }[] = [
  {
    label: "Traffic",
    metrics: ["requests", "requests_per_minute", "bytes_total", "bytes_in", "bytes_out", "consumers"],
  },
  { label: "Errors", metrics: ["errors", "client_errors", "server_errors", "error_rate"] },
  { label: "Response time", metrics: ["p50", "p75", "p95", "p99", "apdex"] },
  { label: "Resources", metrics: ["cpu_avg", "cpu_max", "memory_avg", "memory_max"] },
  { label: "Uptime", metrics: ["heartbeat_down", "health_down"] },
];

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function RuleForm({
  appId,
  action,
  options,
  rule,
}: {
  appId: number;
  action: Action;
  options: AlertRuleOptions;
  rule?: AlertRuleView;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = (key: string, fallback: string) => state.values?.[key] ?? fallback;
  const errors = (key: string) => state.fieldErrors?.[key];
  const [metric, setMetric] = useState<MetricId>(
    (v("metric", rule?.metric ?? "error_rate") as MetricId) ?? "error_rate",
  );
  const [channels, setChannels] = useState<string[]>(
    rule
      ? rule.channelIds
      : v("channelIds", options.channels.map((c) => c.id).join(","))
          .split(",")
          .filter(Boolean),
  );
  const uptime = isUptimeMetric(metric);
  const filtered = !(METRICS[metric] as Metric).unfiltered;
  const select = (name: string, label: string, children: React.ReactNode, defaultValue: string, hint?: string) => (
    <div>
      <Label htmlFor={`rule-${name}`}>{label}</Label>
      <select
        id={`rule-${name}`}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors(name)?.length ? true : undefined}
        className={cn(selectClass, "mt-1.5")}
      >
        {children}
      </select>
      {hint && !errors(name)?.length && <p className="mt-1.5 text-[13px] text-slate-500">{hint}</p>}
      <FieldError id={`rule-${name}-error`} errors={errors(name)} />
    </div>
  );
  // The optional filters: "any" or one of the app's consumers, groups or endpoints.
  const anyOr = (
    name: "consumerId" | "groupId" | "endpointId",
    label: string,
    anyLabel: string,
    items: { id: number; label: string }[],
  ) =>
    select(
      name,
      label,
      <>
        <option value="">{anyLabel}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label}
          </option>
        ))}
      </>,
      v(name, String(rule?.[name] ?? "")),
    );
  const num = (name: string, label: string, value: number | undefined, fallback: string, hint?: string) => (
    <Field
      name={name}
      label={label}
      inputMode="numeric"
      defaultValue={v(name, value === undefined ? fallback : String(value))}
      errors={errors(name)}
      hint={hint}
    />
  );

  return (
    <Card>
      <form action={formAction} noValidate>
        <CardHeader
          title={rule ? "Edit alert rule" : "New alert rule"}
          description="Checked from the same per-minute data the dashboard shows, so the value matches the view."
        />
        <CardBody className="space-y-5">
          <input type="hidden" name="appId" value={appId} />
          {rule && <input type="hidden" name="ruleId" value={rule.id} />}
          <input type="hidden" name="channelIds" value={channels.join(",")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="name"
              label="Name"
              maxLength={80}
              placeholder="High error rate"
              defaultValue={v("name", rule?.name ?? "")}
              errors={errors("name")}
            />
            {select(
              "envId",
              "Environment",
              options.envs.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              )),
              v("envId", String(rule?.envId ?? options.envs[0]?.id ?? "")),
            )}
          </div>

          <fieldset className="space-y-4">
            <legend className="text-sm font-semibold text-slate-900">Condition</legend>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
              <div>
                <Label htmlFor="rule-metric">Metric</Label>
                <select
                  id="rule-metric"
                  name="metric"
                  value={metric}
                  onChange={(e) => setMetric(e.target.value as MetricId)}
                  className={cn(selectClass, "mt-1.5")}
                >
                  {GROUPS.map((g) => (
                    <optgroup key={g.label} label={g.label}>
                      {g.metrics.map((m) => (
                        <option key={m} value={m}>
                          {METRICS[m].label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <FieldError id="rule-metric-error" errors={errors("metric")} />
              </div>
              {uptime ? (
                <p className="self-end pb-2 text-sm text-slate-600 sm:col-span-2">
                  Fires while the environment {metric === "heartbeat_down" ? "sends no data" : "fails its health check"}{" "}
                  (set up on the Uptime tab).
                  <input type="hidden" name="operator" value="gte" />
                  <input type="hidden" name="threshold" value="1" />
                  <input type="hidden" name="windowMinutes" value="1" />
                </p>
              ) : (
                <>
                  {select(
                    "operator",
                    "Is",
                    Object.entries(OPERATORS).map(([op, sign]) => (
                      <option key={op} value={op}>
                        {sign}
                      </option>
                    )),
                    v("operator", rule?.operator ?? "gt"),
                  )}
                  <div>
                    <Label htmlFor="rule-threshold">Threshold</Label>
                    <div className="relative mt-1.5">
                      <input
                        id="rule-threshold"
                        name="threshold"
                        inputMode="decimal"
                        defaultValue={v("threshold", rule ? String(rule.threshold) : "")}
                        aria-invalid={errors("threshold")?.length ? true : undefined}
                        className={cn(selectClass, "pr-12")}
                      />
                      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-400">
                        {unitSuffix(metric)}
                      </span>
                    </div>
                    <FieldError id="rule-threshold-error" errors={errors("threshold")} />
                  </div>
                </>
              )}
            </div>
            {!uptime && (
              <div className="max-w-xs">
                {num(
                  "windowMinutes",
                  "Over the last (minutes)",
                  rule?.windowMinutes,
                  "5",
                  "1 to 60 whole minutes before the current one, which is still filling.",
                )}
              </div>
            )}
          </fieldset>

          {filtered && !uptime && (
            <fieldset className="space-y-4">
              <legend className="text-sm font-semibold text-slate-900">Only for (optional)</legend>
              <div className="grid gap-4 sm:grid-cols-3">
                {anyOr(
                  "consumerId",
                  "Consumer",
                  "Any consumer",
                  options.consumers.map((c) => ({ id: c.id, label: c.name ?? c.identifier })),
                )}
                {anyOr(
                  "groupId",
                  "Consumer group",
                  "Any group",
                  options.groups.map((g) => ({ id: g.id, label: g.name })),
                )}
                {anyOr(
                  "endpointId",
                  "Endpoint",
                  "Any endpoint",
                  options.endpoints.map((e) => ({ id: e.id, label: `${e.method} ${e.path}` })),
                )}
              </div>
            </fieldset>
          )}

          <fieldset className="space-y-4">
            <legend className="text-sm font-semibold text-slate-900">Checks</legend>
            <div className="grid gap-4 sm:grid-cols-3">
              {num("checkEveryMinutes", "Check every (minutes)", rule?.checkEveryMinutes, "1")}
              {num(
                "notifyAfter",
                "Notify after (checks)",
                rule?.notifyAfter,
                "1",
                "Consecutive checks the condition held.",
              )}
              {num("resolveAfter", "Resolve after (checks)", rule?.resolveAfter, "1", "Consecutive checks it cleared.")}
            </div>
          </fieldset>

          <fieldset>
            <legend className="text-sm font-semibold text-slate-900">Notify</legend>
            {options.channels.length ? (
              <ul className="mt-2 flex flex-wrap gap-2">
                {options.channels.map((c) => {
                  const on = channels.includes(c.id);
                  return (
                    <li key={c.id}>
                      <label
                        className={cn(
                          "flex cursor-pointer items-center gap-2 rounded-lg px-3 py-1.5 text-sm ring-1 ring-inset",
                          on
                            ? "bg-indigo-50 text-indigo-800 ring-indigo-300"
                            : "bg-white text-slate-700 ring-slate-300",
                        )}
                      >
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={() =>
                            setChannels((list) => (on ? list.filter((id) => id !== c.id) : [...list, c.id]))
                          }
                          className="size-4 rounded border-slate-300 text-indigo-600"
                        />
                        {c.name}
                        <span className="text-xs text-slate-500">{c.kind}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-500">
                No notification channels yet: the rule&apos;s state shows here, but nobody is told.{" "}
                <Link href={`/apps/${appId}/alerts/channels`} className="font-medium text-indigo-600 hover:underline">
                  Add a channel
                </Link>
              </p>
            )}
            <FieldError id="rule-channels-error" errors={errors("channelIds")} />
          </fieldset>
          <FormMessage message={state.ok ? undefined : state.message} />
        </CardBody>
        <CardFooter>
          <Link href={`/apps/${appId}/alerts`} className={buttonClass({ variant: "ghost" })}>
            Cancel
          </Link>
          <SubmitButton pendingText="Saving…">{rule ? "Save rule" : "Create rule"}</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
