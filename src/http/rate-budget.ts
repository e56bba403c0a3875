/**
 * Token buckets that pace requests per credential. Providers count requests per API key, not per client object,
 * so every client configured with the same `rateKey` draws from one bucket in this process; staying under the
 * provider's limit is cheaper than being told 429 and backing off.
 */
import type { RateBudget } from './http-client-types.ts';
import { sleepUnlessAborted, type SleepFunction } from './sleep.ts';

/**
 * A token bucket holding up to `burst` tokens that refill at `perSecond`. Tokens may go negative: each caller
 * reserves its token at once and then sleeps until its share has refilled, so waiters are served in arrival
 * order and concurrent callers never all wake up to race for the same token.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly perMs: number;
  private readonly burst: number;

  constructor(budget: RateBudget, now: number) {
    // A budget of zero or less would make every call wait forever; treat it as a (very slow) trickle instead.
    this.perMs = Math.max(budget.perSecond, 1e-6) / 1000;
    this.burst = Math.max(1, budget.burst);
    this.tokens = this.burst;
    this.updatedAt = now;
  }

  /**
   * Reserves one token and says how long to wait before using it (0 when one was available).
   * Pair with {@link TokenBucket.refund} when the wait is abandoned.
   */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.perMs);
  }

  /** Gives back a reserved token that was never used (its caller aborted while waiting). */
  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  private refill(now: number): void {
    // A clock that goes backwards (injected in tests, or adjusted) must not mint or destroy tokens.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perMs);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

const buckets = new Map<string, TokenBucket>();

/**
 * The process-wide bucket for `key`. The first client to ask sets its size; later clients with the same key share
 * it as is, since one credential has one limit however many clients use it.
 */
export function bucketFor(key: string, budget: RateBudget, now: number): TokenBucket {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(budget, now);
    buckets.set(key, bucket);
  }
  return bucket;
}

/** How a client waits for its token; injected time makes pacing testable without real waiting. */
export interface TokenWait {
  now: () => number;
  sleep: SleepFunction;
  signal?: AbortSignal;
}

/**
 * Waits until `bucket` grants a token. Returns the time waited (ms), for tests and logs.
 *
 * @throws the signal's reason when the caller aborts while waiting; the reserved token is returned then.
 */
export async function takeToken(bucket: TokenBucket, wait: TokenWait): Promise<number> {
  wait.signal?.throwIfAborted();
  const ms = bucket.reserve(wait.now());
  if (ms === 0) return 0;
  try {
    await sleepUnlessAborted(wait.sleep, ms, wait.signal);
  } catch (error) {
    bucket.refund(wait.now());
    throw error;
  }
  return ms;
}
