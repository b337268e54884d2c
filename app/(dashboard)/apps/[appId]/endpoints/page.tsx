import type { Metadata } from "next";
import { EndpointsView } from "@/components/dashboard/endpoints-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "endpoints");
  return <EndpointsView appId={app.id} initial={initial} options={options} />;
}
