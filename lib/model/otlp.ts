// What the store consumes from an OTLP export, once lib/ingest/otlp/ has read it: per
// instance, the hub's own payloads (lib/model/payloads.ts) plus what only OTLP carries.
// The endpoints are described in docs/hub-protocol.md §7.
import type { LogLine, StartupPayload, SyncPayload } from "./payloads";

/** Who sent an export, from its resource attributes. */
export interface Sender {
  env: string;
  instanceUuid: string;
  /** An Apitally distribution: its apitally-scope histograms are the request counts, never its spans. */
  apitally: boolean;
  client: string | null;
}

/** A CPU/memory sample of an instance. */
export interface ResourceSampleIn {
  ts: number;
  cpuPercent: number;
  memoryRss: number;
}

/** A metrics export, for one instance. */
export interface InstanceMetrics {
  sender: Sender;
  /** The instance sends Apitally's request histograms (or is an Apitally SDK): count from metrics. */
  countsFromMetrics: boolean;
  /** One hub sync per minute with requests; one without any when there were none (the heartbeat). */
  syncs: SyncPayload[];
  samples: ResourceSampleIn[];
}

/** A trace export, for one instance. */
export interface InstanceTraces {
  sender: Sender;
  /**
   * Errors and consumers per minute; `requests` holds span-derived counts, used only if the instance counts from spans.
   */
  syncs: SyncPayload[];
  logs: LogLine[];
  /**
   * The receipt of this export's request logs for the instance (a span sent again in another export is stored once by
   * its uuid).
   */
  logFileUuid: string;
}

/** An application log record of a request (RequestAppLog). */
export interface AppLog {
  requestUuid: string;
  id: string;
  ts: number;
  logger: string | null;
  level: string | null;
  message: string;
  file: string | null;
  line: number | null;
  spanId: string | null;
}

/** A logs export: startup events and request-scoped application logs. */
export interface LogsBatch {
  startups: { sender: Sender; startup: StartupPayload }[];
  appLogs: AppLog[];
}
