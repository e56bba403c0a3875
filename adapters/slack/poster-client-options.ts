/**
 * The `@slack/web-api` WebClient options Recap uses (pass them as Bolt's `clientOptions`, or to `new WebClient`).
 * What `@slack/web-api` 8 does with them, and why they are set so:
 *
 * - HTTP 429: with `rejectRateLimitedCalls: false` the client pauses its whole request queue (every channel, every
 *   method of that client) for `Retry-After` seconds, then retries through `retryConfig` (so the retry comes at
 *   Retry-After plus one backoff step). A 429 never posted anything, so the retry posts once (SO-1). With
 *   `rejectRateLimitedCalls: true` it throws `slack_webapi_rate_limited_error` instead; the poster then waits and
 *   retries in that channel's queue itself.
 * - HTTP 5xx (`slack_webapi_http_error`) and network errors (`slack_webapi_request_error`) are retried by p-retry
 *   with `retryConfig`: exponential backoff, `randomize` multiplying each wait by 1–2 (jitter) (SO-6). `ok:false`
 *   answers (HTTP 200) are never retried: they reach the caller as `slack_webapi_platform_error`.
 * - files.uploadV2 runs getUploadURLExternal → POST of the bytes → completeUploadExternal; each step is its own
 *   request with its own retries, so a failure at step 2 or 3 repeats only that step (SO-8).
 * - A retried network error is a duplicate when Slack had already taken the post (SO-7). {@link outcomeAwareFetch}
 *   turns such errors on chat.postMessage / chat.postEphemeral into an `ok:false` answer with
 *   {@link OUTCOME_UNKNOWN}, which the client does not retry; the poster re-posts once, so one dropped answer costs at
 *   most one duplicate. Errors raised before the request left (connection refused, DNS) are still retried here.
 * - `timeout` bounds each request (the client has none by default); `allowAbsoluteUrls: false` keeps a method name
 *   from ever sending the bot token to another host; the logger goes through Recap's scrubbing logger.
 *
 * A caller that builds its own WebClient must set at least: `retryConfig` with `retries` ≥ 1 (5xx and step retries),
 * `rejectRateLimitedCalls` as it prefers (both work with the poster), and a `timeout`.
 */
import type { FetchFunction, RetryOptions, WebClientOptions } from '@slack/web-api';
import { createLogger, type Logger } from '../../src/log.ts';
import { boltLogger } from './bolt-logger.ts';

/** The `error` of the synthetic `ok:false` answer for a post whose outcome is unknown. */
export const OUTCOME_UNKNOWN = 'recap_outcome_unknown';

/** Methods that must not be retried blindly: a second call makes a second message. */
const NOT_IDEMPOTENT = new Set(['chat.postMessage', 'chat.postEphemeral']);

/** Errors that mean the request never reached Slack, so retrying cannot duplicate anything. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Recap's retry policy: 5 retries, 1 s doubling to at most 30 s, each wait × 1–2 at random. */
export const RECAP_RETRY_CONFIG: RetryOptions = { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 30_000, randomize: true };
export const RECAP_TIMEOUT_MS = 30_000;

export interface SlackClientOverrides {
  /** Where the WebClient's own log lines go (Bolt replaces this with its logger when given `clientOptions`). */
  log?: Logger;
  /** Merged over {@link RECAP_RETRY_CONFIG} (tests shorten the waits). */
  retryConfig?: RetryOptions;
  timeoutMs?: number;
  /** The fetch to wrap (default: the global fetch). */
  fetch?: FetchFunction;
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

function methodOf(url: string | URL): string {
  const path = new URL(String(url)).pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Wraps fetch so that a transport error on a non-idempotent method, after the request may have reached Slack,
 * becomes `{ok:false, error: OUTCOME_UNKNOWN}` instead of an error the WebClient would retry on its own.
 */
export function outcomeAwareFetch(base: FetchFunction): FetchFunction {
  return async (url, init) => {
    try {
      return await base(url, init);
    } catch (error) {
      if (!NOT_IDEMPOTENT.has(methodOf(url)) || errorCodes(error).some((code) => NEVER_SENT.has(code))) throw error;
      const detail = error instanceof Error ? error.name : 'error';
      return new Response(JSON.stringify({ ok: false, error: OUTCOME_UNKNOWN, detail }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
  };
}

/** The WebClient options Recap uses; a fresh object each call (Bolt writes its logger into the one it is given). */
export function slackClientOptions(apiUrl?: string, overrides: SlackClientOverrides = {}): WebClientOptions {
  const base = overrides.fetch ?? ((url, init) => fetch(url, init));
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { ...RECAP_RETRY_CONFIG, ...overrides.retryConfig },
    rejectRateLimitedCalls: false,
    timeout: overrides.timeoutMs ?? RECAP_TIMEOUT_MS,
    allowAbsoluteUrls: false,
    fetch: outcomeAwareFetch(base),
    logger: boltLogger(overrides.log ?? createLogger({ level: 'warn' })),
  };
}
