// Aggregate expressions shared by the read models, so "error" and "consumer" mean one thing everywhere.
export const ERRORS_SUM = (t: string) =>
  `SUM(CASE WHEN "${t}"."statusCode" >= 400 THEN "${t}"."requestCount" ELSE 0 END)`;
export const CONSUMERS_COUNT = (col: string) => `COUNT(DISTINCT CASE WHEN ${col} <> 0 THEN ${col} END)`;

/** Hidden consumers stay out of lists until they send requests after being hidden. */
export const VISIBLE_CONSUMER = `(NOT "Consumer"."hidden"
  OR "Consumer"."lastSeen" > COALESCE("Consumer"."hiddenAt", 0))`;
