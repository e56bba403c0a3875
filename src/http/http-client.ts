/**
 * Recap's one outbound client for provider APIs (the contract is in `http-client-types.ts`). A call passes the
 * provider's circuit breaker, then makes up to `retry.attempts` attempts, each paced by the credential's rate
 * budget and bounded by its own deadline; failures become ProviderErrors that are safe to show and to log.
 */
import { Agent, request, type Dispatcher } from 'undici';
import type { ZodType } from 'zod';
import { breakerFor, resolveBreakerPolicy } from './circuit-breaker.ts';
import { describeUrlForLog } from './describe-url.ts';
import type { HttpClient, HttpClientOptions, RequestOptions, StreamResponse } from './http-client-types.ts';
import { defaultParseError, parseErrorText, readCapped } from './provider-error-body.ts';
import type { ProviderError } from './provider-error.ts';
import {
  bodyFailure,
  breakerOpenFailure,
  networkFailure,
  schemaFailure,
  statusFailure,
  timeoutFailure,
  unreadableFailure,
  type FailureContext,
} from './provider-failures.ts';
import { buildProviderUrl, parseBaseUrl } from './provider-url.ts';
import { bucketFor, takeToken } from './rate-budget.ts';
import { prepareBody } from './request-body.ts';
import { decideRetry, isRetryableStatus, isUnhealthyStatus, mayRetry, parseRetryAfter, resolveRetryPolicy } from './retry-policy.ts';
import { collectSecrets, createScrubber } from './secret-scrubber.ts';
import { realSleep, sleepUnlessAborted } from './sleep.ts';
import { summarizeSchemaIssues } from './schema-summary.ts';

/** {@link HttpClientOptions} plus what this implementation adds. */
export interface CreateHttpClientOptions extends HttpClientOptions {
  /** Environment variable named in 401/403 hints. Default `<PROVIDER>_API_KEY` (`SPOTME_API_TOKEN` for SpotMe). */
  credentialVariable?: string;
}

/** Default per-attempt deadline, as documented on {@link HttpClientOptions.timeoutMs}. */
export const DEFAULT_TIMEOUT_MS = 30_000;
const USER_AGENT = 'RecapBot/0.1 (meeting recaps)';

// One keep-alive pool for every provider client: connection setup (TCP + TLS) costs more than most provider
// calls, and polling hits the same host every few seconds. Created on first use so importing this is free.
let sharedAgent: Agent | undefined;
function defaultDispatcher(): Dispatcher {
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  return sharedAgent;
}

type Mode = 'json' | 'text' | 'stream';
type CallOptions = RequestOptions & { schema?: ZodType<unknown> };
/** One attempt's result: a value, or a ProviderError plus what the retry loop and breaker need to know. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: ProviderError; retryAfterMs?: number; unhealthy: boolean };

/**
 * Makes a client for one provider API. Cheap: breakers and rate buckets are shared process-wide by provider +
 * base URL and by `rate.rateKey`, so clients can be created per job without losing either.
 *
 * @throws ProviderError (`not_configured`) when `baseUrl` is not an http(s) URL.
 */
