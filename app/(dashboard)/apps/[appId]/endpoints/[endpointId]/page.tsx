import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointView } from "@/components/dashboard/endpoint-view";
import { loadPage, type PageProps } from "@/lib/dashboard/page-data";
import { can } from "@/lib/teams/roles";
import { appIdParamSchema } from "@/lib/validations/app";

export const metadata: Metadata = { title: "Endpoint" };

type Props = Omit<PageProps, "params"> & { params: Promise<{ appId: string; endpointId: string }> };

export default async function EndpointPage(props: Props) {
  // Endpoint ids are per-app integers, the same shape as app ids.
  const endpointId = appIdParamSchema.safeParse((await props.params).endpointId);
  if (!endpointId.success) notFound();
  const { app, initial, options } = await loadPage(props, "endpoint", { endpointId: String(endpointId.data) });
  if (!initial) notFound();
  return (
    <EndpointView
      appId={app.id}
      endpointId={endpointId.data}
      configurable={can(app.role, "configure")}
      initial={initial}
      options={options}
    />
  );
}
