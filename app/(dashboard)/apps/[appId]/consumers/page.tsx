import type { Metadata } from "next";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";
import { ConsumersView } from "@/components/dashboard/consumers-view";

export const metadata: Metadata = { title: "Consumers" };

export default async function ConsumersPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "consumers");
  return <ConsumersView appId={app.id} initial={initial} options={options} />;
}