export function createHttpClient(options: CreateHttpClientOptions): HttpClient {
  const { provider } = options;
  const base = parseBaseUrl(provider, options.baseUrl);
  const baseKey = base.href.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const retryPolicy = resolveRetryPolicy(options.retry);
  const breakerPolicy = resolveBreakerPolicy(options.breaker);
  const breaker = breakerFor(provider, baseKey);
  const bucket = options.rate ? bucketFor(options.rate.rateKey ?? `${provider} ${baseKey}`, options.rate, now()) : undefined;
  const dispatcher = options.dispatcher ?? defaultDispatcher();
  const parseError = options.parseError ?? defaultParseError;
  const clientHeaders = lowerCaseKeys(options.headers);

  async function call(rawMethod: string, path: string, request: CallOptions, mode: Mode): Promise<unknown> {
    const method = rawMethod.toUpperCase();
    const url = buildProviderUrl(base, path, request.query, { provider, method });
    // Query values can be tokens (signed links, `?key=`), so they are scrubbed like headers and secrets.
    const queryValues = [...url.searchParams.values()].filter((value) => value.length >= 6);
    const context: FailureContext = {
      provider,
      method,
      url: describeUrlForLog(url),
      scrub: createScrubber(collectSecrets([...(options.secrets ?? []), ...queryValues], options.headers, request.headers)),
      ...(options.credentialVariable ? { credentialVariable: options.credentialVariable } : {}),
    };
    const makeBody = prepareBody(request);
    const retryAllowed = mayRetry(method, request);
    const { signal } = request;
    signal?.throwIfAborted();

    const entry = breaker.enter(now(), breakerPolicy);
    if (!('succeeded' in entry)) throw breakerOpenFailure(context, entry.retryInMs);
    try {
      for (let attempt = 0; ; attempt += 1) {
        if (bucket) await takeToken(bucket, { now, sleep, ...(signal ? { signal } : {}) });
        const outcome = await attemptOnce(method, url, request, mode, makeBody, context);
        if (outcome.ok) {
          entry.succeeded();
          return outcome.value;
        }
        const decision = outcome.error.retryable && retryAllowed ? decideRetry(attempt, retryPolicy, random, outcome.retryAfterMs) : undefined;
        if (decision?.kind !== 'wait') {
          // A 404, 401 or malformed body still shows the provider is up; only signs of ill health count.
          if (outcome.unhealthy) entry.failed(now());
          else entry.succeeded();
          throw outcome.error;
        }
        await sleepUnlessAborted(sleep, decision.ms, signal);
      }
    } catch (error) {
      if (signal?.aborted) {
        entry.released();
        throw signal.reason;
      }
      entry.released(); // no-op when already settled above; covers anything unexpected
      throw error;
    }
  }

  async function attemptOnce(
    method: string,
    url: URL,
    req: CallOptions,
    mode: Mode,
    makeBody: ReturnType<typeof prepareBody>,
    context: FailureContext,
  ): Promise<Outcome> {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { signal } = req;
    // Our own controller, fed by the caller's signal and our own timer, instead of AbortSignal.any(): the
    // listener on a long-lived caller signal is removed as soon as the attempt ends, and the timer is cleared
    // (AbortSignal.timeout's cannot be), so thousands of polls on one job signal leave nothing behind.
    const controller = new AbortController();
    const forwardAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('per-attempt deadline'));
    }, timeoutMs);
    let handedOver = false;
    try {
      const encoded = makeBody();
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        ...(mode === 'json' ? { accept: 'application/json' } : {}),
        ...clientHeaders,
        ...encoded.headers,
        ...lowerCaseKeys(req.headers),
      };
      const response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(encoded.body !== undefined ? { body: encoded.body } : {}),
        dispatcher,
        signal: controller.signal,
        // Our timer bounds the whole attempt precisely (undici's own timeouts tick about every 0.5 s); a stream's
        // body outlives the attempt, so it is bounded by undici's idle timeout instead.
        headersTimeout: 0,
        bodyTimeout: mode === 'stream' ? timeoutMs : 0,
      });
      const { statusCode: status } = response;
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
      if (status < 200 || status > 299) {
        const parsed = parseErrorText(await readCapped(response.body));
        const info = safely(() => parseError(parsed, status)) ?? {};
        const retryable = info.retryable ?? isRetryableStatus(status);
        const retryAfter = retryAfterMs !== undefined ? { ms: retryAfterMs, now: now() } : undefined;
        return {
          ok: false,
          error: statusFailure(context, status, info, retryable, retryAfter),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          unhealthy: isUnhealthyStatus(status),
        };
      }
      if (mode === 'stream') {
        // A body destroyed (caller abort, idle timeout) before anyone iterates it would otherwise be an unhandled
        // 'error'; iteration still sees the error through its own listener.
        response.body.on('error', () => {});
        response.body.once('close', () => signal?.removeEventListener('abort', forwardAbort));
        handedOver = true;
        const value: StreamResponse = { status, headers: response.headers, body: response.body };
        return { ok: true, value };
      }
      const text = await response.body.text();
      if (mode === 'text') return { ok: true, value: text };
      return readJson(text, status, retryAfterMs, req.schema, context);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) return { ok: false, error: timeoutFailure(context, timeoutMs), unhealthy: true };
      const failure = networkFailure(context, error, timeoutMs);
      return { ok: false, error: failure, unhealthy: failure.retryable };
    } finally {
      clearTimeout(timer);
      if (!handedOver) signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** Parses a 2xx body, then checks it for an in-body error, then against the schema, in that order. */
  function readJson(text: string, status: number, retryAfterMs: number | undefined, schema: ZodType<unknown> | undefined, context: FailureContext): Outcome {
    let value: unknown;
    if (text.trim() === '' && status === 204) value = undefined;
    else {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        // The SyntaxError is not kept as the cause: V8 quotes the body in it, and the body may hold anything.
        return { ok: false, error: unreadableFailure(context, status), unhealthy: false };
      }
    }
    const info = options.bodyError ? safely(() => options.bodyError?.(value)) : undefined;
    if (info) {
      // An answer in-body ("still processing", "rate limited") is the provider working as designed.
      return { ok: false, error: bodyFailure(context, status, info), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), unhealthy: false };
    }
    if (!schema) return { ok: true, value };
    const checked = schema.safeParse(value);
    if (checked.success) return { ok: true, value: checked.data };
    return { ok: false, error: schemaFailure(context, status, summarizeSchemaIssues(checked.error.issues)), unhealthy: false };
  }

  return {
    provider,
    json: <T>(method: string, path: string, opts?: RequestOptions & { schema?: ZodType<T> }) => call(method, path, opts ?? {}, 'json') as Promise<T>,
    text: (method, path, opts) => call(method, path, opts ?? {}, 'text') as Promise<string>,
    stream: (method, path, opts) => call(method, path, opts ?? {}, 'stream') as Promise<StreamResponse>,
  };
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

/** Runs a provider-specific parser; one that throws on an odd body must not turn an answer into a crash. */
function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
