// Table columns that several tables show the same way: a count, and when something last happened.
import { formatCount } from "@/lib/format";
import type { Column } from "./data-table";
import { TimeAgo } from "./time-ago";

/** A right-aligned, sortable count. */
export function countColumn<R>(
  key: string,
  header: string,
  value: (row: R) => number,
  opts: Partial<Column<R>> = {},
): Column<R> {
  return { key, header, align: "right", sort: value, cell: (row) => formatCount(value(row)), ...opts };
}

/** How many consumers it concerned (hidden on phones). */
export const consumersColumn = <R extends { consumers: number }>(): Column<R> =>
  countColumn("consumers", "Consumers", (r) => r.consumers, { hideOnPhone: true });

/** When it last occurred, as "3 min ago" (hidden on phones). */
export const lastSeenColumn = <R extends { lastSeen: number }>(): Column<R> => ({
  key: "lastSeen",
  header: "Last seen",
  align: "right",
  hideOnPhone: true,
  sort: (r) => r.lastSeen,
  cell: (r) => <TimeAgo t={r.lastSeen} />,
});
