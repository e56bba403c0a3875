/**
 * Pictory as a Recap provider: it transcribes a public media link and picks highlights of a target length.
 * Pictory downloads the media itself, so it takes links only; a link is checked locally first (U-20) and a file
 * upload is refused with a hint to share a link. Existing `pictory:<jobId>` references (transcription jobs) are
 * picked up where they are. See `poll.ts` for the two-job state machine.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/transcription/video-transcription
 */
import type { HttpClientOptions } from '../../http/http-client-types.ts';
import { createHttpClient } from '../../http/http-client.ts';
import { checkUserUrl, type UrlCheckOptions } from '../../http/url-check.ts';
import { RecapError } from '../../errors.ts';
import type { Part } from '../../domain/recap.ts';
import { extensionOf } from '../../sources/media-kind.ts';
import type { PollPacing, Provider, ProviderInput, ProviderJob, ProviderRequest } from '../provider.ts';
import { createPictoryClient, pictoryHttpOptions, type PictoryClient } from './client.ts';
import { createPollBudget } from './poll-budget.ts';
import { createPictoryPoller } from './poll.ts';

/** Pictory asks for polls 10–30 s apart. */
export const PICTORY_PACING: PollPacing = { initialMs: 10_000, maxMs: 30_000 };

/** Options of {@link createPictoryProvider}. */
export interface PictoryProviderOptions {
  credentials: { apiKey: string; baseUrl: string };
  /** Shared-client overrides (tests: tiny retry delays, short timeouts, their own dispatcher). */
  client?: Partial<HttpClientOptions>;
  pacing?: PollPacing;
  /** Floor between two status reads of one job. Default 10 s (Pictory's minimum); tests pass a few ms. */
  pollBudget?: { minIntervalMs: number };
  /** Checks of media links before they go to Pictory. Default: public addresses and usual ports only. */
  urlCheck?: UrlCheckOptions;
}

/** The provider, with its typed client exposed (tests, and callback handlers that re-read a job). */
export type PictoryProvider = Provider & { client: PictoryClient };

// Pictory needs to know whether the link is audio-only; anything else (mp4, mov, no extension) is sent as video.
const AUDIO_EXTENSIONS = new Set(['mp3', 'wav', 'm4a', 'aac', 'flac', 'ogg', 'oga', 'opus', 'wma', 'amr']);

/** `audio` for audio-only extensions, else `video` (Pictory's default). */
export function pictoryMediaType(url: string): 'audio' | 'video' {
  const ext = extensionOf(url);
  return ext !== undefined && AUDIO_EXTENSIONS.has(ext) ? 'audio' : 'video';
}

// Pictory job ids are UUIDs; anything outside this alphabet cannot be one and must not reach a URL path.
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * Builds the Pictory provider over the shared HTTP client
 * (https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job).
 */
export function createPictoryProvider(options: PictoryProviderOptions): PictoryProvider {
  const http = createHttpClient(pictoryHttpOptions(options.credentials, options.client));
  const sleep = options.client?.sleep;
  const client = createPictoryClient(http, {
    ...(options.client?.retry ? { retry: options.client.retry } : {}),
    ...(sleep ? { sleep } : {}),
    ...(options.client?.random ? { random: options.client.random } : {}),
    pollBudget: createPollBudget({
      ...(options.pollBudget ? { minIntervalMs: options.pollBudget.minIntervalMs } : {}),
      ...(options.client?.now ? { now: options.client.now } : {}),
      ...(sleep ? { sleep } : {}),
    }),
  });
  const pacing = options.pacing ?? PICTORY_PACING;
  const poll = createPictoryPoller(client, { retryAfterMs: pacing.initialMs });
  const produces: readonly Part[] = ['highlights', 'transcript'];

  async function start(input: ProviderInput, request: ProviderRequest): Promise<ProviderJob> {
    switch (input.kind) {
      case 'existing': {
        if (!JOB_ID.test(input.id)) {
          throw new RecapError('bad_input', `pictory:${input.id.slice(0, 60)} is not a Pictory job id.`, {
            hint: 'Pictory job ids look like 95333422-8e76-4962-812b-5b6d7276451a.',
          });
        }
        // Nothing to create: the first poll reads the job (and says so clearly if Pictory does not know it).
        return { provider: 'pictory', id: input.id, state: { existing: true } };
      }
      case 'media-file':
        throw new RecapError('unsupported', `Pictory cannot take ${input.filename} as an upload: it fetches media from a public link itself.`, {
          hint: 'Share a public https link to the recording (one that opens without signing in), or pick another provider with --provider.',
        });
      case 'media-url': {
        // U-20: a link handed to Pictory passes the same checks as one Recap fetches itself, before any call.
        const url = checkUserUrl(input.url, options.urlCheck);
        const id = await client.createTranscription(
          {
            fileUrl: url.href,
            mediaType: pictoryMediaType(url.href),
            // Pictory's documented default, sent explicitly because some versions of its docs mark it required.
            language: request.lang ?? 'en-US',
            ...(request.callback ? { webhook: request.callback.url } : {}),
          },
          request.signal,
        );
        return { provider: 'pictory', id, state: {} };
      }
    }
  }

  return {
    name: 'pictory',
    produces,
    accepts: { mediaUrl: true, mediaFile: false },
    pacing,
    client,
    start,
    // A crashed run's transcription job, named by its webhook (P-15): the same state a link's start returns.
    adopt: (id) => ({ provider: 'pictory', id, state: {} }),
    poll,
  };
}
