// A request's spans as a waterfall: each span's depth, start offset and duration in ms from
// the earliest span. Ingest keeps spans camelCase with nanoseconds as text, but the clients
// send snake_case integer nanoseconds (Python, Go) or camelCase text (JS), and rows may come
// from either: both are read here.
import { z } from "zod";

export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string | null;
  status: string | null;
  depth: number;
  /** Milliseconds from the start of the earliest span. */
  offsetMs: number;
  durationMs: number;
  attributes: Record<string, unknown>;
}

export interface Waterfall {
  spans: WaterfallSpan[];
  /** From the earliest start to the latest end, ms. */
  totalMs: number;
}

const nanos = z.union([z.string().regex(/^\d{1,20}$/), z.number().finite().nonnegative()]).transform((v) => BigInt(v));
const text = z.string().nullish();

const rawSpan = z
  .looseObject({
    name: text,
    kind: text,
    status: text,
    attributes: z.record(z.string(), z.unknown()).nullish(),
  })
  .transform((s) => {
    const pick = (camel: string, snake: string) => s[camel] ?? s[snake];
    const start = nanos.safeParse(pick("startTime", "start_time"));
    const end = nanos.safeParse(pick("endTime", "end_time"));
    const spanId = text.safeParse(pick("spanId", "span_id"));
    const parent = text.safeParse(pick("parentSpanId", "parent_span_id"));
    if (!start.success || !end.success || !spanId.success || !spanId.data) return null;
    return {
      spanId: spanId.data,
      parentSpanId: (parent.success && parent.data) || null,
      name: s.name ?? "",
      kind: s.kind ?? null,
      status: s.status ?? null,
      attributes: s.attributes ?? {},
      start: start.data,
      end: end.data < start.data ? start.data : end.data,
    };
  });

const ms = (ns: bigint) => Number(ns / 1000n) / 1000;

/** The stored JSON array of spans → the waterfall, parents before their children. Unreadable spans are skipped. */
export function buildWaterfall(json: string | null): Waterfall | null {
  let list: unknown;
  try {
    list = json ? JSON.parse(json) : null;
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const spans = list.map((s) => rawSpan.safeParse(s)).flatMap((r) => (r.success && r.data ? [r.data] : []));
  if (!spans.length) return null;

  const origin = spans.reduce((m, s) => (s.start < m ? s.start : m), spans[0].start);
  const latest = spans.reduce((m, s) => (s.end > m ? s.end : m), spans[0].end);
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, typeof spans>();
  for (const s of spans) {
    // A parent outside this request (the caller's span, say) makes a root.
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const out: WaterfallSpan[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const s of kids) {
      if (seen.has(s.spanId)) continue; // a cycle or a repeated id: show it once
      seen.add(s.spanId);
      const { start, end, ...rest } = s;
      out.push({ ...rest, depth, offsetMs: ms(start - origin), durationMs: ms(end - start) });
      visit(s.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return { spans: out, totalMs: Math.max(ms(latest - origin), 0.001) };
}
