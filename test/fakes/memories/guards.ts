/**
 * What the Memories.ai fake checks before any route, each answering in the envelope at HTTP 200 as the real API
 * does: the key (`0401`), "busy" on demand (`0429`), its own rate limit per key (`0429`, about 1 request/s as
 * providers.md says) and the account's credits (`0402`).
 */
import type { MiddlewareHandler } from 'hono';

/** The envelope of a failed answer. */
export function failure(code: string, msg: string) {
  return { code, msg, data: null, success: false, failed: true };
}

/** The envelope of a successful answer. */
export function success(data: unknown) {
  return { code: '0000', msg: 'success', data, success: true, failed: false };
}

export interface FakeRateLimit {
  perSecond: number;
  burst: number;
}

export interface GuardState {
  apiKey: string;
  /** Answers 0429 to this many more requests. */
  busyLeft: number;
  /** `false` answers 0402 to everything. */
  credits: boolean;
  rate: FakeRateLimit | false;
  /** Requests the fake's own rate limit refused. */
  limited: number;
}

// A request reaches the server a little later than the client sent it, and not always by the same amount (the first
// one also opens the connection): without slack, a client keeping the budget exactly could still be refused.
const ARRIVAL_SLACK_TOKENS = 0.2;

export function createGuards(state: GuardState, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const overLimit = (key: string): boolean => {
    const limit = state.rate;
    if (limit === false) return false;
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * limit.perSecond);
    bucket.at = at;
    buckets.set(key, bucket);
    if (bucket.tokens < 1 - ARRIVAL_SLACK_TOKENS) return true;
    bucket.tokens -= 1;
    return false;
  };

  return async (c, next) => {
    const key = c.req.header('authorization');
    // Memories.ai takes the bare key; "Bearer <key>" is as wrong as a wrong key.
    if (key !== state.apiKey) return c.json(failure('0401', 'Unauthorized: invalid API key'));
    if (state.busyLeft > 0) {
      state.busyLeft -= 1;
      return c.json(failure('0429', 'Server busy, please try again later'));
    }
    if (overLimit(key)) {
      state.limited += 1;
      return c.json(failure('0429', 'Request too frequent: at most 1 request per second'));
    }
    if (!state.credits) return c.json(failure('0402', 'Insufficient credits'));
    return next();
  };
}
