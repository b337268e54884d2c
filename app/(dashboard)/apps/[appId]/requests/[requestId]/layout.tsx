import { requireRequest } from "./request";

export default async function RequestLayout(props: {
  params: Promise<{ appId: string; requestId: string }>;
  children: React.ReactNode;
}) {
  const { appId, requestId } = await props.params;
  await requireRequest(appId, requestId);
  return props.children;
}
