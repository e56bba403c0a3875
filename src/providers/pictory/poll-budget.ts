import { realSleep } from '../../http/sleep.ts';
/**
 * A rate budget per Pictory job: at most one status read per `minIntervalMs` for the same job id. Pictory asks
 * clients to poll every 10–30 s and rate-limits faster polling; the router's pacing already aims for that, but its
 * ±20 % jitter can dip to 8 s, and a callback hint can ask for a read right after a poll. The budget makes the
 * 10 s floor a guarantee instead of an average.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/jobs/get-transcription-job-by-id ("Use a polling interval
 * of 10–30 seconds … Polling too frequently may result in rate limiting").
 */

/** Default floor between two reads of one job: Pictory's documented minimum. */
export const DEFAULT_JOB_POLL_INTERVAL_MS = 10_000;

/** Tuning of {@link createPollBudget}. */
export interface PollBudgetOptions {
  /** Minimum time between two reads of the same job. Default 10 s; tests pass a few ms. */
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Per-job read pacing, shared by every read of one Pictory credential's client. */
export interface PollBudget {
  /** Waits until the job may be read again, then books the read. */
  take(jobId: string, signal?: AbortSignal): Promise<void>;
  /** How long until the job may be read again (0 = now). */
  waitMs(jobId: string): number;
}


/** Makes a per-job poll budget (Pictory: polls 10–30 s apart, https://docs.pictory.ai/api-reference/jobs/get-transcription-job-by-id). */
export function createPollBudget(options: PollBudgetOptions = {}): PollBudget {
  const interval = options.minIntervalMs ?? DEFAULT_JOB_POLL_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  /** Job id → earliest time of its next read. Entries in the past are dropped, so the map stays small. */
  const nextAt = new Map<string, number>();

  const prune = (t: number) => {
    for (const [id, at] of nextAt) if (at <= t) nextAt.delete(id);
  };
  const waitMs = (jobId: string) => Math.max(0, (nextAt.get(jobId) ?? 0) - now());

  return {
    waitMs,
    async take(jobId, signal) {
      if (interval <= 0) return;
      // Book the slot before sleeping, so two concurrent reads of one job queue up instead of both waking at once.
      const t = now();
      prune(t);
      const slot = Math.max(t, nextAt.get(jobId) ?? 0);
      nextAt.set(jobId, slot + interval);
      if (slot > t) await sleep(slot - t, signal);
    },
  };
}
