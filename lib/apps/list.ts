import { prisma } from "@/lib/db";
import { getAppStatus } from "@/lib/queries/app-status";
import { liveness, timeAgo } from "./liveness";

/** A team's apps, newest first, each with its environments and how fresh its data is. */
export async function listAppsOfTeam(teamId: string) {
  const apps = await prisma().app.findMany({
    where: { teamId },
    include: { environments: { orderBy: { id: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
  const statuses = await Promise.all(apps.map((a) => getAppStatus(a.id)));
  const now = Date.now();
  return apps.map((app, i) => {
    const lastSyncAt = statuses[i].lastSyncAt;
    return {
      ...app,
      liveness: liveness(lastSyncAt, now),
      lastSyncAgo: lastSyncAt === null ? null : timeAgo(lastSyncAt, now),
    };
  });
}
