// The largest values the stored columns hold. Counts and ids are 32-bit integers in
// PostgreSQL, byte sums 64-bit (read back as doubles, so capped at 2^53 - 1), and instance
// and consumer times 32-bit epoch seconds (until 2038). Ingest refuses numbers beyond them;
// the store and retention hold sums at them instead of overflowing.

export const INT32_MAX = 2_147_483_647;
export const COUNT_MAX = INT32_MAX;
export const BYTES_MAX = Number.MAX_SAFE_INTEGER;
export const TIMESTAMP_MAX = INT32_MAX;
