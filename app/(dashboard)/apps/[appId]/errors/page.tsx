import type { Metadata } from "next";
import { ErrorsView } from "@/components/dashboard/errors-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";

export const metadata: Metadata = { title: "Errors" };

export default async function ErrorsPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "errors");
  return <ErrorsView appId={app.id} initial={initial} options={options} />;
}
