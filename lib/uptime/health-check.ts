// One health check request as Tallyhub makes it, and the retry before a failure counts.
// Healthy: the expected status (any 2xx when none is set), within the timeout, redirects
// followed, and the body containing the expected text when one is set.

export interface ProbeTarget {
  url: string;
  method: string;
  timeoutMs: number;
  expectedStatus: number | null;
  bodyContains: string | null;
  headers: [string, string][];
}

export interface ProbeResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number | null;
  /** Short and free of secrets: it is stored and shown ("HTTP 503", "timeout after 5 s"). */
  error: string | null;
}

/** Enough of a body to find a marker in, without holding a large download. */
const MAX_BODY_BYTES = 1024 * 1024;
export const RETRY_DELAY_MS = 1500;

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed TLS certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed TLS certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
};

export function describeFailure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `timeout after ${timeoutMs / 1000} s`;
  const code = err?.cause?.code;
  if (code && NETWORK_ERRORS[code]) return NETWORK_ERRORS[code];
  return String(err?.cause?.message ?? err?.message ?? e).slice(0, 200);
}

async function readUpTo(body: ReadableStream<Uint8Array>, max: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, max));
}

/** One attempt. */
export async function probeOnce(t: ProbeTarget): Promise<ProbeResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(t.timeoutMs);
  const latency = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(t.url, {
      method: t.method,
      headers: t.headers,
      redirect: "follow",
      signal,
      cache: "no-store",
    });
    const statusOk =
      t.expectedStatus === null ? res.status >= 200 && res.status < 300 : res.status === t.expectedStatus;
    if (!statusOk || !t.bodyContains || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      return {
        ok: statusOk,
        statusCode: res.status,
        latencyMs: latency(),
        error: statusOk ? null : `HTTP ${res.status}`,
      };
    }
    const text = await readUpTo(res.body, MAX_BODY_BYTES);
    const found = text.includes(t.bodyContains);
    return {
      ok: found,
      statusCode: res.status,
      latencyMs: latency(),
      error: found ? null : `body does not contain ${JSON.stringify(t.bodyContains.slice(0, 40))}`,
    };
  } catch (e) {
    return { ok: false, statusCode: null, latencyMs: null, error: describeFailure(e, t.timeoutMs) };
  }
}

/** An attempt, and once more after a pause if it failed: a single blip is not an outage. */
export async function probe(t: ProbeTarget, retryDelayMs = RETRY_DELAY_MS): Promise<ProbeResult> {
  const first = await probeOnce(t);
  if (first.ok) return first;
  await new Promise((r) => setTimeout(r, retryDelayMs));
  return probeOnce(t);
}
