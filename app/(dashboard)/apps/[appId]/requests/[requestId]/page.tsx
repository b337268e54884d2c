import type { Metadata } from "next";
import { RequestDetailView } from "@/components/dashboard/request-detail-view";
import type { PageProps } from "@/lib/dashboard/page-data";
import { pickFilterParams } from "@/lib/filters";
import { requireRequest } from "./request";

export const metadata: Metadata = { title: "Request" };

type Props = Omit<PageProps, "params"> & { params: Promise<{ appId: string; requestId: string }> };

export default async function RequestPage(props: Props) {
  const { appId, requestId } = await props.params;
  const { app, detail } = await requireRequest(appId, requestId);
  // The list's filters ride along, so "All requests" leads back to the same list.
  const query = pickFilterParams(await props.searchParams).toString();
  return <RequestDetailView appId={app.id} detail={detail} query={query} />;
}
