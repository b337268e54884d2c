// What to undo when the run is interrupted (Ctrl-C): servers started detached do not get
// the terminal's SIGINT, and scratch PostgreSQL databases would stay behind.
type Task = () => Promise<unknown>;

const tasks = new Set<Task>();

/** Registers an undo step; call the returned function once it has been done normally. */
export function onInterrupt(task: Task): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export function installInterruptHandler() {
  let stopping = false;
  const handler = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping servers and dropping scratch databases…\n`);
    await Promise.allSettled([...tasks].map((t) => t()));
    process.exit(130);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
