// Who sent an export: the environment, the instance (process) and whether it is an Apitally
// SDK, read from the resource attributes the OpenTelemetry SDKs set.
import { createHash } from "node:crypto";
import type { Sender } from "../../model/otlp";
import { STRING_MAX } from "../limits";
import { cleanText, uuid } from "../normalise";
import type { Attributes, AttrValue } from "./schema";

export const str = (v: AttrValue | undefined): string | null =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

/** Apitally's rule: slugified, at most 32 characters ("Production EU" → "production-eu"). */
export function slugifyEnv(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
  return slug;
}

/** A stable UUID for a string, for the tables that key instances and requests by UUID. */
export function hashUuid(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16); // 10xx: the RFC's variant bits
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function sender(resource: Attributes, headerEnv: string | null): Sender {
  const envName =
    str(resource.get("deployment.environment.name")) ?? str(resource.get("deployment.environment")) ?? headerEnv;
  const env = slugifyEnv(envName ?? "") || "prod";
  // Without service.instance.id every process of the service shares one instance, as Apitally does.
  const instanceId = str(resource.get("service.instance.id")) ?? str(resource.get("service.name")) ?? "unknown";
  const distro = str(resource.get("telemetry.distro.name"));
  const service = str(resource.get("service.name"));
  // Without an SDK name the service's own name tells the instance apart better than nothing.
  const sdk =
    distro ??
    str(resource.get("telemetry.sdk.name")) ??
    (service && !service.startsWith("unknown_service") ? service : "opentelemetry");
  const version = str(resource.get(distro ? "telemetry.distro.version" : "telemetry.sdk.version"));
  return {
    env,
    instanceUuid: uuid(instanceId) ?? hashUuid(env, instanceId),
    apitally: distro?.toLowerCase().startsWith("apitally") ?? false,
    client: cleanText(version ? `${sdk}:${version}` : sdk, STRING_MAX.client),
  };
}

/** The request a SERVER span stands for, by trace and span id; its request-scoped logs name the same pair. */
export const requestUuid = (traceIdHex: string, serverSpanIdHex: string) =>
  hashUuid("otlp-request", traceIdHex, serverSpanIdHex);
