import { redirect } from "next/navigation";
import { requireApp } from "@/lib/apps/access";

export default async function AppPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params);
  redirect(`/apps/${app.id}/traffic`);
}
