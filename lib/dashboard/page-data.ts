// What a dashboard page renders first: the signed-in user's app (404 otherwise), its view
// bundle for the URL's filters and the filter bar's options. The client then polls.
import { requireApp } from "@/lib/apps/access";
import type { SearchParamsInput } from "@/lib/filters";
import { loadView, type ViewName } from "./views";

export interface PageProps {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function loadPage<V extends ViewName>(props: PageProps, view: V, extra: Record<string, string> = {}) {
  const { app } = await requireApp(props.params);
  const params: SearchParamsInput = { ...(await props.searchParams), ...extra };
  const [initial, options] = await Promise.all([
    loadView(app.id, view, params),
    loadView(app.id, "filter-options", params),
  ]);
  return { app, initial, options };
}
