/**
 * AssemblyAI as a Recap {@link Provider}: takes its own transcript ids, public media links and uploads, asks for
 * only the models the wanted parts need, and maps a completed transcript (sentences, Key Phrases, chapters,
 * summary) to Recap's types. Polling costs one GET per poll plus one GET of the sentences at the end; a webhook,
 * when Recap has a public URL, only tells the router when to poll.
 *
 * Vendor docs: https://www.assemblyai.com/docs/api-reference/transcripts,
 * https://www.assemblyai.com/docs/deployment/webhooks
 */
import { findInterruptedTranscript } from './reconcile.ts';
import { RecapError } from '../../errors.ts';
import { createHttpClient } from '../../http/http-client.ts';
import type { HttpClientOptions } from '../../http/http-client-types.ts';
import { ProviderError } from '../../http/provider-error.ts';
import { checkUserUrl, type UrlCheckOptions } from '../../http/url-check.ts';
import type { Logger } from '../../log.ts';
import type { Analysis } from '../../domain/recap.ts';
import type { PollPacing, Provider, ProviderJob, ProviderPoll, ProviderRequest, SearchMatch } from '../provider.ts';
import { assemblyAiHttpOptions, createAssemblyAiClient, searchTerms, type AssemblyAiClient } from './client.ts';
import { summariseFailure } from './failure-message.ts';
import { isEnglish, primaryLanguage, toChapters, toKeyPhrases, toSearchMatches, toSummary, toTranscript } from './map.ts';
import type { AaiTranscript } from './schemas.ts';
import type { SummaryStyle, TranscriptOptions } from './transcript-request.ts';

/** AssemblyAI's guides poll every 3 s; a long meeting takes minutes, so the wait grows to 15 s. */
export const ASSEMBLYAI_PACING: PollPacing = { initialMs: 3000, maxMs: 15000 };

export interface AssemblyAiProviderOptions {
  credentials: { apiKey: string; baseUrl: string };
  /** Overrides for the shared HttpClient (tests: tiny retry delays, a short timeout). */
  client?: Partial<HttpClientOptions>;
  pacing?: PollPacing;
  /** How media links are checked before AssemblyAI is asked to fetch them (tests widen it; default: public only). */
  urlCheck?: UrlCheckOptions;
  /** `speech-understanding` for accounts that no longer have Auto Chapters. Default `legacy`. */
  summaryStyle?: SummaryStyle;
  /** Where the raw reason of a failed transcript goes (users get a summary). */
  log?: Logger;
}

const NAME = 'assemblyai';

/** A missing transcript: 404, or the 400 "Transcript lookup error" AssemblyAI has answered for malformed ids. */
function isMissing(error: unknown): boolean {
  if (!(error instanceof ProviderError)) return false;
  return error.status === 404 || (error.status === 400 && /lookup error|not found/i.test(error.providerMessage ?? ''));
}

function notFound(id: string, cause: unknown): RecapError {
  return new RecapError('not_found', `AssemblyAI has no transcript ${id}`, {
    hint: 'Check the id (it is in the AssemblyAI dashboard); the transcript may have been deleted or made with another API key.',
    cause,
  });
}

