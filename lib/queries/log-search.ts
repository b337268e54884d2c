// "Body contains" and "URL contains" for the Requests list: the SQL that narrows them to candidates through a
// trigram index, the one place where it differs by database.
//   SQLite      the FTS5 table "RequestLogSearch" (trigram tokenizer, case-insensitive, external content: the index
//               only, kept by triggers on "RequestLog"): `col LIKE ?` on it is answered from the trigrams. It
//               points at logs by rowid, which a manual VACUUM may renumber ("RequestLog" has no INTEGER PRIMARY
//               KEY); after one, INSERT INTO "RequestLogSearch" ("RequestLogSearch") VALUES ('rebuild').
//   PostgreSQL  GIN trigram indexes (pg_trgm) answer LIKE on the columns themselves.
// Patterns without 3 literal characters in a row have no trigram: both then scan, still correct.
// Bodies are kept base64 as sent; a needle has one base64 fragment per alignment (base64Fragments), and candidates
// are the logs whose stored body holds one of them. Another alignment's fragment can occur by chance and SQLite's
// index ignores case, so callers confirm each candidate (bodyContains).
import { sql } from "@/lib/db";
import { base64Fragments } from "@/lib/requests/body";
import type { Clause } from "./where";

const TRIGRAM = 3;

export type BodyColumn = "requestBody" | "responseBody";

const fts = (where: string, params: string[]): Clause => ({
  text: `"RequestLog".rowid IN (SELECT rowid FROM "RequestLogSearch" WHERE ${where})`,
  params,
});

/** `indexed: false` gives the plain scan's clause, for reading a bounded number of newest logs (request-list.ts). */
export function bodyCandidates(column: BodyColumn, needle: string | null, indexed = true): Clause | null {
  if (!needle) return null;
  const fragments = base64Fragments(needle);
  // Base64 has no % or _: the fragments need no escaping.
  const params = fragments.map((f) => `%${f}%`);
  const like = (c: string) => fragments.map(() => `${c} LIKE ?`).join(" OR ");
  // Under 3 characters the FTS5 table would read every log's text: the newest logs, read in order, match sooner.
  if (indexed && sql().kind === "sqlite" && fragments.every((f) => f.length >= TRIGRAM))
    return fts(like(`"${column}"`), params);
  return { text: like(`"RequestLog"."${column}"`), params };
}

/**
 * Logs whose URL may match `pattern` (a likePattern: % and _ escaped, * turned into %), for the exact
 * `LOWER(url) LIKE LOWER(?)` beside it. SQLite's FTS5 LIKE takes no ESCAPE: there the escaped characters stay
 * wildcards, so it finds more, never fewer. PostgreSQL needs nothing more: its index answers the exact clause.
 */
export function urlCandidates(pattern: string): Clause | null {
  const loose = pattern.replace(/\\([\\%_])/g, "$1");
  if (sql().kind !== "sqlite" || !new RegExp(`[^%_]{${TRIGRAM}}`).test(loose)) return null;
  return fts(`"url" LIKE ?`, [loose]);
}
