// What the rule form offers: the app's environments, consumers, groups, endpoints and notification channels.
import { prisma } from "@/lib/db";
import { listChannelOptions } from "./alert-channels";
import { getFilterOptions, type FilterOptions, type SelectedOptions } from "./filter-options";

export interface AlertRuleOptions extends Pick<FilterOptions, "consumers" | "groups" | "endpoints"> {
  envs: { id: number; name: string }[];
  channels: { id: string; name: string; kind: string }[];
}

/** `selected`: the edited rule's consumer and endpoint, offered (by name) even past the options' limits. */
export async function getAlertRuleOptions(appId: number, selected?: SelectedOptions): Promise<AlertRuleOptions> {
  const [filters, envs, channels] = await Promise.all([
    getFilterOptions(appId, selected),
    prisma().environment.findMany({ where: { appId }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    listChannelOptions(appId),
  ]);
  return { consumers: filters.consumers, groups: filters.groups, endpoints: filters.endpoints, envs, channels };
}
