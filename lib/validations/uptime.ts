// The uptime settings of an environment: its heartbeat and its health check. Forms send text,
// so numbers are coerced, checkboxes are "on" or missing, and empty optional fields mean "none".
import { z } from "zod";
import { subjectIdSchema } from "./app";

export const HEARTBEAT_LIMITS = { min: 30, max: 3600, default: 180 } as const;
export const CHECK_INTERVAL_LIMITS = { min: 30, max: 600, default: 60 } as const;
export const CHECK_TIMEOUT_LIMITS = { min: 1, max: 30, default: 5 } as const;
export const MAX_HEADERS = 10;
export const MAX_BODY_CONTAINS = 200;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const emptyIsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

function wholeNumber(what: string, unit: string, { min, max }: { min: number; max: number }) {
  return z.coerce
    .number({ error: `Enter ${what}.` })
    .int({ error: `Use a whole number of ${unit}.` })
    .min(min, { error: `Use at least ${min} ${unit}.` })
    .max(max, { error: `Use at most ${max} ${unit}.` });
}

export const heartbeatSchema = z.object({
  envId: subjectIdSchema,
  heartbeatEnabled: checkbox,
  heartbeatSeconds: wholeNumber("a number of seconds", "seconds", HEARTBEAT_LIMITS),
});

const url = z
  .string()
  .trim()
  .min(1, { error: "Enter the URL to check." })
  .max(2000, { error: "Use a URL of at most 2,000 characters." })
  // An empty one has its own message above.
  .refine((v) => v === "" || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
    error: "Enter a full http:// or https:// URL, e.g. https://api.example.com/health.",
  });

// Header names are HTTP tokens; values are one line each (the form's lines are split on newlines).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headers = z.string().transform((text, ctx) => {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_HEADERS) {
    ctx.addIssue({ code: "custom", message: `Use at most ${MAX_HEADERS} headers.` });
    return z.NEVER;
  }
  const out: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 1 || !HEADER_NAME.test(name)) {
      // The name only: the line may hold a secret.
      ctx.addIssue({ code: "custom", message: `Write each header as "Name: value" (line ${out.length + 1}).` });
      return z.NEVER;
    }
    if (value.length > 1000) {
      ctx.addIssue({ code: "custom", message: `The value of ${name} is too long (at most 1,000 characters).` });
      return z.NEVER;
    }
    out.push([name, value]);
  }
  return out;
});

export const healthCheckSchema = z
  .object({
    envId: subjectIdSchema,
    url,
    method: z.enum(["GET", "HEAD"], { error: "Choose GET or HEAD." }),
    intervalSeconds: wholeNumber("a number of seconds", "seconds", CHECK_INTERVAL_LIMITS),
    timeoutSeconds: wholeNumber("a number of seconds", "seconds", CHECK_TIMEOUT_LIMITS),
    expectedStatus: z.preprocess(
      emptyIsNull,
      z.coerce
        .number({ error: "Enter an HTTP status code, e.g. 200." })
        .int({ error: "Enter an HTTP status code, e.g. 200." })
        .min(100, { error: "Use a status code from 100 to 599." })
        .max(599, { error: "Use a status code from 100 to 599." })
        .nullable(),
    ),
    bodyContains: z.preprocess(
      emptyIsNull,
      z
        .string()
        .max(MAX_BODY_CONTAINS, { error: `Use at most ${MAX_BODY_CONTAINS} characters.` })
        .nullable(),
    ),
    headers,
    enabled: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.method === "HEAD" && v.bodyContains !== null)
      ctx.addIssue({ code: "custom", path: ["bodyContains"], message: "HEAD responses have no body: use GET." });
  });

export const deleteHealthCheckSchema = z.object({ envId: subjectIdSchema });
