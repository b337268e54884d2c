// What the data API answers, one function per route: the dashboard's read models, shaped for scripts (snake_case,
// ISO times, names beside ids). The routes in app/api/v1 only wire these to the guard.
import { prisma, sql } from "@/lib/db";
import { isoMinute, parseFilters, type Filters } from "@/lib/filters";
import { getServerErrors } from "@/lib/queries/server-errors";
import { getTrafficBreakdown, type BreakdownRow } from "@/lib/queries/traffic-breakdown";
import { getValidationErrors } from "@/lib/queries/validation-errors";
import { dashboardFilterInput } from "@/lib/validations/api";
import { decodeCursor, encodeCursor, pageOf } from "./cursor";
import { regroup, splitInFilters } from "./in-filters";
import { ApiError, type ApiContext, type AppApiContext } from "./route";

const iso = (epochS: number) => new Date(epochS * 1000).toISOString();

function afterCursor(cursor: string | undefined): number {
  const after = decodeCursor(cursor);
  if (after === null)
    throw new ApiError(400, "Invalid query: cursor: not a cursor of this API", [
      { param: "cursor", message: "not a cursor of this API" },
    ]);
  return after;
}

/** Keyset pages over rows ordered by a numeric id. */
function keyset<T extends { id: number }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  return { data, next_cursor: rows.length > limit ? encodeCursor(data[data.length - 1].id) : null };
}

