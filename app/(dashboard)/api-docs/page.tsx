import type { Metadata } from "next";
import { headers } from "next/headers";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument, OPERATIONS } from "@/lib/api/openapi";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Data API" };

type Param = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  return String(schema.type ?? "string");
}

/** The OpenAPI document (/api/v1/openapi.json) for people. */
export default async function ApiDocsPage() {
  await requireUser();
  const base = hubBaseUrl(await headers());
  const doc = openApiDocument(base);
  const example = `curl -H "Api-Key: thk_…" "${base}/api/v1/apps/1/traffic?period=7d&group_by=time,endpoint"`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Data API"
        description={
          <>
            {doc.info.description}{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-600 hover:text-indigo-500">
              OpenAPI 3.1 document
            </a>
          </>
        }
      />
      <Card className="space-y-3 px-5 py-4">
        <p className="text-sm text-slate-700">
          Admins create keys on their team&apos;s page (team menu → Team members → API keys), then:
        </p>
        <div className="flex items-start gap-2 rounded-lg bg-slate-900 p-3">
          <pre className="min-w-0 flex-1 overflow-x-auto font-mono text-[12.5px] text-slate-100">{example}</pre>
          <CopyButton text={example} label="Copy example" />
        </div>
      </Card>
      {OPERATIONS.map((op) => {
        const params = doc.paths[op.path].get.parameters as Param[];
        return (
          <Card key={op.path} className="overflow-hidden">
            <div className="border-b border-slate-100 px-5 py-4">
              <h2 className="flex flex-wrap items-center gap-2 text-[15px] font-semibold text-slate-900">
                <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-mono text-xs text-emerald-700 ring-1 ring-emerald-200">
                  GET
                </span>
                <code className="font-mono text-sm break-all">{op.path}</code>
              </h2>
              <p className="mt-1 text-sm text-slate-500">
                <strong className="font-medium text-slate-700">{op.summary}.</strong> {op.description}
              </p>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-[13px]">
                <thead className="bg-slate-50 text-slate-500">
                  <tr>
                    <th className="px-5 py-2 font-medium">Parameter</th>
                    <th className="px-3 py-2 font-medium">Type</th>
                    <th className="px-5 py-2 font-medium">Meaning</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {params.map((p) => (
                    <tr key={p.name}>
                      <td className="px-5 py-2 font-mono whitespace-nowrap text-slate-900">
                        {p.name}
                        {p.in === "path" && <span className="ml-1 text-slate-400">(path)</span>}
                      </td>
                      <td className="px-3 py-2 font-mono text-slate-600">{typeOf(p.schema)}</td>
                      <td className="px-5 py-2 text-slate-600">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
