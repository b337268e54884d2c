import { getTraffic, trafficRows } from "@/lib/api/data";
import { apiAppRoute } from "@/lib/api/route";
import { toCsv } from "@/lib/csv";
import { trafficQuery } from "@/lib/validations/api";

// format=csv answers every row at once (no pages), as a file.
export const GET = apiAppRoute(trafficQuery, async (ctx) => {
  if (ctx.query.format !== "csv") return getTraffic(ctx);
  const { rows } = await trafficRows(ctx.app, ctx.query);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="traffic-app-${ctx.app.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
