import type { LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { RecapError } from '../errors.ts';
import { publicUnicastOnly, type AddressPolicy } from './address-policy.ts';
import { describeUrlForLog } from './describe-url.ts';
import { toFetchError } from './fetch-errors.ts';
import { createGuardedConnector } from './guarded-connector.ts';
import { discard, followRedirects } from './redirects.ts';
import { cappedBody, checkFinalResponse, notAWebPage, type ContentTypePredicate } from './response-checks.ts';
import { checkUserUrl, defaultAllowedPort } from './url-check.ts';

/** Options for {@link safeFetch} and {@link safeFetchStream}. Every limit has a safe default. */
export interface SafeFetchOptions {
  /** Byte cap on the body, announced or counted. Default 50 MiB. */
  maxBytes?: number;
  /** Overall deadline for the whole fetch, redirects and body included (precise: a native timer). Default 30 s. */
  timeoutMs?: number;
  /**
   * Time allowed for each connect and for each response's headers. Default 10 s. undici checks this (and
   * `bodyTimeoutMs`) on a timer that ticks about every 0.5 s, so sub-second values fire up to ~1 s late.
   */
  headersTimeoutMs?: number;
  /** Longest silence allowed between body chunks. Default 10 s. */
  bodyTimeoutMs?: number;
  /** Redirects followed before failing with "too many redirects". Default 5. */
  maxRedirects?: number;
  /** Which addresses may be connected to. Default {@link publicUnicastOnly}. */
  addressPolicy?: AddressPolicy;
  /** Which ports may be used. Default {@link defaultAllowedPort}. */
  allowedPort?: (port: number) => boolean;
  /** Resolver with `dns.lookup`'s signature; tests inject answers. Default `dns.lookup`. */
  lookup?: LookupFunction;
  /** Extra request headers. Authorization and Cookie are dropped on cross-origin redirects. */
  headers?: Record<string, string>;
  /** Aborts the fetch; the signal's reason is thrown as is. */
  signal?: AbortSignal;
  /** Gets the raw Content-Type header (or undefined). Default {@link notAWebPage}: refuses HTML. */
  acceptContentType?: ContentTypePredicate;
}

/** A fully read response. */
export interface SafeResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType?: string;
  body: Buffer;
}

/** A response whose body is read on demand, with the byte cap and timeouts enforced while iterating. */
export interface SafeStreamResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType?: string;
  contentLength?: number;
  /** Single use. Throws RecapError (`too_large`, `timeout`, `fetch_failed`) mid-way when a limit is hit. */
  body: AsyncIterable<Uint8Array>;
  /** Releases the connection when the body will not be read to the end. Safe to call more than once. */
  close(): void;
}

/** The defaults {@link SafeFetchOptions} falls back to. */
export const SAFE_FETCH_DEFAULTS = {
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  maxRedirects: 5,
} as const;

const USER_AGENT = 'RecapBot/0.1 (fetches links that users share for a recap)';
// Callers must not override how the request is framed or which host it claims to be for.
const RESERVED_HEADERS = new Set(['host', 'accept-encoding', 'connection', 'content-length', 'transfer-encoding']);

/**
 * Downloads a user-supplied URL into memory without letting it reach private networks (every hop is
 * re-validated, every resolved and connected address checked), and within byte and time limits.
 *
 * @throws RecapError: `unsafe_url`, `fetch_failed` (non-2xx, network), `timeout` (retryable), `too_large`,
 *   `bad_input` (web page instead of a file), `unsupported` (compressed body); or the `signal`'s reason.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const response = await safeFetchStream(url, options);
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  const result: SafeResponse = { url: response.url, status: response.status, body: Buffer.concat(chunks) };
  if (response.contentType !== undefined) result.contentType = response.contentType;
  return result;
}

/**
 * Like {@link safeFetch}, but hands back the body as a stream so large media can be passed on in constant
 * memory. Everything up to the headers is checked before this resolves; the byte cap, idle timeout and
 * overall deadline keep applying while the body is iterated. Iterate it to the end, or call `close()`.
 */
