import type { Metadata } from "next";
import { ConsumersView } from "@/components/dashboard/consumers-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";
import { can } from "@/lib/teams/roles";

export const metadata: Metadata = { title: "Consumers" };

export default async function ConsumersPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "consumers");
  return <ConsumersView appId={app.id} editable={can(app.role, "use")} initial={initial} options={options} />;
}
