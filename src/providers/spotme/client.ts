/**
 * A typed client for SpotMe's recording API, over Recap's one outbound {@link HttpClient} (timeouts, retries,
 * breaker, rate budget and scrubbed errors live there). It knows SpotMe's paths (configurable: `paths.ts`),
 * schemas and quirks: a trigger is never sent twice, a 404 on recordings means "nothing generated yet", download
 * links expire after 6 h and are re-read rather than regenerated, and links on other hosts go through the safe
 * fetcher.
 */
import { createHash } from 'node:crypto';
import { RecapError } from '../../errors.ts';
import { createHttpClient } from '../../http/http-client.ts';
import type { HttpClient, HttpClientOptions } from '../../http/http-client-types.ts';
import { ProviderError } from '../../http/provider-error.ts';
import { safeFetch, type SafeFetchOptions } from '../../http/safe-fetch.ts';
import { linksAreStale, toJob, toListPage, toRecordings, type SpotMeJob, type SpotMeListPage, type SpotMeRecordings } from './map.ts';
import { DEFAULT_SPOTME_PATHS, expandPath, idPlaceholder, pathsFor, type SpotMeKind, type SpotMePaths } from './paths.ts';
import { jobSchema, listSchema, recordingsSchema } from './schemas.ts';
import { parseSpotMeError } from './spotme-errors.ts';

/** SpotMe's public API base. */
export const SPOTME_BASE_URL = 'https://api.spotme.com/api/v2/workspace';

/** providers.md: 3 requests per second, bursts of 5, per token. */
export const SPOTME_RATE = { perSecond: 3, burst: 5 } as const;

export interface SpotMeTarget {
  kind: SpotMeKind;
  id: string;
}

export interface GenerationOptions {
  glossaryId?: string;
  languageCode?: string;
}

export interface SpotMeClientOptions {
  token: string;
  /** Default {@link SPOTME_BASE_URL}. */
  baseUrl?: string;
  /** Every endpoint is under a workspace; without one each call throws `not_configured`. */
  workspaceId?: string;
  /** Overrides for the HttpClient (tests: tiny retry delays, their own dispatcher). */
  client?: Partial<HttpClientOptions>;
  /** Options for links on other hosts (tests: an address policy that reaches their 127.0.0.1 "CDN"). */
  download?: Partial<SafeFetchOptions>;
  paths?: Partial<SpotMePaths>;
  /** A ready HttpClient, instead of building one (unit tests). */
  http?: HttpClient;
  now?: () => number;
}

export interface SpotMeClient {
  readonly http: HttpClient;
  /** Starts generation. Sent once, never retried: a second trigger REPLACES the transcript. */
  triggerGeneration(target: SpotMeTarget, options?: GenerationOptions, signal?: AbortSignal): Promise<SpotMeJob>;
  getJob(jobId: string, signal?: AbortSignal): Promise<SpotMeJob>;
  /** The generated files' links, or undefined while nothing was generated (SpotMe answers 404). */
  getRecordings(kind: SpotMeKind, id: string, signal?: AbortSignal): Promise<SpotMeRecordings | undefined>;
  /** Links good for at least 5 more minutes: the last ones read, or read again (never regenerated). */
  freshLinks(kind: SpotMeKind, id: string, signal?: AbortSignal): Promise<SpotMeRecordings | undefined>;
  /** One page of ended sessions or breakouts (an assumed endpoint: see `paths.ts`). */
  listEnded(kind: SpotMeKind, cursor?: string, signal?: AbortSignal): Promise<SpotMeListPage>;
  /** Downloads a VTT or TXT link: on SpotMe's own origin through the HttpClient, elsewhere through the safe fetcher. */
  download(url: string, format: 'vtt' | 'txt', signal?: AbortSignal): Promise<string | Uint8Array>;
}

// Enough for every recording a busy Recap touches within a link's lifetime; the oldest entries go first.
const MAX_CACHED_RECORDINGS = 200;
const ACCEPT = { vtt: 'text/vtt, text/plain;q=0.9, */*;q=0.1', txt: 'text/plain, */*;q=0.1' } as const;

/**
 * The rate key for a token: a hash, so every client of the same token shares one budget without the token itself
 * ever sitting in a map key that could end up in a log or a heap dump.
 */
