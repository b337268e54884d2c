// Simulated Apitally instances for the crash and soak runs: /sync bodies in the shapes the captured clients sent
// (tests/fixtures/hub), each with fresh uuids, the current time and its own spread of endpoints and consumers, sent
// the way the official clients do (the same body again after a failure, until the hub acknowledges it), and a
// ledger of every sync with what it carried, for the conservation check (conservation.ts).
import { randomUUID } from "node:crypto";
import { hubFixtures, syncTotals, type SyncJson } from "./hub-fixtures";

/** One sync of the ledger: its message_uuid, the requests it carries, whether the hub acknowledged it (202). */
export interface SentSync {
  uuid: string;
  requests: number;
  acked: boolean;
}

/** One HTTP attempt: its status (0: no answer, the connection failed), how long it took, and when it ended. */
export interface Attempt {
  status: number;
  ms: number;
  at: number;
}

export interface Delivery {
  /** Tries per sync before the instance gives up on it (the official clients' queues are bounded too). */
  attempts: number;
  /** Pause before a resend. */
  retryMs: number;
  onAttempt?: (a: Attempt) => void;
}

type SyncBody = SyncJson & Record<string, unknown>;
type Named = { path: string; consumer?: string | null };

let shapes: SyncBody[] | undefined;
/** The captured syncs that carry traffic (js Express/Fastify, py FastAPI/Flask, incl. the shutdown syncs). */
function syncShapes(): SyncBody[] {
  return (shapes ??= hubFixtures()
    .filter((f) => f.endpoint === "sync" && !f.name.endsWith("-empty"))
    .map((f) => JSON.parse(f.body.toString("utf8")) as SyncBody));
}

/** How many distinct endpoint prefixes and consumer suffixes the instances spread over. */
const SPREAD = { endpoints: 16, consumers: 40 };

export class SimulatedInstance {
  readonly instanceUuid = randomUUID();
  private sent = 0;

  constructor(readonly index: number) {}

  /** The instance's next sync: a captured shape, its endpoints and consumers renamed by this instance's turn. */
  nextSync(): { uuid: string; body: string; requests: number } {
    const all = syncShapes();
    const turn = this.index * 7 + this.sent++;
    const s = structuredClone(all[turn % all.length]);
    const uuid = randomUUID();
    const prefix = `/s${turn % SPREAD.endpoints}`;
    const consumer = (c: string | null | undefined) => (c ? `${c}-${turn % SPREAD.consumers}` : c);
    for (const item of [...s.requests, ...(s.validation_errors ?? []), ...(s.server_errors ?? [])] as Named[]) {
      item.path = prefix + item.path;
      item.consumer = consumer(item.consumer);
    }
    s.consumers = (s.consumers ?? []).map((c) => ({ ...c, identifier: consumer(c.identifier)! }));
    Object.assign(s, { timestamp: Date.now() / 1000, instance_uuid: this.instanceUuid, message_uuid: uuid });
    return { uuid, body: JSON.stringify(s), requests: syncTotals(s).requests };
  }
}

/** Sends one body until the hub answers 202 or the tries run out; true when acknowledged. */
export async function deliver(url: string, body: string, d: Delivery): Promise<boolean> {
  for (let attempt = 1; attempt <= d.attempts; attempt++) {
    const start = performance.now();
    let status = 0;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      /* killed server, refused connection, timeout: status 0, resend */
    }
    d.onAttempt?.({ status, ms: performance.now() - start, at: Date.now() });
    if (status === 202) return true;
    // 4xx would be the body's fault, and resending it cannot help; the official clients drop those too.
    if (status >= 400 && status < 500) return false;
    await new Promise((r) => setTimeout(r, d.retryMs));
  }
  return false;
}

/**
 * Runs `instances` simulated instances against one sync URL until `done()` says stop (checked before each sync),
 * each sending a sync every `intervalMs` (first ones spread over the interval). Resolves with the ledger.
 */
export async function driveInstances(opts: {
  url: string;
  instances: number;
  intervalMs: number;
  done: () => boolean;
  delivery: Delivery;
}): Promise<SentSync[]> {
  const ledger: SentSync[] = [];
  const run = async (i: number) => {
    const instance = new SimulatedInstance(i);
    let next = Date.now() + (opts.intervalMs * i) / opts.instances;
    for (;;) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      if (opts.done()) return;
      next += opts.intervalMs;
      const sync = instance.nextSync();
      const entry: SentSync = { uuid: sync.uuid, requests: sync.requests, acked: false };
      ledger.push(entry);
      entry.acked = await deliver(opts.url, sync.body, opts.delivery);
    }
  };
  await Promise.all(Array.from({ length: opts.instances }, (_, i) => run(i)));
  return ledger;
}
