"use client";

import { useActionState } from "react";
import { RowAction } from "@/components/forms/row-action";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Field, FieldError, FormMessage, inputClass, Label } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { HealthCheckSettings } from "@/lib/queries/uptime-health-check";
import {
  CHECK_INTERVAL_LIMITS as INTERVAL,
  MAX_BODY_CONTAINS,
  MAX_HEADERS,
  CHECK_TIMEOUT_LIMITS as TIMEOUT,
} from "@/lib/validations/uptime";
import { deleteHealthCheckAction, saveHealthCheckAction } from "./actions";

export function HealthCheckForm({
  appId,
  env,
  check,
}: {
  appId: number;
  env: { id: number; name: string };
  check: HealthCheckSettings | null;
}) {
  const [state, action] = useActionState(saveHealthCheckAction, {});
  const v = (key: string, saved: string | number | null | undefined) => state.values?.[key] ?? saved ?? "";
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Health check"
          description={`A URL of ${env.name} that Tallyhub requests itself. Healthy: the expected status (any 2xx by default) within the timeout; one retry before it counts as down.`}
        />
        <CardBody className="space-y-4">
          <input type="hidden" name="appId" value={appId} />
          <input type="hidden" name="envId" value={env.id} />
          <div className="grid gap-4 sm:grid-cols-[7rem_1fr]">
            <div>
              <Label htmlFor="check-method">Method</Label>
              <select
                id="check-method"
                name="method"
                defaultValue={v("method", check?.method ?? "GET")}
                className={cn(inputClass, "mt-1.5")}
              >
                <option>GET</option>
                <option>HEAD</option>
              </select>
              <FieldError id="check-method-error" errors={errors.method} />
            </div>
            <Field
              name="url"
              label="URL"
              type="url"
              placeholder="https://api.example.com/health"
              spellCheck={false}
              autoComplete="off"
              defaultValue={v("url", check?.url)}
              errors={errors.url}
            />
          </div>
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
            <Field
              name="intervalSeconds"
              label="Every (s)"
              inputMode="numeric"
              defaultValue={v("intervalSeconds", check?.intervalSeconds ?? INTERVAL.default)}
              hint={`${INTERVAL.min}–${INTERVAL.max}`}
              errors={errors.intervalSeconds}
            />
            <Field
              name="timeoutSeconds"
              label="Timeout (s)"
              inputMode="numeric"
              defaultValue={v("timeoutSeconds", check?.timeoutSeconds ?? TIMEOUT.default)}
              hint={`${TIMEOUT.min}–${TIMEOUT.max}`}
              errors={errors.timeoutSeconds}
            />
            <Field
              name="expectedStatus"
              label="Expected status"
              inputMode="numeric"
              placeholder="any 2xx"
              defaultValue={v("expectedStatus", check?.expectedStatus)}
              hint="Optional"
              errors={errors.expectedStatus}
            />
          </div>
          <Field
            name="bodyContains"
            label="Body contains"
            placeholder="e.g. ok"
            maxLength={MAX_BODY_CONTAINS}
            defaultValue={v("bodyContains", check?.bodyContains)}
            hint="Optional: the response must contain this text (GET only; the first MiB is read)."
            errors={errors.bodyContains}
          />
          <div>
            <Label htmlFor="check-headers">Headers</Label>
            <textarea
              id="check-headers"
              name="headers"
              rows={3}
              spellCheck={false}
              placeholder="Authorization: Bearer …"
              defaultValue={v("headers", check?.headersMasked)}
              aria-invalid={errors.headers ? true : undefined}
              aria-describedby={errors.headers ? "check-headers-error" : "check-headers-hint"}
              className={cn(inputClass, "mt-1.5 font-mono text-[13px]")}
            />
            {errors.headers ? (
              <FieldError id="check-headers-error" errors={errors.headers} />
            ) : (
              <p id="check-headers-hint" className="mt-1.5 text-[13px] text-slate-500">
                Optional, one &quot;Name: value&quot; per line, up to {MAX_HEADERS}. Saved values are never shown again:
                leave •••••••• to keep one.
              </p>
            )}
          </div>
          <CheckboxField
            name="enabled"
            label="Run this check"
            defaultChecked={v("enabled", check ? (check.enabled ? "on" : "") : "on") === "on"}
          />
          <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Saving…">{check ? "Save check" : "Add health check"}</SubmitButton>
        </CardFooter>
      </form>
      {check && (
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-[13px] text-slate-500">
          <span>Removing the check deletes its results; incidents stay listed.</span>
          <RowAction
            action={deleteHealthCheckAction}
            hidden={{ appId, envId: env.id }}
            label="Remove check"
            pendingText="Removing…"
          />
        </div>
      )}
    </Card>
  );
}
