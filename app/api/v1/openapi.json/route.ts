import { headers } from "next/headers";
import { openApiDocument } from "@/lib/api/openapi";
import { hubBaseUrl } from "@/lib/apps/hub-url";

export async function GET() {
  return Response.json(openApiDocument(hubBaseUrl(await headers())), { headers: { "Cache-Control": "no-store" } });
}
