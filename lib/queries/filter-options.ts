// What the filter bar offers: environments, consumers, groups, endpoints and methods.
import { sql } from "@/lib/db";
import { VISIBLE_CONSUMER } from "./aggregates";
import { byEndpoint } from "./endpoints-table";
import { byText } from "./text-order";

export interface FilterOptions {
  envs: string[];
  consumers: { id: number; identifier: string; name: string | null }[];
  groups: { id: number; name: string }[];
  endpoints: { id: number; method: string; path: string }[];
  methods: string[];
}

export const CONSUMER_OPTIONS_LIMIT = 2000;
// An app may have up to TALLYHUB_MAX_ENDPOINTS (5,000) endpoints and this is sent on every poll: the most recently
// seen ones (and the selected one); the endpoint filter searches the rest (endpoint-search.ts) and also takes any
// typed path or pattern, matched on the server.
export const ENDPOINT_OPTIONS_LIMIT = 1000;

/** What a filter is set to; it is among the options even when outside their limit, so it shows by its name. */
export interface SelectedOptions {
  endpointId: number | null;
  consumerId: number | null;
}
const NONE_SELECTED: SelectedOptions = { endpointId: null, consumerId: null };

export async function getFilterOptions(appId: number, selected = NONE_SELECTED): Promise<FilterOptions> {
  const [envs, consumers, groups, endpoints] = await Promise.all([
    sql().all<{ name: string }>(
      `SELECT "Environment"."name" AS "name" FROM "Environment" WHERE "Environment"."appId" = ? `,
      [appId],
    ),
    sql().all<{ id: number; identifier: string; name: string | null }>(
      `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name"
       FROM "Consumer"
       WHERE "Consumer"."appId" = ? AND (${VISIBLE_CONSUMER} OR "Consumer"."id" = ?)
       ORDER BY CASE WHEN "Consumer"."id" = ? THEN 0 ELSE 1 END, "Consumer"."lastSeen" DESC, 1
       LIMIT ${CONSUMER_OPTIONS_LIMIT}`,
      [appId, selected.consumerId, selected.consumerId],
    ),
    sql().all<{ id: number; name: string }>(
      `SELECT "ConsumerGroup"."id" AS "id", "ConsumerGroup"."name" AS "name" FROM "ConsumerGroup"
       WHERE "ConsumerGroup"."appId" = ?`,
      [appId],
    ),
    sql().all<{ id: number; method: string; path: string }>(
      `SELECT "Endpoint"."id" AS "id", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path"
       FROM "Endpoint" WHERE "Endpoint"."appId" = ?
       ORDER BY CASE WHEN "Endpoint"."id" = ? THEN 0 ELSE 1 END, "Endpoint"."lastSeen" DESC, 1
       LIMIT ${ENDPOINT_OPTIONS_LIMIT}`,
      [appId, selected.endpointId],
    ),
  ]);
  return {
    envs: envs.map((e) => e.name).sort(byText),
    consumers: consumers.map((c) => ({ id: Number(c.id), identifier: c.identifier, name: c.name })),
    groups: groups.map((g) => ({ id: Number(g.id), name: g.name })).sort((a, b) => byText(a.name, b.name)),
    endpoints: endpoints.map((e) => ({ id: Number(e.id), method: e.method, path: e.path })).sort(byEndpoint),
    methods: [...new Set(endpoints.map((e) => e.method))].sort(byText),
  };
}
