// At most `max` ingest requests are worked on at once in this process; a few more may wait a
// short while for a slot, in arrival order. Whoever finds the queue full, or waits too long, is
// refused (the caller answers 503 with Retry-After), so a flood costs memory for `max + queue`
// bodies, not for every connection.

export interface ConcurrencyLimit {
  /** Requests worked on at once. */
  max: number;
  /** Requests that may wait for a slot. */
  queue: number;
  /** How long one may wait, in milliseconds. */
  waitMs: number;
}

/** Frees the slot; calling it twice frees it once. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limit: ConcurrencyLimit) {}

  /** A slot (its release), or null when the queue is full or the wait ran out. */
  acquire(): Promise<Release | null> {
    if (this.active < this.limit.max) return Promise.resolve(this.slot());
    if (this.waiting.length >= this.limit.queue) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          resolve(null);
        }, this.limit.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Requests holding a slot and requests waiting for one. */
  get load() {
    return { active: this.active, waiting: this.waiting.length };
  }

  private slot(): Release {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant(this.slot());
      }
    };
  }
}
