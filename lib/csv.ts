// CSV (RFC 4180) from rows of plain values, for downloads from the dashboard's tables and the data API. Nested
// objects become columns named parent_child; a column holds every key any row has, in first-seen order.
export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = object;

function flatten(row: CsvRow, prefix = "", out: Record<string, CsvCell> = {}): Record<string, CsvCell> {
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}_${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = Array.isArray(v) ? v.join(".") : (v as CsvCell);
  }
  return out;
}

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // Quoted when it holds a separator, a quote or a line break; a leading = + - @ is defused for spreadsheets.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line of fixed columns, with its line break: for output written a row at a time (the streamed export). */
export const csvLine = (cells: CsvCell[]): string => cells.map(cell).join(",") + "\r\n";

export function toCsv(rows: CsvRow[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return csvLine(columns) + flat.map((r) => csvLine(columns.map((c) => r[c]))).join("");
}
