import { handleHubPost, type HubParams } from "@/lib/ingest/handle";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(request: Request, { params }: { params: HubParams }) {
  return handleHubPost("sync", request, params);
}
