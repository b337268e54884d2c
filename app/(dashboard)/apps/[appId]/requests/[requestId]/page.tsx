import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestDetailView } from "@/components/dashboard/request-detail-view";
import { requireApp } from "@/lib/apps/access";
import type { PageProps } from "@/lib/dashboard/page-data";
import { loadRequestDetail } from "@/lib/dashboard/requests";
import { pickFilterParams } from "@/lib/filters";

export const metadata: Metadata = { title: "Request" };

type Props = Omit<PageProps, "params"> & { params: Promise<{ appId: string; requestId: string }> };

export default async function RequestPage(props: Props) {
  const { app } = await requireApp(props.params);
  // Another app's request id is as unknown here as a made-up one.
  const detail = await loadRequestDetail(app.id, (await props.params).requestId);
  if (!detail) notFound();
  // The list's filters ride along, so "Requests" leads back to the same list.
  const query = pickFilterParams(await props.searchParams).toString();
  return <RequestDetailView appId={app.id} detail={detail} query={query} />;
}
