// Runs once when the Next.js server starts: bring the database schema up to date before
// the first request (the hub must never answer 5xx because a table is missing).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}
