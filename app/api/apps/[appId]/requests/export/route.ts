// The Requests list with its filters as a CSV or NDJSON download, streamed (lib/requests/export.ts). Bad params
// are a 400 naming each one before anything is streamed.
import { json, withApp } from "@/lib/auth/app-route";
import {
  EXPORT_CONTENT_TYPES,
  exportFilename,
  exportPages,
  exportStream,
  parseExportParams,
} from "@/lib/requests/export";

export const dynamic = "force-dynamic";

export const GET = withApp(async ({ app, request }) => {
  const { filters, request: r, options, issues } = parseExportParams(new URL(request.url).searchParams);
  if (issues.length) return json({ error: issues.map((i) => i.message).join("; "), issues }, 400);
  const stream = exportStream(exportPages(app.id, filters, r, options), request.signal);
  return new Response(stream, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[options.format],
      "Content-Disposition": `attachment; filename="${exportFilename(app.name, options.format)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
