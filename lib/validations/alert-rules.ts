// An alert rule as its form sends it (every field as text). Ids of the environment, consumer, group, endpoint and
// channels are checked against the app by lib/alerts/rules.ts; this checks shapes and ranges.
import { z } from "zod";
import { isUptimeMetric, METRIC_IDS, METRICS, OPERATORS, type Metric, type MetricId } from "@/lib/alerts/metrics";
import { invalid, ok, type Result } from "./result";

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${what}.` })
    .int({ error: `Use a whole number for ${what}.` })
    .min(min, { error: `Use at least ${min}.` })
    .max(max, { error: `Use at most ${max}.` });

/** "" means none. */
const optionalId = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1, { error: "Choose one from the list." })
    .nullable(),
);

const THRESHOLD_MAX: Partial<Record<Metric["unit"], { max: number; message: string }>> = {
  percent: { max: 100, message: "A percentage is at most 100." },
  score: { max: 1, message: "An Apdex score is between 0 and 1." },
};

export const RULE_LIMITS = {
  window: { min: 1, max: 60 },
  checkEvery: { min: 1, max: 60 },
  checks: { min: 1, max: 60 },
} as const;

export const alertRuleSchema = z.object({
  name: z.string().trim().min(1, { error: "Give the rule a name." }).max(80, { error: "Use at most 80 characters." }),
  envId: z.coerce.number({ error: "Choose an environment." }).int().positive({ error: "Choose an environment." }),
  metric: z.enum(METRIC_IDS, { error: "Choose a metric from the list." }),
  operator: z.enum(Object.keys(OPERATORS) as [keyof typeof OPERATORS], { error: "Choose a condition." }),
  // A number here; its range depends on the metric (normaliseRule). Uptime metrics send none.
  threshold: z
    .string()
    .trim()
    .refine((t) => t === "" || Number.isFinite(Number(t.replace(/[\s,%]/g, ""))), { error: "Enter a number." }),
  windowMinutes: whole("the window in minutes", RULE_LIMITS.window.min, RULE_LIMITS.window.max),
  checkEveryMinutes: whole("how often to check, in minutes", RULE_LIMITS.checkEvery.min, RULE_LIMITS.checkEvery.max),
  notifyAfter: whole("a number of checks", RULE_LIMITS.checks.min, RULE_LIMITS.checks.max),
  resolveAfter: whole("a number of checks", RULE_LIMITS.checks.min, RULE_LIMITS.checks.max),
  consumerId: optionalId,
  groupId: optionalId,
  endpointId: optionalId,
  /** Comma-separated AlertChannel ids. */
  channelIds: z
    .string()
    .trim()
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(64)).max(20, { error: "Choose at most 20 channels." })),
});

/**
 * The parsed form as a rule: the threshold as a number in the metric's unit, the uptime metrics' fixed condition,
 * filters dropped where the metric takes none; or field errors.
 */
export function normaliseRule(rule: z.output<typeof alertRuleSchema>): Result<AlertRuleInput> {
  // The uptime metrics are 1 while down: their condition is fixed and they take no filter.
  if (isUptimeMetric(rule.metric))
    return ok({
      ...rule,
      operator: "gte",
      threshold: 1,
      windowMinutes: 1,
      consumerId: null,
      groupId: null,
      endpointId: null,
    });
  const threshold = parseThreshold(rule.metric, rule.threshold);
  if (typeof threshold === "string") return invalid({ threshold: [threshold] });
  if (rule.consumerId && rule.groupId) return invalid({ groupId: ["Filter by a consumer or by a group, not both."] });
  const unfiltered = (METRICS[rule.metric] as Metric).unfiltered;
  return ok(
    unfiltered ? { ...rule, threshold, consumerId: null, groupId: null, endpointId: null } : { ...rule, threshold },
  );
}

export type AlertRuleInput = Omit<z.output<typeof alertRuleSchema>, "threshold"> & { threshold: number };

/** The threshold as a number in the metric's unit, or the message saying what is wrong. */
function parseThreshold(metric: MetricId, text: string): number | string {
  const value = Number(text.replace(/[\s,%]/g, ""));
  if (text === "" || !Number.isFinite(value)) return "Enter a number.";
  if (value < 0) return "Use a value of 0 or more.";
  const limit = THRESHOLD_MAX[(METRICS[metric] as Metric).unit];
  if (limit && value > limit.max) return limit.message;
  if (value > 1e12) return "Use a smaller number.";
  return value;
}

export const ruleIdSchema = z.object({ ruleId: z.string().trim().min(1).max(64) });
export const updateAlertRuleSchema = alertRuleSchema.extend(ruleIdSchema.shape);
export const ruleToggleSchema = ruleIdSchema.extend({ enabled: z.stringbool({ error: "Say on or off." }) });