export async function listApps({ key, query }: ApiContext<{ limit: number; cursor?: string }>) {
  const after = afterCursor(query.cursor);
  const apps = await prisma().app.findMany({
    where: { teamId: key.teamId, id: { gt: after, ...(key.appIds ? { in: key.appIds } : {}) } },
    include: { environments: { orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  return keyset(
    apps.map((a) => ({
      id: a.id,
      name: a.name,
      framework: a.framework,
      created_at: a.createdAt.toISOString(),
      environments: a.environments.map((e) => ({ id: e.id, name: e.name })),
    })),
    query.limit,
  );
}

export async function listConsumers({ app, query }: AppApiContext<{ limit: number; cursor?: string }>) {
  const rows = await sql().all<{
    id: number;
    identifier: string;
    name: string | null;
    groupId: number | null;
    groupName: string | null;
    firstSeen: number;
    lastSeen: number;
  }>(
    `SELECT c."id" AS "id", c."identifier" AS "identifier", c."name" AS "name", c."groupId" AS "groupId",
       g."name" AS "groupName", c."firstSeen" AS "firstSeen", c."lastSeen" AS "lastSeen"
     FROM "Consumer" c LEFT JOIN "ConsumerGroup" g ON g."appId" = c."appId" AND g."id" = c."groupId"
     WHERE c."appId" = ? AND c."id" > ? ORDER BY c."id" LIMIT ?`,
    [app.id, afterCursor(query.cursor), query.limit + 1],
  );
  return keyset(
    rows.map((c) => ({
      id: Number(c.id),
      identifier: c.identifier,
      name: c.name,
      group: c.groupId === null ? null : { id: Number(c.groupId), name: c.groupName },
      first_seen: iso(Number(c.firstSeen)),
      last_seen: iso(Number(c.lastSeen)),
    })),
    query.limit,
  );
}

export async function listEndpoints({ app, query }: AppApiContext<{ limit: number; cursor?: string }>) {
  const rows = await prisma().endpoint.findMany({
    where: { appId: app.id, id: { gt: afterCursor(query.cursor) } },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: { id: true, method: true, path: true, summary: true, inStartup: true },
  });
  return keyset(
    rows.map((e) => ({ id: e.id, method: e.method, path: e.path, summary: e.summary, in_startup: e.inStartup })),
    query.limit,
  );
}

/** The dashboard's filters from the API's params; a bad one is a 400 here, not a fallback as in a URL. */
export function filtersOf(query: Record<string, unknown>, nowMs = Date.now()): Filters {
  const { filters, issues } = parseFilters(dashboardFilterInput(query), nowMs);
  if (issues.length) {
    const named = issues.map((i) => ({ param: { from: "start", to: "end" }[i.param] ?? i.param, message: i.message }));
    throw new ApiError(400, `Invalid query: ${named.map((i) => i.message).join("; ")}`, named);
  }
  return filters;
}

const period = (f: Filters) => ({ start: isoMinute(f.window.from * 60_000), end: isoMinute(f.window.to * 60_000) });

export interface TrafficQuery {
  group_by?: ("time" | "env" | "consumer" | "group" | "endpoint" | "status")[];
  interval?: "minute" | "hour" | "day";
  limit: number;
  cursor?: string;
  format?: "json" | "csv";
}

export async function trafficRows(app: AppApiContext<unknown>["app"], query: TrafficQuery & Record<string, unknown>) {
  const lists = splitInFilters(query, app.environments);
  const f = filtersOf(lists.rest);
  const groupBy = query.group_by ?? [];
  const bucket = query.interval ?? f.window.bucket;
  const rows = lists.extraGroupBy.length
    ? regroup(
        (await getTrafficBreakdown(app.id, f, [...new Set([...groupBy, ...lists.extraGroupBy])], bucket)).filter(
          lists.keep,
        ),
        groupBy,
      )
    : await getTrafficBreakdown(app.id, f, groupBy, bucket);
  const names = await namesFor(app, rows);
  return {
    f,
    rows: rows.map((r) => ({
      ...(r.minute !== undefined ? { time: isoMinute(r.minute * 60_000) } : {}),
      ...(r.envId !== undefined ? { env: names.env.get(r.envId) ?? null } : {}),
      ...(r.consumerId !== undefined
        ? { consumer: r.consumerId ? (names.consumer.get(r.consumerId) ?? null) : null }
        : {}),
      ...(r.groupId !== undefined ? { group: r.groupId === null ? null : (names.group.get(r.groupId) ?? null) } : {}),
      ...(r.endpointId !== undefined ? { endpoint: names.endpoint.get(r.endpointId) ?? null } : {}),
      ...(r.statusCode !== undefined ? { status_code: r.statusCode } : {}),
      requests: r.requests,
      errors: r.errors,
      error_rate: r.requests ? r.errors / r.requests : null,
      bytes_received: r.bytesIn,
      bytes_sent: r.bytesOut,
    })),
  };
}

export async function getTraffic({ app, query }: AppApiContext<TrafficQuery & Record<string, unknown>>) {
  const { f, rows } = await trafficRows(app, query);
  return { period: period(f), ...pageOf(rows, afterCursor(query.cursor), query.limit) };
}

async function namesFor(app: AppApiContext<unknown>["app"], rows: BreakdownRow[]) {
  const ids = (k: keyof BreakdownRow) => [
    ...new Set(rows.map((r) => r[k]).filter((v): v is number => typeof v === "number" && v > 0)),
  ];
  const [consumers, groups, endpoints] = await Promise.all([
    ids("consumerId").length
      ? prisma().consumer.findMany({
          where: { appId: app.id, id: { in: ids("consumerId") } },
          select: { id: true, identifier: true, name: true },
        })
      : [],
    ids("groupId").length
      ? prisma().consumerGroup.findMany({
          where: { appId: app.id, id: { in: ids("groupId") } },
          select: { id: true, name: true },
        })
      : [],
    ids("endpointId").length
      ? prisma().endpoint.findMany({
          where: { appId: app.id, id: { in: ids("endpointId") } },
          select: { id: true, method: true, path: true },
        })
      : [],
  ]);
  return {
    env: new Map(app.environments.map((e) => [e.id, e.name])),
    consumer: new Map(consumers.map((c) => [c.id, { id: c.id, identifier: c.identifier, name: c.name }])),
    group: new Map(groups.map((g) => [g.id, { id: g.id, name: g.name }])),
    endpoint: new Map(endpoints.map((e) => [e.id, { id: e.id, method: e.method, path: e.path }])),
  };
}

export async function getErrors({
  app,
  query,
}: AppApiContext<{ limit: number; cursor?: string } & Record<string, unknown>>) {
  const f = filtersOf(query);
  const [server, validation] = await Promise.all([getServerErrors(app.id, f), getValidationErrors(app.id, f)]);
  const rows = [
    ...server.map((e) => ({
      kind: "server_error" as const,
      id: e.id,
      endpoint: { id: e.endpointId, method: e.method, path: e.path },
      type: e.type,
      message: e.msg,
      count: e.count,
      consumers: e.consumers,
      first_seen: iso(e.firstSeen),
      last_seen: iso(e.lastSeen),
      sentry_event_id: e.sentryEventId,
    })),
    ...validation.map((e) => ({
      kind: "validation_error" as const,
      id: e.id,
      endpoint: { id: e.endpointId, method: e.method, path: e.path },
      location: e.loc,
      message: e.msg,
      type: e.type,
      count: e.count,
      consumers: e.consumers,
      last_seen: iso(e.lastSeen),
    })),
  ];
  return { period: period(f), ...pageOf(rows, afterCursor(query.cursor), query.limit) };
}
