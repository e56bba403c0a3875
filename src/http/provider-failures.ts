/**
 * The ProviderErrors the provider client throws, one builder per way a call can fail. Messages are written for
 * the person in the chat ("AssemblyAI is busy right now"); the provider's own code and message ride along in
 * `providerCode`/`providerMessage` for operators. Every string is scrubbed of credentials before it is stored.
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorCode } from '../errors.ts';
import type { ProviderErrorInfo } from './http-client-types.ts';
import { ProviderError } from './provider-error.ts';
import { credentialVariable, providerDisplayName } from './provider-names.ts';
import type { Scrubber } from './secret-scrubber.ts';

/** What every error of one request shares. `url` is already origin + path only. */
export interface FailureContext {
  provider: string;
  method: string;
  url: string;
  scrub: Scrubber;
  /** Overrides the derived credential variable named in 401/403 hints. */
  credentialVariable?: string;
}

const TRY_LATER = 'Try again in a few minutes.';
const TELL_OPERATOR = 'Try again; if it keeps failing, tell whoever runs Recap (the details are in its log).';

interface Extra {
  status?: number;
  info?: ProviderErrorInfo;
  retryable: boolean;
  hint?: string;
  code?: ErrorCode;
  cause?: unknown;
}

function build(context: FailureContext, message: string, extra: Extra): ProviderError {
  const { scrub } = context;
  return new ProviderError(scrub(message), {
    provider: context.provider,
    method: context.method,
    url: scrub(context.url),
    retryable: extra.retryable,
    ...(extra.status !== undefined ? { status: extra.status } : {}),
    ...(extra.info?.code !== undefined ? { providerCode: scrub(extra.info.code) } : {}),
    ...(extra.info?.message !== undefined ? { providerMessage: scrub(extra.info.message) } : {}),
    ...(extra.hint !== undefined ? { hint: scrub(extra.hint) } : {}),
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.cause !== undefined ? { cause: extra.cause } : {}),
  });
}

/** "in about 2 min (after 14:05 UTC)": when a server said when to come back. */
export function describeRetryAfter(ms: number, now: number): string {
  const seconds = Math.ceil(ms / 1000);
  const span = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  const at = new Date(now + ms).toISOString().slice(11, 19);
  return `in about ${span} (after ${at} UTC)`;
}

/**
 * A non-2xx answer. `retryable` comes from the provider's own verdict when `parseError` gave one, else from the
 * status. When the server said when to come back (Retry-After), the hint says so.
 */
export function statusFailure(
  context: FailureContext,
  status: number,
  info: ProviderErrorInfo,
  retryable: boolean,
  retryAfter?: { ms: number; now: number },
): ProviderError {
  const name = providerDisplayName(context.provider);
  const later = retryAfter ? `Try again ${describeRetryAfter(retryAfter.ms, retryAfter.now)}.` : TRY_LATER;
  const extra = { status, info, retryable };
  if (status === 401 || status === 403) {
    return build(context, `${name} rejected Recap's API key.`, {
      ...extra,
      hint: `Ask whoever runs Recap to check ${credentialVariable(context.provider, context.credentialVariable)}.`,
    });
  }
  if (status === 404) {
    return build(context, `${name} has no such item.`, {
      ...extra,
      code: 'not_found',
      hint: 'Check the id or link; the item may have been deleted or may belong to another account.',
    });
  }
  // Said in the message too, not only the hint: when the wait was too long to sit out, this is the news.
  const asked = retryAfter ? ` It asked Recap to come back ${describeRetryAfter(retryAfter.ms, retryAfter.now)}.` : '';
  if (status === 429) return build(context, `${name} is busy right now (too many requests).${asked}`, { ...extra, hint: later });
  if (retryable) {
    const reason = STATUS_CODES[status];
    const what = status >= 500 ? 'is having trouble right now' : 'could not handle the request right now';
    return build(context, `${name} ${what} (HTTP ${status}${reason ? ` ${reason}` : ''}).${asked}`, { ...extra, hint: later });
  }
  return build(context, `${name} refused the request (HTTP ${status}).`, {
    ...extra,
    hint: 'Check the input; if it looks right, tell whoever runs Recap (the provider said why in its log).',
  });
}

/** A 2xx answer whose body carries an error code (`bodyError`): Memories.ai's `0429`, Pictory's `4004`. */
export function bodyFailure(context: FailureContext, status: number, info: ProviderErrorInfo): ProviderError {
  const name = providerDisplayName(context.provider);
  const code = info.code !== undefined ? ` (code ${info.code})` : '';
  if (info.retryable) {
    return build(context, `${name} asked Recap to try again later${code}.`, { status, info, retryable: true, hint: TRY_LATER });
  }
  return build(context, `${name} reported an error${code}.`, { status, info, retryable: false, hint: TELL_OPERATOR });
}

/** The per-attempt deadline passed. */
export function timeoutFailure(context: FailureContext, timeoutMs: number): ProviderError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return build(context, `${providerDisplayName(context.provider)} did not answer within ${seconds} s.`, {
    retryable: true,
    code: 'timeout',
    hint: TRY_LATER,
  });
}

// Network failures worth another try, with the words users see. Name resolution failures are absent on
// purpose: a base URL that does not resolve is a configuration mistake, not a passing problem.
const NETWORK_FAILURES: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection broke',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EAI_AGAIN: 'name resolution failed for now',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  UND_ERR_CLOSED: 'the connection closed unexpectedly',
};
const NETWORK_TIMEOUTS = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The `code` of a Node or undici error, looking one `cause` deep (undici wraps some socket errors). */
export function errorCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Anything undici or the network threw. Known transient failures are retryable and say what happened; anything
 * else (a malformed header, an unresolvable host) is not, since sending it again would fail the same way.
 */
export function networkFailure(context: FailureContext, error: unknown, timeoutMs: number): ProviderError {
  const code = errorCodeOf(error);
  if (code !== undefined && NETWORK_TIMEOUTS.has(code)) return timeoutFailure(context, timeoutMs);
  const name = providerDisplayName(context.provider);
  const what = code !== undefined ? NETWORK_FAILURES[code] : undefined;
  if (what) return build(context, `Recap could not reach ${name} (${what}).`, { retryable: true, hint: TRY_LATER, cause: error });
  return build(context, `Recap could not send the request to ${name}.`, { retryable: false, hint: TELL_OPERATOR, cause: error });
}

/** A 2xx body that is not valid JSON (cut off, HTML from a proxy). */
export function unreadableFailure(context: FailureContext, status: number): ProviderError {
  return build(context, `${providerDisplayName(context.provider)} sent a response Recap could not read.`, {
    status,
    retryable: false,
    hint: TELL_OPERATOR,
  });
}

/** A 2xx JSON body of the wrong shape. `summary` lists paths and issue kinds only, never values. */
export function schemaFailure(context: FailureContext, status: number, summary: string): ProviderError {
  return build(context, `${providerDisplayName(context.provider)} sent a response Recap did not expect.`, {
    status,
    info: { message: summary },
    retryable: false,
    hint: 'Tell whoever runs Recap; the provider may have changed its API.',
  });
}

/** The breaker is open: the provider failed repeatedly and calls are paused. */
export function breakerOpenFailure(context: FailureContext, retryInMs: number): ProviderError {
  const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
  return build(context, `${providerDisplayName(context.provider)} is failing right now; Recap paused calls to it for ${seconds} s.`, {
    retryable: true,
    hint: `Try again in ${seconds} s or later.`,
  });
}
