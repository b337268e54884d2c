// Everything the Uptime page shows, for one app: every environment's state and uptime (the
// chooser), and the chosen environment's day bars, incidents, health check and instances.
import { getUptimeEnvironments, type UptimeEnvironment } from "@/lib/queries/uptime-environments";
import { getHealthCheckSettings } from "@/lib/queries/uptime-health-check";
import { getHealthResults } from "@/lib/queries/uptime-health-results";
import { getIncidentsSince, type IncidentRow } from "@/lib/queries/uptime-incidents";
import { getEnvInstances } from "@/lib/queries/uptime-instances";
import { envState, type EnvState } from "@/lib/uptime/env-state";
import { dayBars, UPTIME_PERIODS, uptimeRatio } from "@/lib/uptime/uptime-math";

const DAYS = 90;
const DAY = 86_400;

export interface EnvSummary extends UptimeEnvironment {
  state: EnvState;
  /** knownFrom, unless nothing watches the environment now: then it claims no uptime at all. */
  uptimeFrom: number | null;
  uptime: Record<(typeof UPTIME_PERIODS)[number]["key"], number | null>;
}

export async function loadUptime(appId: number, envName: string | null, nowMs = Date.now()) {
  const nowS = Math.floor(nowMs / 1000);
  const [envs, incidents] = await Promise.all([
    getUptimeEnvironments(appId),
    getIncidentsSince(appId, nowS - DAYS * DAY),
  ]);
  const ofEnv = (id: number) => incidents.filter((i) => i.envId === id);
  const summaries: EnvSummary[] = envs.map((e) => {
    const state = envState(e);
    const uptimeFrom = state.tone === "off" ? null : e.knownFrom;
    return {
      ...e,
      state,
      uptimeFrom,
      uptime: Object.fromEntries(
        UPTIME_PERIODS.map((p) => [p.key, uptimeRatio(ofEnv(e.id), nowS - p.seconds, nowS, uptimeFrom, nowS)]),
      ) as EnvSummary["uptime"],
    };
  });
  // Without a choice: the first environment that is down, else the first with data, else the first.
  const chosen =
    summaries.find((e) => e.name === envName) ??
    summaries.find((e) => e.state.tone === "down") ??
    summaries.find((e) => e.knownFrom !== null) ??
    summaries[0];
  if (!chosen) return { nowS, envs: summaries, env: null };
  const envIncidents: IncidentRow[] = ofEnv(chosen.id);
  const [results, check, instances] = await Promise.all([
    getHealthResults(appId, chosen.id, nowS - DAY),
    getHealthCheckSettings(appId, chosen.id),
    getEnvInstances(appId, chosen.id),
  ]);
  return {
    nowS,
    envs: summaries,
    env: {
      ...chosen,
      incidents: envIncidents,
      days: dayBars(envIncidents, nowS, chosen.uptimeFrom, DAYS),
      results,
      checkSettings: check,
      instances,
    },
  };
}

export type UptimeData = Awaited<ReturnType<typeof loadUptime>>;
export type UptimeEnvDetail = NonNullable<UptimeData["env"]>;
