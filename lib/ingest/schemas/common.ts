// Field schemas shared by the startup, sync and log payloads. Transforms normalise as they
// parse, so what comes out is what gets stored.
import { z } from "zod";
import { BYTES_MAX, COUNT_MAX, INT32_MAX, TIMESTAMP_MAX } from "../../model/limits";
import { ITEMS_MAX } from "../limits";
import { cleanText, consumerIdentifier, consumerLabel, httpMethod, uuid } from "../normalise";

export const text = (max: number) => z.string().transform((s) => cleanText(s, max));

export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null ? null : cleanText(s, max)));

export const count = z.number().int().min(0).max(COUNT_MAX);
export const bytes = z.number().int().min(0).max(BYTES_MAX);

export const timestamp = z.number().positive().max(TIMESTAMP_MAX);

export const uuidField = z.string().transform((s, ctx) => {
  const u = uuid(s);
  if (u === null) ctx.addIssue({ code: "custom", message: "Invalid UUID", input: s });
  return u ?? "";
});

export const method = z.string().transform((s, ctx) => {
  const m = httpMethod(s);
  if (m === null) ctx.addIssue({ code: "custom", message: "Invalid HTTP method", input: s.slice(0, 64) });
  return m ?? "";
});

// py str()s the identifier; go omits it when empty.
export const consumerRef = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => consumerIdentifier(v));

export const consumerName = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => consumerLabel(v));

export const statusCode = z.number().int().min(100).max(999);

export const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .nullish()
    .transform((a) => a ?? []);

const BIN_KEY = /^\d{1,10}$/;

/** {"<bin>": count} with string keys (JSON) → [bin, count] pairs; go may send null for an empty map. */
export const histogram = z
  .record(z.string(), count)
  .nullish()
  .transform((rec, ctx) => {
    const bins: [number, number][] = [];
    if (!rec) return bins;
    const keys = Object.keys(rec);
    if (keys.length > ITEMS_MAX.histogramBins) {
      ctx.addIssue({
        code: "too_big",
        origin: "record",
        maximum: ITEMS_MAX.histogramBins,
        message: "Too many histogram bins",
        input: keys.length,
      });
      return bins;
    }
    for (const k of keys) {
      const bin = BIN_KEY.test(k) ? Number(k) : NaN;
      if (!(bin <= INT32_MAX)) {
        ctx.addIssue({
          code: "custom",
          message: "Histogram bin must be a non-negative integer",
          path: [k.slice(0, 32)],
          input: k.slice(0, 32),
        });
        continue;
      }
      if (rec[k] > 0) bins.push([bin, rec[k]]);
    }
    return bins;
  });
