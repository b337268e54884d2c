// lib/thread-pool.ts with real worker threads (tests/fixtures/workers/test-worker.mjs).
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PoolBusy, threadPool, type ThreadPool } from "@/lib/thread-pool";

type Job = { echo?: unknown; ms?: number; fail?: string; crash?: boolean };
const file = path.resolve("tests/fixtures/workers/test-worker.mjs");
let pool: ThreadPool<Job, unknown>;
const open = (size: number, queueLimit: number) => (pool = threadPool<Job, unknown>({ file, size, queueLimit }));

afterEach(() => pool?.close());

describe("thread pool", () => {
  it("runs jobs on the workers and answers each with its own result", async () => {
    open(2, 10);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ echo: n * 10 })))).toEqual([10, 20, 30, 40, 50]);
  });

  it("runs at most `size` jobs at once and starts the waiting ones in the order they came", async () => {
    open(1, 10);
    const finished: number[] = [];
    const jobs = [0, 1, 2, 3].map((n) => pool.run({ echo: n, ms: n === 0 ? 50 : 0 }).then(() => finished.push(n)));
    expect(pool.load()).toEqual({ running: 1, queued: 3 });
    await Promise.all(jobs);
    // The first job is the slowest; with one worker, nothing overtakes it.
    expect(finished).toEqual([0, 1, 2, 3]);
  });

  it("refuses at once when every worker is busy and the queue is full, and takes jobs again afterwards", async () => {
    open(1, 2);
    const accepted = [pool.run({ echo: "a", ms: 50 }), pool.run({ echo: "b" }), pool.run({ echo: "c" })];
    await expect(pool.run({ echo: "d" })).rejects.toBeInstanceOf(PoolBusy);
    expect(await Promise.all(accepted)).toEqual(["a", "b", "c"]);
    expect(await pool.run({ echo: "e" })).toBe("e");
  });

  it("with no queue, runs only as many jobs as there are workers", async () => {
    open(2, 0);
    const running = [pool.run({ echo: 1, ms: 30 }), pool.run({ echo: 2, ms: 30 })];
    await expect(pool.run({ echo: 3 })).rejects.toBeInstanceOf(PoolBusy);
    expect(await Promise.all(running)).toEqual([1, 2]);
  });

  it("says it is full exactly when run would refuse, so callers can refuse before preparing a job", async () => {
    open(1, 1);
    expect(pool.full()).toBe(false);
    const running = pool.run({ echo: "a", ms: 50 });
    expect(pool.full()).toBe(false); // the queue still has room
    const waiting = pool.run({ echo: "b" });
    expect(pool.full()).toBe(true);
    await expect(pool.run({ echo: "c" })).rejects.toBeInstanceOf(PoolBusy);
    expect(await Promise.all([running, waiting])).toEqual(["a", "b"]);
    expect(pool.full()).toBe(false);
  });

  it("knows a refusal thrown by another copy of the module (one per Next.js route bundle) as PoolBusy", async () => {
    vi.resetModules();
    const other = await import("@/lib/thread-pool");
    expect(other.PoolBusy).not.toBe(PoolBusy);
    expect(new other.PoolBusy()).toBeInstanceOf(PoolBusy);
    expect(new Error("something else")).not.toBeInstanceOf(PoolBusy);
  });

  it("passes on a job's error without losing the worker", async () => {
    open(1, 5);
    await expect(pool.run({ fail: "no such thing" })).rejects.toThrow("no such thing");
    expect(await pool.run({ echo: "still here" })).toBe("still here");
  });

  it("fails the job of a worker that dies, replaces the worker and runs the queued jobs on it", async () => {
    open(1, 5);
    const crashed = pool.run({ crash: true, ms: 10 });
    const queued = pool.run({ echo: "after the crash" });
    await expect(crashed).rejects.toThrow("crashed on purpose");
    expect(await queued).toBe("after the crash");
    expect(await pool.run({ echo: "and later" })).toBe("and later");
  });
});
