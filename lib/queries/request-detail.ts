// One logged request in full: request and response with headers and decoded bodies, its
// exception, the application logs written while it ran (from the hub's log file or OTLP log
// records) and its spans as a waterfall. Null when the app has no such request.
import { z } from "zod";
import { sql, type Row } from "@/lib/db";
import { decodeBody, type BodyView } from "@/lib/requests/body";
import { buildWaterfall, type Waterfall } from "@/lib/requests/spans";
import { requestSummary, type RequestSummary } from "./request-list";

export interface AppLogLine {
  /** Epoch seconds, or null when the client sent no time. */
  ts: number | null;
  level: string | null;
  logger: string | null;
  message: string;
  file: string | null;
  line: number | null;
}

export interface RequestException {
  type: string | null;
  message: string | null;
  /** Python's traceback or the JS/Go stack trace, as sent. */
  stack: string | null;
  sentryEventId: string | null;
}

export interface RequestDetail extends RequestSummary {
  traceId: string | null;
  /** The instance that served it, when the client says (OTLP does; the hub clients' /log files do not). */
  instance: { uuid: string; client: string | null } | null;
  request: { headers: [string, string][]; body: BodyView };
  response: { headers: [string, string][]; body: BodyView };
  exception: RequestException | null;
  logs: AppLogLine[];
  waterfall: Waterfall | null;
}

const nullableText = z.string().nullish().catch(null);
const headersSchema = z
  .array(z.tuple([z.string(), z.string()]).rest(z.unknown()))
  .transform((list) => list.map(([n, v]): [string, string] => [n, v]))
  .catch([]);
const exceptionSchema = z
  .looseObject({
    type: nullableText,
    message: nullableText,
    traceback: nullableText,
    stacktrace: nullableText,
    sentryEventId: nullableText,
    sentry_event_id: nullableText,
  })
  .transform((e): RequestException => ({
    type: e.type ?? null,
    message: e.message ?? null,
    stack: e.traceback ?? e.stacktrace ?? null,
    sentryEventId: e.sentryEventId ?? e.sentry_event_id ?? null,
  }));
const hubLogSchema = z.array(
  z
    .looseObject({
      timestamp: z.number().nullish().catch(null),
      level: nullableText,
      logger: nullableText,
      message: nullableText,
      file: nullableText,
      line: z.number().nullish().catch(null),
    })
    .transform((l): AppLogLine => ({
      ts: l.timestamp ?? null,
      level: l.level ?? null,
      logger: l.logger ?? null,
      message: l.message ?? "",
      file: l.file ?? null,
      line: l.line ?? null,
    })),
);

function parseJson<T>(text: unknown, schema: z.ZodType<T>): T | null {
  if (typeof text !== "string") return null;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

const headerValue = (headers: [string, string][], name: string) =>
  headers.find(([h]) => h.toLowerCase() === name)?.[1] ?? null;

export async function getRequestDetail(appId: number, requestId: string): Promise<RequestDetail | null> {
  const [r] = await sql().all<Row>(
    `SELECT "RequestLog".*, "Environment"."name" AS "env", "Consumer"."identifier" AS "consumerIdentifier",
       "Consumer"."name" AS "consumerName", "Instance"."client" AS "instanceClient"
     FROM "RequestLog"
       LEFT JOIN "Environment" ON "Environment"."appId" = "RequestLog"."appId" AND "Environment"."id" = "RequestLog"."envId"
       LEFT JOIN "Consumer" ON "Consumer"."appId" = "RequestLog"."appId" AND "Consumer"."id" = "RequestLog"."consumerId"
       LEFT JOIN "Instance" ON "Instance"."appId" = "RequestLog"."appId" AND "Instance"."uuid" = "RequestLog"."instanceUuid"
     WHERE "RequestLog"."appId" = ? AND "RequestLog"."uuid" = ?`,
    [appId, requestId],
  );
  if (!r) return null;
  const otlpLogs = await sql().all<Row>(
    `SELECT "ts", "level", "logger", "message", "file", "line" FROM "RequestAppLog"
     WHERE "appId" = ? AND "requestUuid" = ? ORDER BY "ts", "id"`,
    [appId, requestId],
  );
  const logs: AppLogLine[] = [
    ...(parseJson(r.logs, hubLogSchema) ?? []),
    ...otlpLogs.map((l) => ({
      ts: Number(l.ts),
      level: (l.level as string | null) ?? null,
      logger: (l.logger as string | null) ?? null,
      message: String(l.message),
      file: (l.file as string | null) ?? null,
      line: l.line == null ? null : Number(l.line),
    })),
  ].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));

  const reqHeaders = parseJson(r.requestHeaders, headersSchema) ?? [];
  const resHeaders = parseJson(r.responseHeaders, headersSchema) ?? [];
  return {
    ...requestSummary(r),
    traceId: (r.traceId as string | null) ?? null,
    instance: r.instanceUuid
      ? { uuid: String(r.instanceUuid), client: (r.instanceClient as string | null) ?? null }
      : null,
    request: {
      headers: reqHeaders,
      body: decodeBody(r.requestBody as string | null, headerValue(reqHeaders, "content-type")),
    },
    response: {
      headers: resHeaders,
      body: decodeBody(r.responseBody as string | null, headerValue(resHeaders, "content-type")),
    },
    exception: parseJson(r.exception, exceptionSchema),
    logs,
    waterfall: buildWaterfall((r.spans as string | null) ?? null),
  };
}
