// How much of each per-app cap an app uses, and which caps it has hit: the Settings page's usage
// bars and the warning every page of the app shows. One row read: the counts live on App.
import { sql } from "@/lib/db";
import { CAP_COLUMNS, CAP_KINDS, capOf, parseCapsHit, type CapKind } from "@/lib/store/caps";

export interface CapUsage {
  kind: CapKind;
  label: string;
  used: number;
  cap: number;
  /** Epoch seconds of the latest time a new key went to "(other)", while the app is at this cap. */
  hitAt: number | null;
}

export async function getCapUsage(appId: number): Promise<CapUsage[]> {
  const columns = CAP_KINDS.map((k) => `"${CAP_COLUMNS[k].count}"`).join(", ");
  const [row] = await sql().all<Record<string, number | string | null>>(
    `SELECT ${columns}, "capsHit" FROM "App" WHERE "id" = ?`,
    [appId],
  );
  if (!row) return [];
  const hit = parseCapsHit(row.capsHit as string | null);
  return CAP_KINDS.map((kind) => ({
    kind,
    label: CAP_COLUMNS[kind].label,
    used: Number(row[CAP_COLUMNS[kind].count]),
    cap: capOf(kind),
    hitAt: hit[kind] ?? null,
  }));
}

export const capsHit = (usage: CapUsage[]) => usage.filter((u) => u.hitAt !== null);
