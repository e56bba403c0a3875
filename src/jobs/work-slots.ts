/**
 * A bound on how many jobs do their own work at once (starting provider jobs, reading results, the local analysis)
 * in one process. Without it a burst of requests starts every recap at the same moment, and the acknowledgements
 * Slack and Discord wait for queue behind all that work on the one event loop (bench:load LD-1 found p99 > 1 s).
 * Waiting on a provider and posting do not hold a slot: a job sleeping for an hour must not keep others out.
 */
export interface WorkSlots {
  /** Resolves when a slot is this caller's; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
}

export function workSlots(size: number): WorkSlots {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  return {
    acquire(signal) {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const take = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          const at = waiting.indexOf(take);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal!.reason);
        };
        if (signal?.aborted) return abort();
        signal?.addEventListener('abort', abort, { once: true });
        waiting.push(take);
      });
    },
    release() {
      const next = waiting.shift();
      // The slot passes straight to the next waiter; only when nobody waits is it free again.
      if (next) next();
      else free++;
    },
  };
}
