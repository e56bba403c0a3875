/**
 * SpotMe as a Recap provider: recaps a live session (once its VOD exists) or a video breakout (once it ended)
 * from the transcript SpotMe generates. SpotMe produces only the transcript; the router fills summary, chapters,
 * phrases and highlights locally and makes captions from the transcript's times.
 *
 * A transcript that already exists is used as is: triggering generation again would REPLACE it (and whatever
 * glossary was applied to it), so Recap triggers only when there is none, or when the user asked for a different
 * glossary or language.
 */
import { RecapError } from '../../errors.ts';
import type { HttpClientOptions } from '../../http/http-client-types.ts';
import { ProviderError } from '../../http/provider-error.ts';
import type { SafeFetchOptions } from '../../http/safe-fetch.ts';
import type { Provider, ProviderHandle, ProviderInput, ProviderJob, ProviderMedia, ProviderPoll, ProviderRequest, PollPacing } from '../provider.ts';
import { createSpotMeClient, type SpotMeClient } from './client.ts';
import { fetchTranscript } from './fetch-transcript.ts';
import type { SpotMeRecordings } from './map.ts';
import type { SpotMeKind, SpotMePaths } from './paths.ts';
import { noRecordingYet, targetLabel } from './spotme-errors.ts';

/** Generation takes minutes; SpotMe's 3 requests/s leave room, but there is nothing to gain from polling faster. */
export const SPOTME_PACING: PollPacing = { initialMs: 5000, maxMs: 30_000 };

export interface SpotMeProviderOptions {
  credentials: { apiKey: string; baseUrl: string; workspaceId?: string };
  client?: Partial<HttpClientOptions>;
  download?: Partial<SafeFetchOptions>;
  paths?: Partial<SpotMePaths>;
  pacing?: PollPacing;
}

/** What a SpotMe {@link ProviderJob} keeps between polls (plain JSON). */
interface SpotMeJobState {
  kind: SpotMeKind;
  /** The session or breakout id. */
  target: string;
  /** True when an existing transcript is used: there is no SpotMe job to poll. */
  ready?: boolean;
}

