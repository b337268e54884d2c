// How much of each per-app cap an app uses, and which caps it has hit: the Settings page's usage
// bars and the warning every page of the app shows. One row read: the counts live on App.
import { sql } from "@/lib/db";
import { CAP_COLUMNS, CAP_KINDS, capOf, parsePerKind, type CapKind } from "@/lib/store/caps";

export interface CapUsage {
  kind: CapKind;
  label: string;
  used: number;
  /** The cap this app is held to: its override when the instance admin set one, else the server's. */
  cap: number;
  /** The server's cap (TALLYHUB_MAX_*), what the app gets back when its override is cleared. */
  serverCap: number;
  overridden: boolean;
  /** Epoch seconds of the latest time a new key went to "(other)", while the app is at this cap. */
  hitAt: number | null;
}

export async function getCapUsage(appId: number): Promise<CapUsage[]> {
  const columns = CAP_KINDS.map((k) => `"${CAP_COLUMNS[k].count}"`).join(", ");
  const [row] = await sql().all<Record<string, number | string | null>>(
    `SELECT ${columns}, "capsHit", "capOverrides" FROM "App" WHERE "id" = ?`,
    [appId],
  );
  if (!row) return [];
  const hit = parsePerKind(row.capsHit as string | null);
  const overrides = parsePerKind(row.capOverrides as string | null);
  return CAP_KINDS.map((kind) => ({
    kind,
    label: CAP_COLUMNS[kind].label,
    used: Number(row[CAP_COLUMNS[kind].count]),
    cap: capOf(kind, overrides),
    serverCap: capOf(kind),
    overridden: overrides[kind] !== undefined,
    hitAt: hit[kind] ?? null,
  }));
}

export const capsHit = (usage: CapUsage[]) => usage.filter((u) => u.hitAt !== null);
