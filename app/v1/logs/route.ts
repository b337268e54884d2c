import { handleOtlpPost } from "@/lib/ingest/otlp/handle";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(request: Request) {
  return handleOtlpPost("logs", request);
}
