// The filter bar's search as you type, for the options past what it loads: endpoints or consumers whose text
// contains what was typed. The kind and the query are checked here, so a bad one is a 404 or a 400, never a 500.
import { z } from "zod";
import { searchConsumers } from "@/lib/queries/consumer-search";
import { searchEndpoints } from "@/lib/queries/endpoint-search";

const SEARCHES = { endpoints: searchEndpoints, consumers: searchConsumers };
export type OptionKind = keyof typeof SEARCHES;
const kindSchema = z.enum(Object.keys(SEARCHES) as [OptionKind, ...OptionKind[]]);

/** A page of matches is enough to pick from: typing more narrows it. */
export const OPTION_SEARCH_LIMIT = 20;
const querySchema = z.object({
  q: z.string().trim().min(1, "q: type at least one character").max(200, "q: at most 200 characters"),
  limit: z.coerce.number().int().min(1).max(50, "limit: at most 50").default(OPTION_SEARCH_LIMIT),
});

export type OptionSearch =
  | { kind: "unknown" }
  | { kind: "invalid"; error: string }
  | { kind: "found"; matches: Awaited<ReturnType<(typeof SEARCHES)[OptionKind]>> };

/** Options of an app whose access was checked (the route's withApp). */
export async function searchOptions(appId: number, kindParam: string, params: URLSearchParams): Promise<OptionSearch> {
  const kind = kindSchema.safeParse(kindParam);
  if (!kind.success) return { kind: "unknown" };
  const query = querySchema.safeParse({ q: params.get("q") ?? "", limit: params.get("limit") ?? undefined });
  if (!query.success) return { kind: "invalid", error: query.error.issues.map((i) => i.message).join("; ") };
  return { kind: "found", matches: await SEARCHES[kind.data](appId, query.data.q, query.data.limit) };
}
