// A metrics export → per instance: request counts per minute (from the apitally-scope delta
// exponential histograms), CPU/memory samples, and the heartbeat every export is.
import { BYTES_MAX, TIMESTAMP_MAX } from "../../model/limits";
import type { InstanceMetrics, ResourceSampleIn, Sender } from "../../model/otlp";
import type { SyncPayload } from "../../model/payloads";
import { epochMinute } from "../../store/time";
import { countable, requestKey } from "./attributes";
import { exponentialToBins, RESPONSE_TIME_BINS, SCALE_MAX, SCALE_MIN, SIZE_BINS } from "./exponential";
import { addBins, asSync, newHubRequest, type HubRequest } from "./hub-shape";
import { hashUuid, sender } from "./resource";
import { DELTA, type ExponentialPoint, type MetricsExport } from "./schema";

const DURATION = "http.server.request.duration";
const SIZES = { "http.server.request.body.size": "request", "http.server.response.body.size": "response" } as const;

export function readMetrics(
  exp: MetricsExport,
  headerEnv: string | null,
  receipt: string,
  nowSec: number,
): InstanceMetrics[] {
  const byInstance = new Map<
    string,
    {
      sender: Sender;
      durations: ExponentialPoint[];
      sizes: [keyof typeof SIZES, ExponentialPoint][];
      cpu: [number, number][];
      memory: [number, number][];
      apitally: boolean;
    }
  >();
  for (const rm of exp.resourceMetrics) {
    const s = sender(rm.resource, headerEnv);
    const key = `${s.env}\u0000${s.instanceUuid}`;
    const acc = byInstance.get(key) ?? {
      sender: s,
      durations: [],
      sizes: [],
      cpu: [],
      memory: [],
      apitally: s.apitally,
    };
    byInstance.set(key, acc);
    for (const sm of rm.scopeMetrics) {
      for (const m of sm.metrics) {
        const points = m.gauge?.dataPoints ?? m.sum?.dataPoints ?? [];
        if (m.name === "process.cpu.utilization")
          for (const p of points) if (p.value !== null) acc.cpu.push([p.time, p.value]);
        if (m.name === "process.memory.usage")
          for (const p of points) if (p.value !== null) acc.memory.push([p.time, p.value]);
        // Apitally reads only its own scope's exponential delta histograms; cumulative ones would double count.
        const eh = m.exponentialHistogram;
        if (sm.scope.name !== "apitally" || !eh || eh.aggregationTemporality !== DELTA) continue;
        const valid = eh.dataPoints.filter((p) => p.scale >= SCALE_MIN && p.scale <= SCALE_MAX);
        if (m.name === DURATION) {
          acc.durations.push(...valid);
          acc.apitally = true;
        } else if (m.name in SIZES)
          acc.sizes.push(
            ...valid.map((p) => [m.name as keyof typeof SIZES, p] as [keyof typeof SIZES, ExponentialPoint]),
          );
      }
    }
  }
  return [...byInstance.values()].map((acc) => ({
    sender: acc.sender,
    countsFromMetrics: acc.apitally,
    syncs: requestSyncs(acc.sender, acc.durations, acc.sizes, receipt, nowSec),
    samples: pairSamples(acc.cpu, acc.memory),
  }));
}

function requestSyncs(
  s: Sender,
  durations: ExponentialPoint[],
  sizes: [keyof typeof SIZES, ExponentialPoint][],
  receipt: string,
  nowSec: number,
): SyncPayload[] {
  const minutes = new Map<number, { first: number; requests: Map<string, HubRequest> }>();
  // A size point joins the duration point with the same attribute key; one without is dropped.
  const byKey = new Map<string, HubRequest>();
  for (const p of durations) {
    const k = requestKey(p.attributes);
    if (!countable(k) || p.count <= 0) continue;
    const minute = epochMinute(p.start || nowSec);
    const m = minutes.get(minute) ?? { first: p.start || nowSec, requests: new Map() };
    minutes.set(minute, m);
    m.first = Math.min(m.first, p.start || nowSec);
    const id = JSON.stringify([k.method, k.route, k.status, k.consumer]);
    const r = m.requests.get(id) ?? newHubRequest(k);
    m.requests.set(id, r);
    r.request_count += p.count;
    addBins(r.response_times, exponentialToBins(p, RESPONSE_TIME_BINS));
    byKey.set(id, r);
  }
  for (const [kind, p] of sizes) {
    const k = requestKey(p.attributes);
    const r = byKey.get(JSON.stringify([k.method, k.route, k.status, k.consumer]));
    if (!r) continue;
    const bytes = Math.max(0, Math.round(p.sum));
    if (SIZES[kind] === "request") {
      r.request_size_sum += bytes;
      addBins(r.request_sizes, exponentialToBins(p, SIZE_BINS));
    } else {
      r.response_size_sum += bytes;
      addBins(r.response_sizes, exponentialToBins(p, SIZE_BINS));
    }
  }
  const heartbeat =
    minutes.size === 0
      ? [[epochMinute(nowSec), { first: nowSec, requests: new Map<string, HubRequest>() }] as const]
      : [];
  return [...minutes.entries(), ...heartbeat].map(([minute, m]) =>
    asSync({
      timestamp: m.first,
      instance_uuid: s.instanceUuid,
      message_uuid: hashUuid(receipt, s.env, s.instanceUuid, String(minute)),
      requests: [...m.requests.values()],
    }),
  );
}

// CPU and memory observed in the same collection share a timestamp (Apitally allows 1 s of skew).
function pairSamples(cpu: [number, number][], memory: [number, number][]): ResourceSampleIn[] {
  const out: ResourceSampleIn[] = [];
  for (const [t, value] of cpu) {
    const mem = memory.find(([mt]) => Math.abs(mt - t) <= 1);
    // Times and sizes a process cannot have are dropped, not stored (the columns are 32/64-bit).
    if (!mem || !Number.isFinite(value) || !(mem[1] >= 0 && mem[1] <= BYTES_MAX) || !(t > 0 && t <= TIMESTAMP_MAX))
      continue;
    out.push({
      ts: Math.floor(t),
      cpuPercent: Math.min(100, Math.max(0, value * 100)),
      memoryRss: Math.max(0, Math.round(mem[1])),
    });
  }
  return out;
}
