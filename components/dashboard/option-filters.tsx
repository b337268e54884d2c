"use client";

// The endpoint and the consumer-or-group filters: comboboxes over the options the filter bar loaded (the most
// recently seen, and the selected one), searching the server for the rest as you type.
import { useComboText } from "@/components/hooks/use-combo-text";
import type { FilterChanges } from "@/components/hooks/use-filters";
import { useOptionSearch } from "@/components/hooks/use-option-search";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import type { Filters } from "@/lib/filters";
import type { FilterOptions } from "@/lib/queries/filter-options";

/** Options listed at once: typing narrows them, so a longer list only slows the page. */
const SHOWN = 20;

const endpointLabel = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
const consumerLabel = (c: { identifier: string; name: string | null }) =>
  c.name ? `${c.name} (${c.identifier})` : c.identifier;
const has = (text: string) => (label: string) => label.toLowerCase().includes(text.trim().toLowerCase());

interface FilterProps {
  appId: number;
  options: FilterOptions | undefined;
  filters: Filters;
  setFilters: (changes: FilterChanges) => void;
  className?: string;
}

/** The endpoint filter's value as the URL has it (an id or a pattern), and its name. */
function selectedEndpoint(filters: Filters, options: FilterOptions | undefined): [string, string] {
  if (!filters.endpoint) return ["", ""];
  if ("text" in filters.endpoint) return [filters.endpoint.text, filters.endpoint.text];
  const id = filters.endpoint.id;
  const e = options?.endpoints.find((x) => x.id === id);
  return [String(id), e ? endpointLabel(e) : `#${id}`];
}

export function EndpointFilter({ appId, options, filters, setFilters, className }: FilterProps) {
  const [value, selected] = selectedEndpoint(filters, options);
  const field = useComboText(value, selected);
  const typed = field.typing ? field.text : "";
  const search = useOptionSearch(appId, "endpoints", typed);
  const loaded = options?.endpoints ?? [];
  const found = search.matches ?? loaded.filter((e) => has(typed)(endpointLabel(e)));
  const set = (next: string, label: string) => {
    field.picked(next, label);
    if (next !== value) setFilters({ endpoint: next });
  };
  return (
    <Combobox
      label="Endpoint"
      placeholder="Endpoint, e.g. GET /items/*"
      className={className}
      text={field.text}
      onTextChange={field.setText}
      options={found.slice(0, SHOWN).map((e) => ({ key: String(e.id), label: endpointLabel(e) }))}
      loading={search.searching}
      emptyText={
        search.failed ? "Search failed: Enter filters by the text." : "No endpoint matches: Enter filters by the text."
      }
      onPick={(o) => set(o.key, o.label)}
      onSubmitText={(text) => {
        const t = text.trim();
        if (!field.typing || t === field.shown) return field.done();
        // A typed name that is an endpoint is that endpoint; anything else is a path pattern.
        const exact = [...loaded, ...(search.matches ?? [])].find((e) => endpointLabel(e) === t);
        set(exact ? String(exact.id) : t, t);
      }}
      onClear={() => set("", "")}
      onRevert={field.done}
    />
  );
}

/** The consumer-or-group filter's value ("c:id" or "g:id") and its name. */
function selectedConsumer(filters: Filters, options: FilterOptions | undefined): [string, string] {
  if (filters.group) {
    const g = options?.groups.find((x) => x.id === filters.group);
    return [`g:${filters.group}`, g?.name ?? `#${filters.group}`];
  }
  if (!filters.consumer) return ["", ""];
  const c = options?.consumers.find((x) => x.id === filters.consumer);
  return [`c:${filters.consumer}`, c ? consumerLabel(c) : `#${filters.consumer}`];
}

/** Only a listed consumer or group filters: typed text that names none goes back to the selected one. */
export function ConsumerFilter({ appId, options, filters, setFilters, className }: FilterProps) {
  const [value, selected] = selectedConsumer(filters, options);
  const field = useComboText(value, selected);
  const typed = field.typing ? field.text : "";
  const search = useOptionSearch(appId, "consumers", typed);
  const groups = (options?.groups ?? []).filter((g) => has(typed)(g.name));
  // The loaded ones whose label matches (a typed "Name (identifier)" is no server match) and the server's matches.
  const local = (options?.consumers ?? []).filter((c) => has(typed)(consumerLabel(c)));
  const consumers = [...local, ...(search.matches ?? []).filter((m) => !local.some((c) => c.id === m.id))];
  const shown: ComboOption[] = [
    ...groups.slice(0, SHOWN).map((g) => ({ key: `g:${g.id}`, label: g.name, group: "Groups" })),
    ...consumers.slice(0, SHOWN).map((c) => ({ key: `c:${c.id}`, label: consumerLabel(c), group: "Consumers" })),
  ];
  const set = (next: string, label: string) => {
    field.picked(next, label);
    const [kind, id] = next.split(":");
    if (next !== value) setFilters({ consumer: kind === "c" ? id : null, group: kind === "g" ? id : null });
  };
  return (
    <Combobox
      label="Consumer or group"
      placeholder="All consumers"
      className={className}
      text={field.text}
      onTextChange={field.setText}
      options={shown}
      loading={search.searching}
      emptyText={search.failed ? "Search failed." : "No consumer or group matches."}
      onPick={(o) => set(o.key, o.label)}
      onSubmitText={(text) => {
        const exact = field.typing && shown.find((o) => o.label === text.trim());
        if (exact) return set(exact.key, exact.label);
        if (field.typing && !text.trim()) return set("", "");
        field.done();
      }}
      onClear={() => set("", "")}
      onRevert={field.done}
    />
  );
}