/** Builds the SpotMe provider; `client` is exposed for the automatic posts (listing ended sessions). */
export function createSpotMeProvider(options: SpotMeProviderOptions): Provider & { client: SpotMeClient } {
  const { apiKey, baseUrl, workspaceId } = options.credentials;
  const client = createSpotMeClient({
    token: apiKey,
    baseUrl,
    ...(workspaceId ? { workspaceId } : {}),
    ...(options.client ? { client: options.client } : {}),
    ...(options.download ? { download: options.download } : {}),
    ...(options.paths ? { paths: options.paths } : {}),
  });

  return {
    name: 'spotme',
    produces: ['transcript'],
    accepts: { mediaUrl: false, mediaFile: false },
    pacing: options.pacing ?? SPOTME_PACING,
    client,

    async start(input: ProviderInput, request: ProviderRequest): Promise<ProviderJob> {
      const { kind, id } = targetOf(input);
      const existing = await client.getRecordings(kind, id, request.signal);
      if (existing && (existing.vttUrl || existing.txtUrl) && matchesRequest(existing, request)) {
        return { provider: 'spotme', id: targetLabel(kind, id), state: { kind, target: id, ready: true } };
      }
      try {
        const job = await client.triggerGeneration(
          { kind, id },
          { ...(request.glossary ? { glossaryId: request.glossary } : {}), ...(request.lang ? { languageCode: request.lang } : {}) },
          request.signal,
        );
        return { provider: 'spotme', id: job.id, state: { kind, target: id } };
      } catch (error) {
        if (error instanceof ProviderError && error.status === 404) throw noRecordingYet(kind, id, error);
        throw error;
      }
    },

    async poll(job: ProviderJob, request: ProviderRequest): Promise<ProviderPoll> {
      const state = stateOf(job);
      const label = targetLabel(state.kind, state.target);
      if (!state.ready) {
        let current;
        try {
          current = await client.getJob(job.id, request.signal);
        } catch (error) {
          if (error instanceof ProviderError && error.status === 404) {
            return { status: 'failed', message: `SpotMe no longer knows the generation job for ${label}.`, hint: `Ask again for ${label}.` };
          }
          throw error;
        }
        const step = current.step;
        if (step.kind === 'pending') return { status: 'pending', stage: step.stage, job };
        if (step.kind === 'failed') {
          return {
            status: 'failed',
            message: `SpotMe could not generate the transcript of ${state.kind} ${state.target}: ${step.reason.replace(/[.!…]+$/, '')}.`,
            hint: 'Check the recording in Backstage, then ask again.',
          };
        }
      }
      const fetched = await fetchTranscript(client, state.kind, state.target, {
        reread: !state.ready,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (fetched.kind === 'missing') {
        // Just after completion the recordings may lag behind the job; an existing transcript that vanished was
        // deleted in Backstage, and asking again will generate a new one.
        if (!state.ready) return { status: 'pending', stage: 'transcribing', job };
        return { status: 'failed', message: `SpotMe no longer has a transcript for ${label}.`, hint: `Ask again for ${label} to generate one.` };
      }
      if (fetched.kind === 'no-transcript-file') {
        return { status: 'failed', message: `SpotMe generated no transcript file for ${label}.`, hint: 'Check the recording in Backstage, then ask again.' };
      }
      const { transcript } = fetched;
      return {
        status: 'done',
        result: {
          transcript,
          analysis: {},
          ...(transcript.language ? { language: transcript.language } : {}),
          // No mediaUrl: the only media link SpotMe gives (mp4_url) expires after 6 hours. The handle lets Recap hand
          // out its own /media link instead, which asks SpotMe for a fresh mp4_url when clicked.
          source: label,
          handle: { provider: 'spotme', id: state.target, variant: state.kind },
        },
      };
    },

    /**
     * The recording's current `mp4_url` (valid 6 hours): the links last read while still good for 5 minutes, else
     * one recordings read. Reading never regenerates anything (providers.md "SpotMe").
     */
    async media(handle: ProviderHandle, signal?: AbortSignal): Promise<ProviderMedia | undefined> {
      if (handle.variant !== 'session' && handle.variant !== 'breakout') return undefined;
      const links = await client.freshLinks(handle.variant, handle.id, signal);
      if (!links?.mp4Url) return undefined;
      // 0 means SpotMe's expiry was unreadable: say nothing, so the caller does not keep the URL for long.
      return { url: links.mp4Url, ...(links.expiresAtMs > 0 ? { expiresAt: links.expiresAtMs } : {}) };
    },
  };
}

/** Only SpotMe's own sessions and breakouts: SpotMe transcribes nothing else. */
function targetOf(input: ProviderInput): { kind: SpotMeKind; id: string } {
  if (input.kind === 'existing' && (input.variant === 'session' || input.variant === 'breakout')) return { kind: input.variant, id: input.id };
  const what = input.kind === 'existing' ? `spotme:${input.id}` : input.kind === 'media-url' ? 'A media link' : 'An uploaded file';
  throw new RecapError('unsupported', `SpotMe recaps its own live sessions and breakouts; ${what} is neither.`, {
    hint: 'Write session:<id> or breakout:<id> with an id from Backstage, or pick another provider with --provider.',
  });
}

/** A stored job's state, checked: it comes back from the store, possibly written by an older Recap. */
function stateOf(job: ProviderJob): SpotMeJobState {
  const { kind, target, ready } = job.state ?? {};
  if ((kind !== 'session' && kind !== 'breakout') || typeof target !== 'string' || target === '') {
    throw new RecapError('internal', `The stored SpotMe job ${job.id} is missing its session or breakout.`, {
      hint: 'Ask for the recap again.',
    });
  }
  return { kind, target, ...(ready === true ? { ready: true } : {}) };
}

/**
 * Whether an existing transcript serves the request. A glossary is compared with the `glossary_id` SpotMe reports;
 * a language only when SpotMe reports one (`language_code` is not documented): with nothing to compare, the
 * existing transcript wins, because regenerating on a guess would destroy it.
 */
function matchesRequest(existing: SpotMeRecordings, request: ProviderRequest): boolean {
  if (request.glossary && request.glossary !== existing.glossaryId) return false;
  if (request.lang && existing.languageCode && primary(request.lang) !== primary(existing.languageCode)) return false;
  return true;
}

const primary = (code: string): string => code.split(/[-_]/)[0]!.toLowerCase();
