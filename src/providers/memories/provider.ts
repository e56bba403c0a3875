/**
 * Memories.ai as a Recap provider: it takes a public media link (Memories.ai downloads it) or an uploaded file,
 * transcribes the speech and writes a summary with chapters. Existing videos are picked up by number: `VI…` on
 * Recap's account, `PI-…` from Memories.ai's public library (read with the public endpoints, never uploaded).
 * Key phrases, highlights and captions are not Memories.ai's: the router makes them from the transcript.
 *
 * Callbacks: Memories.ai POSTs `{videoNo, status}` to the callback URL, unsigned, so it is only a hint; the router
 * re-reads the video through `poll` either way. See `poll.ts` for the state machine and its cost in calls.
 *
 * Vendor docs: https://memories.ai/docs/API/Upload/Upload-from-url/, https://memories.ai/docs/API/Upload/Upload-from-local/
 */
import type { Part } from '../../domain/recap.ts';
import { RecapError } from '../../errors.ts';
import type { HttpClientOptions } from '../../http/http-client-types.ts';
import { createHttpClient } from '../../http/http-client.ts';
import { checkUserUrl, type UrlCheckOptions } from '../../http/url-check.ts';
import type { PollPacing, Provider, ProviderInput, ProviderJob, ProviderRequest } from '../provider.ts';
import { createMemoriesClient, memoriesHttpOptions, SUMMARY_TIMEOUT_MS, type MemoriesClient } from './client.ts';
import { createMemoriesPoller } from './poll.ts';

/** Poll every 5 s at first, growing to 30 s: parsing takes minutes and the account allows ~1 request/s. */
export const MEMORIES_PACING: PollPacing = { initialMs: 5_000, maxMs: 30_000 };

/**
 * The namespace (`unique_id`) Recap uploads into and reads from. Memories.ai reads default to `default`, so videos
 * uploaded in its own console are found by number too.
 */
export const DEFAULT_UNIQUE_ID = 'default';

/** Options of {@link createMemoriesProvider}. */
export interface MemoriesProviderOptions {
  credentials: { apiKey: string; baseUrl: string };
  /** Shared-client overrides (tests: tiny retry delays, a fast rate budget, short timeouts). */
  client?: Partial<HttpClientOptions>;
  pacing?: PollPacing;
  /** Checks of media links before they go to Memories.ai. Default: public addresses and usual ports only. */
  urlCheck?: UrlCheckOptions;
  /** Memories.ai namespace for uploads and reads. Default {@link DEFAULT_UNIQUE_ID}. */
  uniqueId?: string;
}

/** The provider, with its typed client exposed (tests, and callback handlers that re-read a video). */
export type MemoriesProvider = Provider & { client: MemoriesClient };

// Video numbers are `VI` + digits, public ones `PI-` + digits (older accounts: `mavi_video_…`). Anything outside
// this alphabet cannot be one and must not reach a query string.
const VIDEO_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

/** Whether a number names a video of Memories.ai's public library. */
export function isPublicVideoNo(id: string): boolean {
  return /^PI-/i.test(id);
}

/** Builds the Memories.ai provider over the shared HTTP client (https://memories.ai/docs/API/). */
export function createMemoriesProvider(options: MemoriesProviderOptions): MemoriesProvider {
  const http = createHttpClient(memoriesHttpOptions(options.credentials, options.client));
  // Tests shrink every deadline through `client.timeoutMs`; production gives summary generation two minutes.
  const client = createMemoriesClient(http, { summaryTimeoutMs: options.client?.timeoutMs ?? SUMMARY_TIMEOUT_MS });
  const pacing = options.pacing ?? MEMORIES_PACING;
  const uniqueId = options.uniqueId ?? DEFAULT_UNIQUE_ID;
  const poll = createMemoriesPoller(client, { retryAfterMs: pacing.initialMs });
  const produces: readonly Part[] = ['summary', 'chapters', 'transcript'];

  async function start(input: ProviderInput, request: ProviderRequest): Promise<ProviderJob> {
    const callback = request.callback?.url;
    const signal = request.signal;
    const common = { uniqueId, ...(callback ? { callback } : {}), ...(signal ? { signal } : {}) };
    switch (input.kind) {
      case 'existing': {
        if (!VIDEO_NO.test(input.id)) {
          throw new RecapError('bad_input', `memories:${input.id.slice(0, 60)} is not a Memories.ai video number.`, {
            hint: 'Memories.ai video numbers look like VI568102998803353600, or PI-603068775285264430 for public videos.',
          });
        }
        // Nothing to create: the first poll reads the video (and says clearly if Memories.ai cannot serve it).
        if (input.variant === 'public' || isPublicVideoNo(input.id)) return { provider: 'memories', id: input.id, state: { existing: true, public: true } };
        return { provider: 'memories', id: input.id, state: { existing: true, uniqueId } };
      }
      case 'media-url': {
        // U-20: a link handed to Memories.ai passes the same checks as one Recap fetches itself, before any call.
        const url = checkUserUrl(input.url, options.urlCheck);
        const uploaded = await client.uploadUrl(url.href, common);
        return { provider: 'memories', id: uploaded.videoNo, state: { uniqueId } };
      }
      case 'media-file': {
        const uploaded = await client.uploadFile(input.blob, input.filename, { ...common, ...(input.contentType ? { contentType: input.contentType } : {}) });
        return { provider: 'memories', id: uploaded.videoNo, state: { uniqueId } };
      }
    }
  }

  return {
    name: 'memories',
    produces,
    accepts: { mediaUrl: true, mediaFile: true },
    pacing,
    client,
    start,
    // A crashed run's upload, named by its callback's videoNo (P-15): the same state an upload's start returns.
    adopt: (videoNo) => ({ provider: 'memories', id: videoNo, state: { uniqueId } }),
    poll,
  };
}