export async function safeFetchStream(url: string, options: SafeFetchOptions = {}): Promise<SafeStreamResponse> {
  const limits = {
    maxBytes: options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes,
    timeoutMs: options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? SAFE_FETCH_DEFAULTS.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs ?? SAFE_FETCH_DEFAULTS.bodyTimeoutMs,
    acceptContentType: options.acceptContentType ?? notAWebPage,
  };
  const urlPolicy = {
    addressPolicy: options.addressPolicy ?? publicUnicastOnly,
    allowedPort: options.allowedPort ?? defaultAllowedPort,
  };
  // Validate before allocating anything: most unsafe links are refused right here, before any lookup.
  const start = checkUserUrl(url, urlPolicy);
  options.signal?.throwIfAborted();
  const session = openSession(start, limits, options, urlPolicy.addressPolicy);
  let current = start;
  try {
    const { url: finalUrl, response } = await followRedirects(start, {
      maxRedirects: Math.max(0, Math.floor(options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects)),
      headers: requestHeaders(options.headers),
      check: (raw) => checkUserUrl(raw, { ...urlPolicy, subject: "The link's redirect target" }),
      send: (target, headers) => {
        current = target;
        return request(target, { method: 'GET', headers, dispatcher: session.agent, signal: session.signal });
      },
    });
    // A body destroyed by our deadline before anyone iterates it would otherwise raise an unhandled 'error';
    // iteration still sees the error through its own listener.
    response.body.on('error', () => {});
    let head;
    try {
      head = checkFinalResponse(response.statusCode, response.headers, finalUrl, limits);
    } catch (error) {
      discard(response);
      throw error;
    }
    const body = cappedBody(response.body, finalUrl, limits.maxBytes, (error) => session.explain(error, finalUrl), session.release);
    return {
      url: finalUrl.href,
      status: response.statusCode,
      ...head,
      body,
      close: () => {
        discard(response);
        session.release();
      },
    };
  } catch (error) {
    session.release();
    throw session.explain(error, current);
  }
}

interface Session {
  agent: Agent;
  signal: AbortSignal;
  /** Maps a thrown value to what the caller should see; deadline and caller aborts win over their symptoms. */
  explain: (error: unknown, url: URL) => unknown;
  /** Clears the deadline and closes every connection. Idempotent. */
  release: () => void;
}

function openSession(
  start: URL,
  limits: { timeoutMs: number; headersTimeoutMs: number; bodyTimeoutMs: number },
  options: SafeFetchOptions,
  addressPolicy: AddressPolicy,
): Session {
  // One Agent per fetch: its connections were all vetted for this fetch, and none outlive it. It is also
  // never the global dispatcher, so HTTP(S)_PROXY settings and EnvHttpProxyAgent cannot reroute it.
  const agent = new Agent({
    connect: createGuardedConnector({ addressPolicy, lookup: options.lookup, connectTimeoutMs: limits.headersTimeoutMs }),
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
  });
  const controller = new AbortController();
  const userSignal = options.signal;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    clearTimeout(deadline);
    userSignal?.removeEventListener('abort', onUserAbort);
    agent.destroy().catch(() => {});
  };
  const deadline = setTimeout(() => {
    const seconds = Math.round(limits.timeoutMs / 100) / 10;
    // undici rejects (or destroys the body) with the abort reason itself, so this becomes the thrown error.
    controller.abort(
      new RecapError('timeout', `Downloading ${describeUrlForLog(start)} took longer than ${seconds} s.`, {
        hint: 'Try again later, or share a smaller file or one from a faster host.',
        retryable: true,
      }),
    );
    release();
  }, limits.timeoutMs);
  const onUserAbort = (): void => {
    controller.abort(userSignal?.reason);
    release();
  };
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  return {
    agent,
    signal: controller.signal,
    release,
    explain: (error, url) => (controller.signal.aborted ? controller.signal.reason : toFetchError(error, url, limits)),
  };
}

function requestHeaders(extra: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const [name, value] of Object.entries(extra ?? {})) {
    const lower = name.toLowerCase();
    if (!RESERVED_HEADERS.has(lower)) headers[lower] = value;
  }
  // Never let a server compress: we do not decompress (see checkFinalResponse), so identity or refusal.
  headers['accept-encoding'] = 'identity';
  return headers;
}
