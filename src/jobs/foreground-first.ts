/**
 * Foreground first: requests someone is waiting on go before recaps in the background.
 *
 * Slack wants an event acknowledged within 3 s and retries it otherwise
 * (https://docs.slack.dev/apis/events-api/#responding); AssemblyAI gives a webhook 10 s. A recap can start a few
 * seconds later without anyone noticing. Node has one event loop and no priorities, so during a burst every job
 * started at once (its lease, its "queued" post, its provider calls) stretched every loop turn the acknowledgements
 * also needed: LD-1 (`npm run bench:load`) measured p99 329 ms with one work slot, against 117 ms with the jobs held
 * back.
 *
 * So the server marks each request in flight, and a job waits for its turn before it starts: at once while no
 * request is in flight; during a burst one job every {@link BACKGROUND_INTERVAL_MS} (so work never starves, and a
 * steady 50 requests a second never builds a backlog); after the burst the rest, a few per loop turn, so a request
 * arriving meanwhile is not stuck behind all of them. A job waiting here is stored and in the pending index; a stop
 * leaves it for the next start.
 */

/** During a burst, one background start per this many ms (50 a second). */
export const BACKGROUND_INTERVAL_MS = 20;
/** Once requests stop, background starts released per event-loop turn. */
const RELEASE_PER_TURN = 8;

export interface ForegroundGate {
  /** A request someone waits on has arrived; call the returned function once it is answered (once). */
  enter(): () => void;
  /** Runs `work` as a request in flight: entered now, left when it settles. */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when background work may start: see the module comment. */
  turn(): Promise<void>;
  /** Background starts waiting now. */
  readonly waiting: number;
}

export function foregroundFirst(options: { intervalMs?: number; now?: () => number } = {}): ForegroundGate {
  const intervalMs = options.intervalMs ?? BACKGROUND_INTERVAL_MS;
  const now = options.now ?? (() => performance.now());
  const queue: (() => void)[] = [];
  let inFlight = 0;
  let lastReleaseAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let turnScheduled = false;

  const schedule = () => {
    if (queue.length === 0) return;
    if (inFlight === 0) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!turnScheduled) {
        turnScheduled = true;
        setImmediate(pump);
      }
      return;
    }
    if (!timer) {
      timer = setTimeout(pump, Math.max(0, lastReleaseAt + intervalMs - now()));
      timer.unref();
    }
  };

  function pump() {
    turnScheduled = false;
    timer = undefined;
    const release = inFlight === 0 ? RELEASE_PER_TURN : now() - lastReleaseAt >= intervalMs ? 1 : 0;
    for (let i = 0; i < release && queue.length > 0; i++) {
      queue.shift()!();
      lastReleaseAt = now();
    }
    schedule();
  }

  const enter = () => {
    inFlight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      inFlight--;
      schedule();
    };
  };

  return {
    enter,
    async during(work) {
      const leave = enter();
      try {
        return await work();
      } finally {
        leave();
      }
    },
    turn() {
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        queue.push(resolve);
        schedule();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
