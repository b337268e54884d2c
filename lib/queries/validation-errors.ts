// Validation errors (field location, message, type) with their counts in the window.
import type { Filters } from "@/lib/filters";
import { listErrors } from "./error-list";

export interface ValidationErrorRow {
  id: number;
  endpointId: number;
  method: string;
  path: string;
  /** Field location, e.g. ["query", "limit"]. */
  loc: string[];
  msg: string;
  type: string;
  count: number;
  consumers: number;
  /** When it last occurred within the filters (exact when known, else its minute's start), epoch seconds. */
  lastSeen: number;
}

function parseLoc(loc: string): string[] {
  try {
    const v: unknown = JSON.parse(loc);
    return Array.isArray(v) ? v.map(String) : [String(v)];
  } catch {
    return [loc];
  }
}

export async function getValidationErrors(appId: number, f: Filters): Promise<ValidationErrorRow[]> {
  const rows = await listErrors("validation", appId, f, ["loc", "msg", "type"]);
  return rows.map(({ loc, msg, type, ...r }) => ({
    ...r,
    loc: parseLoc(String(loc)),
    msg: String(msg),
    type: String(type),
  }));
}
