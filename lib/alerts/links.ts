// The dashboard view a notification links to: the metric's view with the rule's environment, filters and window.
import { filtersToSearchParams, type Filters } from "@/lib/filters";
import { settings } from "@/lib/settings";
import { METRICS, type Metric, type MetricId } from "./metrics";

/** Where people open Tallyhub: TALLYHUB_PUBLIC_URL, else this server on localhost (no request to derive it from). */
export function publicBaseUrl(): string {
  const s = settings();
  return s.TALLYHUB_PUBLIC_URL ?? `http://localhost:${s.PORT}`;
}

export function ruleViewUrl(appId: number, metric: MetricId, f: Filters): string {
  const view = (METRICS[metric] as Metric).view;
  const endpointPage = view === "endpoints" && f.endpoint && "id" in f.endpoint;
  const path = `/apps/${appId}/${view}${endpointPage ? `/${(f.endpoint as { id: number }).id}` : ""}`;
  const params =
    view === "uptime"
      ? new URLSearchParams({ env: f.env ?? "" })
      : filtersToSearchParams(endpointPage ? { ...f, endpoint: null } : f);
  return `${publicBaseUrl()}${path}?${params}`;
}
