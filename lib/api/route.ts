// The one guard for the data API (app/api/v1/**/route.ts): the API key (Api-Key header, or Authorization: Bearer),
// the rate limit, the app (another team's, or one the key may not read, is a 404 like an unknown one), and the
// query parsed by the route's zod schema. Every answer is JSON with a clear message and the X-RateLimit-* headers;
// a bad parameter is a 400, never a 500.
import { z } from "zod";
import { prisma } from "@/lib/db";
import { appIdParamSchema } from "@/lib/validations/app";
import { authenticateApiKey, type ApiKeyScope } from "./keys";
import { takeRequest } from "./rate-limit";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: { param: string; message: string }[],
  ) {
    super(message);
  }
}

export interface ApiContext<Q> {
  key: ApiKeyScope;
  query: Q;
  request: Request;
}

export interface AppApiContext<Q> extends ApiContext<Q> {
  app: { id: number; name: string; teamId: string; environments: { id: number; name: string }[] };
}

function keyFrom(request: Request): string | null {
  const header = request.headers.get("api-key");
  if (header) return header.trim();
  const auth = request.headers.get("authorization");
  return auth?.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : null;
}

const reply = (body: unknown, status: number, headers: Record<string, string>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    param: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : ""),
    message: i.code === "unrecognized_keys" ? `unknown parameter ${i.keys.join(", ")}` : i.message,
  }));
  throw new ApiError(400, `Invalid query: ${issues.map((i) => `${i.param}: ${i.message}`).join("; ")}`, issues);
}

/** A handler's result: a body to send as JSON, or a Response of its own (CSV). */
type Handled = unknown;

async function guarded(request: Request, handle: (key: ApiKeyScope) => Promise<Handled>): Promise<Response> {
  const secret = keyFrom(request);
  const key = secret ? await authenticateApiKey(secret) : null;
  if (!key) {
    return reply({ error: "Missing or invalid API key: send it in the Api-Key header." }, 401, {});
  }
  const rate = takeRequest(key.keyId);
  if (!rate.allowed)
    return reply({ error: "Rate limit exceeded: at most 100 requests a minute per key." }, 429, rate.headers);
  try {
    const result = await handle(key);
    if (result instanceof Response) {
      for (const [k, v] of Object.entries(rate.headers)) result.headers.set(k, v);
      return result;
    }
    return reply(result, 200, rate.headers);
  } catch (e) {
    if (e instanceof ApiError)
      return reply({ error: e.message, ...(e.issues ? { issues: e.issues } : {}) }, e.status, rate.headers);
    throw e;
  }
}

/** A team-wide route (list apps). */
export function apiRoute<S extends z.ZodType>(schema: S, handler: (ctx: ApiContext<z.output<S>>) => Promise<Handled>) {
  return (request: Request) => guarded(request, (key) => handler({ key, query: parseQuery(schema, request), request }));
}

/** A route of one app: /api/v1/apps/{appId}/…. */
export function apiAppRoute<S extends z.ZodType>(
  schema: S,
  handler: (ctx: AppApiContext<z.output<S>>) => Promise<Handled>,
) {
  return (request: Request, { params }: { params: Promise<{ appId: string }> }) =>
    guarded(request, async (key) => {
      const appId = appIdParamSchema.safeParse((await params).appId);
      const notFound = new ApiError(404, "No such app for this API key.");
      if (!appId.success || (key.appIds && !key.appIds.includes(appId.data))) throw notFound;
      const app = await prisma().app.findFirst({
        where: { id: appId.data, teamId: key.teamId },
        select: {
          id: true,
          name: true,
          teamId: true,
          environments: { select: { id: true, name: true }, orderBy: { id: "asc" } },
        },
      });
      if (!app) throw notFound;
      return handler({ key, app, query: parseQuery(schema, request), request });
    });
}
