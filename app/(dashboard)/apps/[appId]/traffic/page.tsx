import type { Metadata } from "next";
import { TrafficView } from "@/components/dashboard/traffic-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";

export const metadata: Metadata = { title: "Traffic" };

export default async function TrafficPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "traffic");
  return <TrafficView appId={app.id} initial={initial} options={options} />;
}
