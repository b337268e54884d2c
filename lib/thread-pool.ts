// A fixed number of worker threads running one script, for CPU-bound work that must not hold up the thread
// serving requests (password hashing). Each worker takes one job at a time; jobs wait in a FIFO queue of bounded
// length, and past it `run` refuses at once (PoolBusy) instead of letting waits grow without end under a flood.
// A worker that dies fails its job and is replaced. Threads start on the first job, and an idle pool keeps no
// process alive.
//
// The script answers each message it receives with one message: { ok: true, value } or { ok: false, error }.
import { Worker } from "node:worker_threads";

export class PoolBusy extends Error {
  // Next.js loads this module once per route bundle while one pool serves them all (lib/auth/password.ts keeps it on
  // globalThis), so a refusal thrown by one copy's class must be recognised by another copy's `instanceof`.
  static [Symbol.hasInstance](e: unknown): boolean {
    return e instanceof Error && e.name === "PoolBusy";
  }

  constructor() {
    super("every worker is busy and the queue is full");
    this.name = "PoolBusy";
  }
}

export interface ThreadPoolOptions {
  /** Absolute path of the worker script. */
  file: string;
  size: number;
  /** Jobs that may wait for a worker; 0 runs only as many as there are workers. */
  queueLimit: number;
}

interface Job {
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export interface ThreadPool<I, O> {
  run(input: I): Promise<O>;
  /** Jobs running and waiting, for figures and tests. */
  load(): { running: number; queued: number };
  /** `run` would refuse a job now: lets a caller refuse work before it spends anything preparing the job. */
  full(): boolean;
  close(): Promise<void>;
}

export function threadPool<I, O>({ file, size, queueLimit }: ThreadPoolOptions): ThreadPool<I, O> {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function start(): Slot {
    const slot: Slot = { worker: new Worker(file), job: null };
    slot.worker.unref();
    slot.worker.on("message", (m: { ok: boolean; value?: unknown; error?: string }) => {
      const job = slot.job;
      slot.job = null;
      slot.worker.unref();
      if (m.ok) job?.resolve(m.value);
      else job?.reject(new Error(m.error ?? "the worker failed"));
      pump();
    });
    // An uncaught error in the worker ends it: 'error' comes first, then 'exit'.
    slot.worker.on("error", (e) => finishWith(slot, e));
    slot.worker.on("exit", (code) => {
      finishWith(slot, new Error(`the worker exited (code ${code})`));
      const i = slots.indexOf(slot);
      if (i >= 0 && !closed) slots[i] = start();
      pump();
    });
    return slot;
  }

  function finishWith(slot: Slot, error: Error) {
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
  }

  function pump() {
    if (closed) return;
    while (slots.length < size && queue.length) slots.push(start());
    for (const slot of slots) {
      if (slot.job || !queue.length) continue;
      slot.job = queue.shift()!;
      slot.worker.ref();
      slot.worker.postMessage(slot.job.input);
    }
  }

  function full() {
    const idle = slots.some((s) => !s.job) || slots.length < size;
    return !idle && queue.length >= queueLimit;
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new Error("the pool is closed"));
      if (full()) return Promise.reject(new PoolBusy());
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    load: () => ({ running: slots.filter((s) => s.job).length, queued: queue.length }),
    full,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the pool is closed"));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
