/**
 * The contract of Recap's one outbound client for provider APIs (implemented in `http-client.ts`).
 * Provider clients build requests through it and never call undici directly: timeouts, retries with backoff,
 * full jitter and Retry-After, a circuit breaker per provider, a rate budget per credential, streaming, and errors
 * that name provider, method, scrubbed URL, status and the provider's own code all live in one place.
 */
import type { Dispatcher } from 'undici';
import type { ZodType } from 'zod';

/** What a provider's error body or 200-with-error-code body says, normalised. */
export interface ProviderErrorInfo {
  /** The provider's own code (`0429`, `4004`, `invalid_auth`…), when it gives one. */
  code?: string;
  /** The provider's own message; shown to operators in logs, summarised for users. */
  message?: string;
  /** Whether trying again later may succeed (rate limits, "still processing", 5xx). */
  retryable?: boolean;
}

export interface RetryPolicy {
  /** Total tries including the first. Default 4. */
  attempts?: number;
  /** Backoff base: try n waits random(0, min(maxDelayMs, baseDelayMs·2^n)) (full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Cap on one wait, also on a Retry-After the server asks for. Default 30 s. */
  maxDelayMs?: number;
}

export interface BreakerPolicy {
  /** Consecutive failed calls (after retries) that open the breaker. Default 5. */
  failureThreshold?: number;
  /** How long an open breaker fails fast before letting one trial call through. Default 30 s. */
  cooldownMs?: number;
}

/** Token bucket: `perSecond` tokens refill each second up to `burst`. A call waits for a token. */
export interface RateBudget {
  perSecond: number;
  burst: number;
}

export interface HttpClientOptions {
  /** Provider name for errors and logs, e.g. `assemblyai`. */
  provider: string;
  /** API base; request paths are appended to it (`https://api.pictory.ai/pictoryapis` + `/v2/transcription`). */
  baseUrl: string;
  /** Sent on every request (the credential). Never logged, never in error messages. */
  headers?: Record<string, string>;
  /** Extra values to scrub from error messages and logs (API keys, tokens). Header values are scrubbed anyway. */
  secrets?: string[];
  /** Per-attempt deadline (connect, headers and body). Default 30 s. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  breaker?: BreakerPolicy;
  /**
   * Rate budget for this credential. Clients made with the same `rateKey` share one bucket (one credential, one
   * budget, however many clients use it).
   */
  rate?: RateBudget & { rateKey?: string };
  /** undici dispatcher; tests pass their own Agent. Default: a shared keep-alive Agent. */
  dispatcher?: Dispatcher;
  /** Injectable time for tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Reads a provider error body (non-2xx) into code and message. Default: `{error}` / `{message}` / `{code,msg}`. */
  parseError?: (body: unknown, status: number) => ProviderErrorInfo;
  /** Finds an error inside a 2xx body (Memories.ai's `code !== '0000'`, Pictory's `success:false`). */
  bodyError?: (body: unknown) => ProviderErrorInfo | undefined;
}

export interface MultipartFile {
  /** Form field name, e.g. `file`. */
  field: string;
  filename: string;
  contentType?: string;
  /** A Blob, e.g. from `fs.openAsBlob(path)`: file-backed, so it streams in constant memory. */
  blob: Blob;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body (sets Content-Type). */
  json?: unknown;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string | undefined>;
  /** multipart/form-data body: plain fields plus one streamed file. */
  multipart?: { fields?: Record<string, string | undefined>; file?: MultipartFile };
  /** Raw body, streamed (uploads). A stream body is never retried, whatever `idempotent` says. */
  body?: AsyncIterable<Uint8Array> | Uint8Array | string;
  headers?: Record<string, string>;
  /** Safe to send twice? Default true for GET, HEAD, PUT, DELETE; false for POST and PATCH. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Overrides the client's per-attempt deadline (uploads need longer). */
  timeoutMs?: number;
}

export interface StreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array>;
}

/**
 * `path` is appended to the base URL, or is an absolute URL on the base URL's origin (a provider's own `next`
 * links). Any other origin is refused: links to other hosts go through the safe fetcher.
 * Non-2xx answers, 2xx answers with an error code (`bodyError`), unparseable JSON, schema mismatches, timeouts and
 * network errors all throw `ProviderError`.
 */
export interface HttpClient {
  readonly provider: string;
  json<T = unknown>(method: string, path: string, options?: RequestOptions & { schema?: ZodType<T> }): Promise<T>;
  text(method: string, path: string, options?: RequestOptions): Promise<string>;
  stream(method: string, path: string, options?: RequestOptions): Promise<StreamResponse>;
}
