import { sql } from "@/lib/db";

export const dynamic = "force-dynamic";

// Liveness and database check, for load balancers and the test harness.
export async function GET() {
  try {
    await sql().all("SELECT 1 AS ok");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
