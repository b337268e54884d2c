// What the setup page shows once data arrives: the app's most recently seen client
// instances, with the client and the versions each reported at startup.
import { prisma } from "@/lib/db";
import { getAppStatus } from "@/lib/queries/app-status";
import { parseVersions } from "./versions";

export interface InstanceSummary {
  uuid: string;
  env: string;
  client: string | null;
  versions: Record<string, string>;
  lastSyncAt: number | null;
}

export interface SetupStatus {
  lastSyncAt: number | null;
  instances: InstanceSummary[];
}

const MAX_INSTANCES = 10;

export async function getSetupStatus(appId: number): Promise<SetupStatus> {
  const [status, instances, envs] = await Promise.all([
    getAppStatus(appId),
    prisma().instance.findMany({
      where: { appId },
      orderBy: { lastSyncAt: { sort: "desc", nulls: "last" } },
      take: MAX_INSTANCES,
    }),
    prisma().environment.findMany({ where: { appId }, select: { id: true, name: true } }),
  ]);
  const envName = new Map(envs.map((e) => [e.id, e.name]));
  return {
    lastSyncAt: status.lastSyncAt,
    instances: instances.map((i) => ({
      uuid: i.uuid,
      env: envName.get(i.envId) ?? "?",
      client: i.client,
      versions: parseVersions(i.versions),
      lastSyncAt: i.lastSyncAt,
    })),
  };
}
