// Runs an async step over a list with at most `limit` steps in flight: the monitor's parts send, probe and measure
// side by side without opening one connection or socket per item at once.
export async function eachLimited<T>(items: readonly T[], limit: number, step: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await step(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
