// OTLP becomes the hub's own payloads here (the wire shapes of docs/hub-protocol.md §3–5),
// read by the hub's own zod schemas: one set of limits, normalisation and storage for both
// protocols.
import type { z } from "zod";
import type { LogLine, StartupPayload, SyncPayload } from "../../model/payloads";
import { issuesToDetail } from "../parse";
import { logLineSchema } from "../schemas/log-line";
import { startupSchema } from "../schemas/startup";
import { syncSchema } from "../schemas/sync";
import { badRequest } from "./responses";

function read<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const d = issuesToDetail(r.error.issues)[0];
  throw badRequest(`${what}: ${d.loc.slice(1).join(".")} ${d.msg}`);
}

export const asSync = (raw: unknown): SyncPayload => read(syncSchema, raw, "Request metrics do not fit");
export const asStartup = (raw: unknown): StartupPayload => read(startupSchema, raw, "Startup event does not fit");
/** A span that does not fit a request log is left out (null), not the whole export. */
export function asLogLine(raw: unknown): LogLine | null {
  const r = logLineSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export type HubRequest = {
  consumer: string | null;
  method: string;
  path: string;
  status_code: number;
  request_count: number;
  request_size_sum: number;
  response_size_sum: number;
  response_times: Record<string, number>;
  request_sizes: Record<string, number>;
  response_sizes: Record<string, number>;
};

export const newHubRequest = (k: {
  method: string;
  route: string;
  status: number;
  consumer: string | null;
}): HubRequest => ({
  consumer: k.consumer,
  method: k.method,
  path: k.route,
  status_code: k.status,
  request_count: 0,
  request_size_sum: 0,
  response_size_sum: 0,
  response_times: {},
  request_sizes: {},
  response_sizes: {},
});

export function addBins(into: Record<string, number>, bins: Map<number, number>) {
  for (const [bin, n] of bins) into[bin] = (into[bin] ?? 0) + n;
}
