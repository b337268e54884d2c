/** Epoch seconds, the unit of every ingest time column. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const epochMinute = (epochSeconds: number) => Math.floor(epochSeconds / 60);

/** A DateTime column value in the form Prisma itself writes (readable by Prisma on both databases). */
export const dbTimestamp = (d = new Date()) => d.toISOString().replace("Z", "+00:00");
