// Per-app caps on what clients can create: environments, endpoints, consumers, groups, error
// fingerprints and instances (TALLYHUB_MAX_* in lib/settings.ts). Past a cap a new key is not an
// error and is not dropped: it is counted under the kind's one "(other)" row, so totals stay exact,
// and the App row records which cap was hit for the dashboard's warning.
//
// The live count of each kind is a column on App, kept in the transaction that creates rows and
// recounted by the retention pass after it prunes, so checking a cap never counts rows.
import type { Sql } from "../db";
import { OTHER_ID, OTHER_LABEL } from "../model/other-row";
import { settings, type SettingName } from "../settings";
import { nowSeconds } from "./time";

export const CAP_KINDS = ["environments", "endpoints", "consumers", "groups", "errors", "instances"] as const;
export type CapKind = (typeof CAP_KINDS)[number];

export { OTHER_ID, OTHER_LABEL } from "../model/other-row";
/** Instances are keyed by uuid; this is no uuid a client can send. */
export const OTHER_INSTANCE = OTHER_LABEL;

export const CAP_COLUMNS: Record<CapKind, { count: string; setting: SettingName; label: string }> = {
  environments: { count: "envCount", setting: "TALLYHUB_MAX_ENVIRONMENTS", label: "environments" },
  endpoints: { count: "endpointCount", setting: "TALLYHUB_MAX_ENDPOINTS", label: "endpoints" },
  consumers: { count: "consumerCount", setting: "TALLYHUB_MAX_CONSUMERS", label: "consumers" },
  groups: { count: "groupCount", setting: "TALLYHUB_MAX_CONSUMER_GROUPS", label: "consumer groups" },
  errors: { count: "errorCount", setting: "TALLYHUB_MAX_ERRORS", label: "error fingerprints" },
  instances: { count: "instanceCount", setting: "TALLYHUB_MAX_INSTANCES", label: "instances" },
};

/** A number per kind, as JSON on App: when a cap was last hit (capsHit), the app's own caps (capOverrides). */
export type PerKind = Partial<Record<CapKind, number>>;

/** The app's cap of a kind: the instance admin's override for it (App.capOverrides), else the server's setting. */
export const capOf = (kind: CapKind, overrides: PerKind = {}): number =>
  overrides[kind] ?? (settings()[CAP_COLUMNS[kind].setting] as number);

/** capOf for an App row's capOverrides column as stored (JSON text or null). */
export const appCap = (kind: CapKind, capOverrides: string | null): number => capOf(kind, parsePerKind(capOverrides));

/** What the kind's "(other)" row holds, for the dashboard to say instead of offering to edit it (the app's cap,
 * which an override may set, when the caller has it). */
export const pastCapHint = (kind: CapKind, cap?: number) =>
  `Data for ${CAP_COLUMNS[kind].label} past ${cap === undefined ? "this app's cap" : `the cap of ${cap.toLocaleString("en")}`}`;

/** The app was deleted while its data was arriving. */
export class AppGone extends Error {}

export interface Admission {
  /** The counter's value: the first id to hand out. */
  next: number;
  /** How many new rows may be created. */
  admitted: number;
}

/**
 * Locks the app's row (on PostgreSQL until the transaction ends, which serialises every creator of new
 * keys within the app), then re-asks which of `keys` still need a row, since another transaction may
 * have created some while this one waited. Admits as many of them as the cap and the id space allow,
 * counting them and advancing `counter` by that many; records the cap as hit when some are left over.
 */
export async function admit(
  db: Sql,
  appId: number,
  kind: CapKind,
  counter: string | null,
  stillMissing: () => Promise<number>,
): Promise<Admission & { wanted: number }> {
  const count = `"${CAP_COLUMNS[kind].count}"`;
  const next = counter ? `"${counter}"` : "0";
  const [row] = await db.all<{ next: number; count: number; capsHit: string | null; capOverrides: string | null }>(
    `UPDATE "App" SET ${count} = ${count} WHERE "id" = ?
     RETURNING ${next} AS "next", ${count} AS "count", "capsHit", "capOverrides"`,
    [appId],
  );
  if (!row) throw new AppGone();
  const wanted = await stillMissing();
  const first = Number(row.next);
  const room = Math.min(appCap(kind, row.capOverrides) - Number(row.count), counter ? OTHER_ID - first : Infinity);
  const admitted = Math.max(0, Math.min(wanted, room));
  if (admitted > 0) {
    await db.run(
      `UPDATE "App" SET ${count} = ${count} + ?${counter ? `, ${next} = ${next} + ?` : ""} WHERE "id" = ?`,
      counter ? [admitted, admitted, appId] : [admitted, appId],
    );
  }
  if (admitted < wanted) await recordCapHit(db, appId, kind, row.capsHit);
  return { next: first, admitted, wanted };
}

// The App row is shared by every server (a reference table on Citus): note a hit at most hourly.
const HIT_REFRESH_SECONDS = 3600;

export function parsePerKind(json: string | null): PerKind {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== "object") return {};
    return Object.fromEntries(
      Object.entries(v).filter(([k, t]) => (CAP_KINDS as readonly string[]).includes(k) && typeof t === "number"),
    );
  } catch {
    return {};
  }
}

async function recordCapHit(db: Sql, appId: number, kind: CapKind, json: string | null) {
  const hit = parsePerKind(json);
  const now = nowSeconds();
  if ((hit[kind] ?? 0) > now - HIT_REFRESH_SECONDS) return;
  await db.run(`UPDATE "App" SET "capsHit" = ? WHERE "id" = ?`, [JSON.stringify({ ...hit, [kind]: now }), appId]);
}
