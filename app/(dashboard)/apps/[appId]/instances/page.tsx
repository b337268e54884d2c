import type { Metadata } from "next";
import { InstancesView } from "@/components/dashboard/instances-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";

export const metadata: Metadata = { title: "Instances" };

export default async function InstancesPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "instances");
  return <InstancesView appId={app.id} initial={initial} options={options} />;
}
