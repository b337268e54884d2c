// Opaque page cursors: the position after the last row of a page, as base64url JSON. A cursor that does not decode
// is a 400 like any bad parameter.
import { z } from "zod";
import { decodeOpaque, encodeOpaque } from "../opaque-token";

const position = z.object({ after: z.number().int().min(0) });

export function encodeCursor(after: number): string {
  return encodeOpaque({ after });
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return 0;
  return decodeOpaque(cursor, position)?.after ?? null;
}

/** One page of rows already in order, by offset: for aggregated results, which have no row ids. */
export function pageOf<T>(rows: T[], offset: number, limit: number) {
  const data = rows.slice(offset, offset + limit);
  const next = offset + limit < rows.length ? encodeCursor(offset + limit) : null;
  return { data, next_cursor: next };
}