export function spotMeRateKey(token: string): string {
  return `spotme:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

/** Builds the client. Nothing is sent until a method is called. */
export function createSpotMeClient(options: SpotMeClientOptions): SpotMeClient {
  const baseUrl = (options.baseUrl ?? SPOTME_BASE_URL).replace(/\/+$/, '');
  const paths: SpotMePaths = { ...DEFAULT_SPOTME_PATHS, ...options.paths };
  const now = options.now ?? options.client?.now ?? Date.now;
  const http =
    options.http ??
    createHttpClient({
      parseError: parseSpotMeError,
      ...options.client,
      provider: 'spotme',
      baseUrl,
      headers: { ...options.client?.headers, authorization: `Bearer ${options.token}` },
      secrets: [...(options.client?.secrets ?? []), options.token],
      rate: { ...SPOTME_RATE, rateKey: spotMeRateKey(options.token), ...options.client?.rate },
    });
  // After createHttpClient, which refuses a base URL that is not http(s) with a message naming the setting.
  const baseOrigin = URL.canParse(baseUrl) ? new URL(baseUrl).origin : undefined;
  const cache = new Map<string, SpotMeRecordings>();

  const workspace = (): string => {
    if (options.workspaceId) return options.workspaceId;
    throw new RecapError('not_configured', 'SpotMe needs a workspace id, and SPOTME_WORKSPACE_ID is not set.', {
      hint: 'Ask whoever runs Recap to set SPOTME_WORKSPACE_ID (the workspace id shown in Backstage).',
    });
  };
  const expand = (template: string, values: Record<string, string> = {}) => expandPath(template, { workspaceId: workspace(), ...values });
  const remember = (key: string, recordings: SpotMeRecordings): void => {
    cache.delete(key);
    cache.set(key, recordings);
    if (cache.size > MAX_CACHED_RECORDINGS) cache.delete(cache.keys().next().value as string);
  };

  const client: SpotMeClient = {
    http,
    async triggerGeneration(target, generation = {}, signal) {
      const { path, query } = expand(pathsFor(paths, target.kind).trigger, { [idPlaceholder(target.kind)]: target.id });
      const json: Record<string, string> = {};
      if (generation.glossaryId) json.glossaryId = generation.glossaryId;
      if (generation.languageCode) json.languageCode = generation.languageCode;
      // idempotent: false whatever the HttpClient's defaults: a retried trigger would regenerate (and replace) the
      // transcript a second time, even after a timeout where the first one was in fact accepted.
      const body = await http.json('POST', path, { query, json, idempotent: false, schema: jobSchema, ...(signal ? { signal } : {}) });
      cache.delete(`${target.kind}:${target.id}`);
      return toJob(body);
    },
    async getJob(jobId, signal) {
      const { path, query } = expand(paths.job, { jobId });
      return toJob(await http.json('GET', path, { query, schema: jobSchema, ...(signal ? { signal } : {}) }));
    },
    async getRecordings(kind, id, signal) {
      const { path, query } = expand(pathsFor(paths, kind).recordings, { [idPlaceholder(kind)]: id });
      try {
        const recordings = toRecordings(await http.json('GET', path, { query, schema: recordingsSchema, ...(signal ? { signal } : {}) }));
        remember(`${kind}:${id}`, recordings);
        return recordings;
      } catch (error) {
        if (error instanceof ProviderError && error.status === 404) return undefined;
        throw error;
      }
    },
    async freshLinks(kind, id, signal) {
      const cached = cache.get(`${kind}:${id}`);
      if (cached && !linksAreStale(cached, now())) return cached;
      return client.getRecordings(kind, id, signal);
    },
    async listEnded(kind, cursor, signal) {
      const { path, query } = expand(pathsFor(paths, kind).list);
      const body = await http.json('GET', path, { query: { ...query, cursor }, schema: listSchema, ...(signal ? { signal } : {}) });
      return toListPage(body);
    },
    async download(url, format, signal) {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        throw new RecapError('provider_error', 'SpotMe returned a download link Recap cannot read.', { hint: 'Try again later.' });
      }
      if (target.origin === baseOrigin) {
        // SpotMe's own host: trusted, authenticated, paced and retried like any other API call.
        return http.text('GET', target.href, { headers: { accept: ACCEPT[format] }, ...(signal ? { signal } : {}) });
      }
      // A signed CDN link: it is a third-party host as far as Recap can tell, so it gets the user-URL checks
      // (public addresses only, byte cap, deadlines). The credential is not sent there; errors name the link
      // without its query string, which holds the signature.
      const response = await safeFetch(target.href, {
        ...options.download,
        headers: { ...options.download?.headers, accept: ACCEPT[format] },
        ...(signal ? { signal } : {}),
      });
      return response.body;
    },
  };
  return client;
}
