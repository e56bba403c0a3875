/**
 * When the provider client may send a request again, and how long it waits first. Kept apart from the client so
 * the rules (which methods are safe, which answers are worth another try, full jitter, Retry-After) can be read
 * and tested on their own.
 */
import type { RequestOptions, RetryPolicy } from './http-client-types.ts';

/** {@link RetryPolicy} with every default filled in. */
export interface ResolvedRetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults documented on {@link RetryPolicy}. */
export const RETRY_DEFAULTS: ResolvedRetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Fills in defaults and clamps nonsense (zero or negative attempts still make one try). */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  return {
    attempts: Math.max(1, Math.floor(policy.attempts ?? RETRY_DEFAULTS.attempts)),
    baseDelayMs: Math.max(0, policy.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs),
    maxDelayMs: Math.max(0, policy.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs),
  };
}

// Methods whose repetition has the same effect as one request (RFC 9110 §9.2.2); POST and PATCH may create or
// change something twice, so they are retried only when the caller vouches for them.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Whether a request may be sent more than once. A streamed (AsyncIterable) body never may: it was consumed by
 * the first attempt and cannot be replayed, whatever `idempotent` says.
 */
export function mayRetry(method: string, options: Pick<RequestOptions, 'idempotent' | 'body'>): boolean {
  if (isStreamBody(options.body)) return false;
  return options.idempotent ?? IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** True for the AsyncIterable form of {@link RequestOptions.body}. */
export function isStreamBody(body: RequestOptions['body']): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/**
 * HTTP statuses that say "not now" rather than "no": request timeout, too early, too many requests, and the
 * server-side failures a later try can get past (500, 502, 503, 504, and the other 5xx such as a CDN's 520–524).
 * 501 and 505 are left out: they will not change on their own.
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 425 || status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * Statuses that say something about the provider's health, for the circuit breaker: server errors, rate limits
 * and timeouts. A 404 or 401 is the caller's problem and says the provider is up.
 */
export function isUnhealthyStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Full-jitter backoff (AWS architecture blog, "Exponential Backoff and Jitter"): a uniformly random wait in
 * [0, min(maxDelayMs, baseDelayMs·2^attempt)). Spreading retries over the whole window keeps many clients that
 * failed together from coming back together.
 *
 * @param attempt 0-based index of the attempt that just failed.
 * @param random a source of [0, 1) numbers; injected by tests.
 */
export function backoffDelay(attempt: number, policy: ResolvedRetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a Retry-After header (delay-seconds or an HTTP date, RFC 9110 §10.2.3) as milliseconds from `now`.
 * A date in the past means "now" (0). Unparseable values are ignored (undefined) rather than trusted.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** What to do after a retryable failure. */
export type RetryDecision =
  /** Wait this long, then try again. */
  | { kind: 'wait'; ms: number }
  /** Stop: no tries left, or the server asked for a longer pause than `maxDelayMs` allows. */
  | { kind: 'stop'; reason: 'exhausted' | 'retry-after-too-long' };

/**
 * Decides whether and how long to wait after attempt `attempt` failed with a retryable error. Retry-After is a
 * floor under the jittered wait (the server knows when it will be ready); a floor above `maxDelayMs` ends the
 * call instead, so a bot reply is not held hostage by a server asking for ten minutes.
 */
export function decideRetry(attempt: number, policy: ResolvedRetryPolicy, random: () => number, retryAfterMs?: number): RetryDecision {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) return { kind: 'stop', reason: 'retry-after-too-long' };
  if (attempt + 1 >= policy.attempts) return { kind: 'stop', reason: 'exhausted' };
  const jittered = backoffDelay(attempt, policy, random);
  return { kind: 'wait', ms: Math.max(jittered, retryAfterMs ?? 0) };
}
