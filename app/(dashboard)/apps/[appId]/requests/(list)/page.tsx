import type { Metadata } from "next";
import { RequestsView } from "@/components/dashboard/requests-view";
import { requireApp } from "@/lib/apps/access";
import { type PageProps } from "@/lib/dashboard/page-data";
import { loadRequests } from "@/lib/dashboard/requests";
import { loadView } from "@/lib/dashboard/views";
import { getAppStatus } from "@/lib/queries/app-status";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage(props: PageProps) {
  const { app } = await requireApp(props.params);
  const params = await props.searchParams;
  const [initial, options, status] = await Promise.all([
    loadRequests(app.id, params),
    loadView(app.id, "filter-options", params),
    getAppStatus(app.id),
  ]);
  return <RequestsView appId={app.id} hasData={status.hasData} initial={initial} options={options} />;
}
