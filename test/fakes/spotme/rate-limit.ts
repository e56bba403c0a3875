/**
 * The SpotMe fake's own rate limit: a token bucket per bearer token (3 requests/s, bursts of 5, as providers.md
 * says), answering 429 with Retry-After when it runs dry. A client that paces itself with the same budget must
 * never see one.
 */
import type { MiddlewareHandler } from 'hono';

export interface FakeRateLimit {
  perSecond: number;
  burst: number;
}

export interface RateLimiter {
  middleware: MiddlewareHandler;
  /** Requests answered 429 so far. */
  readonly limited: number;
}

// A request reaches the server a little later than the client sent it, and not always by the same amount (the
// first one also opens the connection). Without this slack a client that keeps the budget exactly could still be
// refused now and then; real limiters count in windows and are no stricter than this.
const ARRIVAL_SLACK_TOKENS = 0.2;

export function createRateLimiter(limit: FakeRateLimit | false, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let limited = 0;
  const middleware: MiddlewareHandler = async (c, next) => {
    if (limit === false) return next();
    const key = c.req.header('authorization') ?? 'anonymous';
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * limit.perSecond);
    bucket.at = at;
    buckets.set(key, bucket);
    if (bucket.tokens < 1 - ARRIVAL_SLACK_TOKENS) {
      limited += 1;
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      c.header('retry-after', String(waitSeconds));
      return c.json({ error: 'rate_limited', message: `Too many requests: at most ${limit.perSecond} per second` }, 429);
    }
    bucket.tokens -= 1;
    return next();
  };
  return {
    middleware,
    get limited() {
      return limited;
    },
  };
}
