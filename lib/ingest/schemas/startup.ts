// The /startup payload (docs/hub-protocol.md §3): the instance, its routes and versions, read
// into the shape the store keeps (StartupPayload, lib/model/payloads.ts).
import { z } from "zod";
import type { StartupPayload, StartupRoute } from "../../model/payloads";
import { ITEMS_MAX, STRING_MAX } from "../limits";
import { cleanText, cutUtf8 } from "../normalise";
import { list, method, optionalText, text, uuidField } from "./common";

const route = z
  .object({
    method,
    path: text(STRING_MAX.path).transform((p) => cutUtf8(p, STRING_MAX.pathBytes)),
    summary: optionalText(STRING_MAX.summary),
    description: optionalText(STRING_MAX.description),
  })
  .transform((r): StartupRoute => ({
    method: r.method,
    path: r.path,
    summary: r.summary || null,
    description: r.description || null,
  }));

// Version values are strings in every client; anything else is kept as its text.
const versions = z
  .record(z.string(), z.union([z.string(), z.number(), z.null()]))
  .nullish()
  .transform((rec, ctx) => {
    const out: Record<string, string> = {};
    if (!rec) return out;
    const entries = Object.entries(rec);
    if (entries.length > ITEMS_MAX.versions) {
      ctx.addIssue({
        code: "too_big",
        origin: "record",
        maximum: ITEMS_MAX.versions,
        message: "Too many versions",
        input: entries.length,
      });
      return out;
    }
    for (const [k, v] of entries) {
      const name = cleanText(k.trim(), STRING_MAX.versionName);
      if (name && v !== null) out[name] = cleanText(String(v), STRING_MAX.versionValue);
    }
    return out;
  });

export const startupSchema = z
  .object({
    instance_uuid: uuidField,
    message_uuid: z.unknown().optional(),
    paths: list(route, ITEMS_MAX.paths),
    versions,
    client: optionalText(STRING_MAX.client),
    openapi: z.string().nullish(),
  })
  .transform((s): StartupPayload => ({
    instanceUuid: s.instance_uuid,
    // Routes with an empty path cannot be attributed to anything.
    paths: s.paths.filter((p) => p.path !== ""),
    versions: s.versions,
    client: s.client || null,
    openapi: s.openapi ? cleanText(s.openapi, Number.MAX_SAFE_INTEGER) : null,
  }));
