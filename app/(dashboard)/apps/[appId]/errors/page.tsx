import type { Metadata } from "next";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";
import { ErrorsView } from "@/components/dashboard/errors-view";

export const metadata: Metadata = { title: "Errors" };

export default async function ErrorsPage(props: PageProps) {
  const { app, initial, options } = await loadPage(props, "errors");
  return <ErrorsView appId={app.id} initial={initial} options={options} />;
}
