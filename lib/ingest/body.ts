// Reads a request body with a byte cap, streaming so an endless chunked upload never sits
// in memory, and gunzips it when it is gzip (the /log files come with no Content-Encoding
// header, so the magic bytes decide) with a cap on the inflated size against gzip bombs.
import { promisify } from "node:util";
import { constants, gunzip } from "node:zlib";
import { tooLarge, unprocessable } from "./responses";

const gunzipAsync = promisify(gunzip);

export interface BodyLimits {
  compressed: number;
  decompressed: number;
}

// Past the cap we keep reading (and dropping) a while so the client gets to read our 413
// instead of a reset connection; a client that keeps going beyond this gets cut off.
const DRAIN_FACTOR = 4;

export async function readBody(
  request: Request,
  limits: BodyLimits,
  opts: { partialGzip?: boolean } = {},
): Promise<Buffer> {
  return (await readBodyAndRaw(request, limits, opts)).body;
}

/** The body as readBody gives it, and the bytes as they came (the /log route stages those). */
export async function readBodyAndRaw(
  request: Request,
  limits: BodyLimits,
  opts: { partialGzip?: boolean } = {},
): Promise<{ body: Buffer; raw: Buffer }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.compressed) throw tooLarge(limits.compressed);
  const raw = await readCapped(request, limits.compressed);
  return { raw, body: isGzip(raw) ? await inflate(raw, limits.decompressed, opts.partialGzip ?? true) : raw };
}

async function readCapped(request: Request, cap: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      if (total > cap * DRAIN_FACTOR) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(cap);
      }
      chunks.length = 0;
      continue;
    }
    chunks.push(value);
  }
  if (total > cap) throw tooLarge(cap);
  return Buffer.concat(chunks, total);
}

export function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

export async function inflate(buf: Buffer, cap: number, partial = true): Promise<Buffer> {
  try {
    // Z_SYNC_FLUSH keeps what a truncated file holds instead of failing on it.
    return await gunzipAsync(buf, {
      maxOutputLength: cap,
      finishFlush: partial ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError)
      throw tooLarge(cap, "Body inflates to more than");
    throw unprocessable([{ loc: ["body"], msg: "Body is not a valid gzip stream", type: "value_error.gzip" }]);
  }
}