export function createAssemblyAiProvider(options: AssemblyAiProviderOptions): Provider & { client: AssemblyAiClient } {
  const client = createAssemblyAiClient(createHttpClient(assemblyAiHttpOptions(options.credentials, options.client)));
  const pacing = options.pacing ?? ASSEMBLYAI_PACING;

  async function read(id: string, signal?: AbortSignal): Promise<AaiTranscript> {
    try {
      return await client.getTranscript(id, signal);
    } catch (error) {
      throw isMissing(error) ? notFound(id, error) : error;
    }
  }

  function transcriptOptions(request: ProviderRequest): TranscriptOptions {
    const authHeader = request.callback?.authHeader;
    return {
      want: request.want,
      ...(request.lang ? { languageCode: request.lang } : {}),
      ...(request.callback ? { webhook: { url: request.callback.url, ...(authHeader ? { authHeader } : {}) } } : {}),
      ...(options.summaryStyle ? { summaryStyle: options.summaryStyle } : {}),
    };
  }

  const job = (id: string): ProviderJob => ({ provider: NAME, id });

  /** Everything the request wants that AssemblyAI produced; absent parts are filled locally by the router. */
  function analysisOf(transcript: AaiTranscript, request: ProviderRequest): Analysis {
    const want = new Set(request.want);
    const analysis: Analysis = {};
    if (want.has('summary')) {
      const text = toSummary(transcript);
      if (text) analysis.summary = { text };
    }
    if (want.has('chapters')) {
      const chapters = toChapters(transcript);
      if (chapters.length > 0) analysis.chapters = chapters;
    }
    // Key Phrases is English-only: for any other detected language the router extracts them locally.
    if (want.has('phrases') && isEnglish(transcript.language_code)) {
      const phrases = toKeyPhrases(transcript.auto_highlights_result);
      if (phrases.length > 0) analysis.keyPhrases = phrases;
    }
    return analysis;
  }

  return {
    name: NAME,
    produces: ['summary', 'chapters', 'phrases'],
    accepts: { mediaUrl: true, mediaFile: true },
    pacing,
    client,
    // A crashed run's transcript, named by the callback's transcript_id (P-15).
    adopt: job,
    async reconcile(since, request) {
      const id = await findInterruptedTranscript(client, since, request.callback?.url, request.signal);
      return id ? job(id) : undefined;
    },

    async start(input, request) {
      const { signal } = request;
      switch (input.kind) {
        case 'existing':
          // One GET proves the id exists now, so a typo fails at once rather than after the first poll interval.
          await read(input.id, signal);
          return job(input.id);
        case 'media-url': {
          // U-20: the router checks links too, but a provider must not depend on it: AssemblyAI would fetch
          // whatever it is given, so private and literal addresses are refused here before any request.
          const url = checkUserUrl(input.url, options.urlCheck);
          const created = await client.createTranscript(url.href, transcriptOptions(request), signal);
          return job(created.id);
        }
        case 'media-file': {
          const uploadUrl = await client.upload(input.blob, signal);
          const created = await client.createTranscript(uploadUrl, transcriptOptions(request), signal);
          return job(created.id);
        }
      }
    },

    async poll(current, request): Promise<ProviderPoll> {
      const transcript = await read(current.id, request.signal);
      switch (transcript.status) {
        case 'queued':
          return { status: 'pending', stage: 'queued', job: current };
        case 'error': {
          options.log?.warn('AssemblyAI transcript failed', { provider: NAME, id: current.id, reason: transcript.error ?? undefined });
          return { status: 'failed', ...summariseFailure(transcript.error) };
        }
        case 'completed': {
          const { sentences } = await client.sentences(current.id, request.signal);
          const language = primaryLanguage(transcript.language_code);
          return {
            status: 'done',
            result: {
              transcript: toTranscript(transcript, sentences),
              analysis: analysisOf(transcript, request),
              ...(language ? { language } : {}),
              // No mediaUrl: audio_url is either a private upload or the user's own link (which the router has).
              source: `${NAME}:${current.id}`,
              // Caption links ask AssemblyAI for its own SRT/VTT while it keeps the transcript.
              handle: { provider: NAME, id: current.id },
            },
          };
        }
        default:
          // `processing`, and any state AssemblyAI adds later: still working.
          return { status: 'pending', stage: 'transcribing', job: current };
      }
    },

    async search(current, words, signal): Promise<SearchMatch[]> {
      const terms = searchTerms(words);
      // The whole phrase is searched too; when it is said somewhere, those moments are the answer (as in the
      // local search: the phrase beats its words).
      const phrase = terms.length > 1 && terms.join(' ').split(' ').length <= 5 ? terms.join(' ') : undefined;
      const missing = (error: unknown): never => {
        throw isMissing(error) ? notFound(current.id, error) : error;
      };
      const [found, { sentences }] = await Promise.all([
        client.wordSearch(current.id, phrase ? [phrase, ...terms] : terms, signal).catch(missing),
        client.sentences(current.id, signal).catch(missing),
      ]);
      const phraseMatches = phrase ? found.matches.filter((m) => m.text.toLowerCase() === phrase.toLowerCase() && m.timestamps.length > 0) : [];
      return toSearchMatches(phraseMatches.length > 0 ? { ...found, matches: phraseMatches } : found, sentences);
    },

    /** https://www.assemblyai.com/docs/api-reference/transcripts/get-subtitles */
    async captions(handle, format, charsPerCaption, signal) {
      try {
        const text = await client.captions(handle.id, format, charsPerCaption, signal);
        // A deleted transcript keeps its id and status but loses its words, so its subtitles hold no cue: that is
        // "no longer has it" too, and the caller serves Recap's stored copy instead of an empty file.
        return text.includes('-->') ? text : undefined;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}
