/**
 * A typed client for AssemblyAI's pre-recorded transcript API, over Recap's one outbound {@link HttpClient}
 * (timeouts, retries with Retry-After, breaker and scrubbed errors live there). Reads (GET, DELETE) are retried by
 * the shared client; creating a transcript is a POST that starts billed work, so it is sent once and never
 * retried; an upload streams the file and cannot be replayed, so it is never retried either.
 *
 * Vendor docs: https://www.assemblyai.com/docs/api-reference/overview,
 * https://www.assemblyai.com/docs/api-reference/files/upload, https://www.assemblyai.com/docs/api-reference/transcripts
 */
import { RecapError } from '../../errors.ts';
import type { HttpClient, HttpClientOptions } from '../../http/http-client-types.ts';
import {
  listSchema,
  paragraphsSchema,
  sentencesSchema,
  TRANSCRIPT_STATUSES,
  transcriptSchema,
  uploadSchema,
  wordSearchSchema,
  type AaiList,
  type AaiParagraphs,
  type AaiSentences,
  type AaiTranscript,
  type AaiTranscriptStatus,
  type AaiWordSearch,
} from './schemas.ts';
import { buildTranscriptRequest, type TranscriptOptions } from './transcript-request.ts';

/** AssemblyAI's US API base (the EU one is `https://api.eu.assemblyai.com`). */
export const ASSEMBLYAI_BASE_URL = 'https://api.assemblyai.com';

/** Per-attempt deadline of an upload: an hour-long video over a slow uplink takes minutes, not 30 s. */
export const UPLOAD_TIMEOUT_MS = 30 * 60 * 1000;

/** Word search takes phrases of at most this many words. */
export const MAX_SEARCH_PHRASE_WORDS = 5;

export interface ListOptions {
  /** 1 to 200; AssemblyAI's default is 10. */
  limit?: number;
  status?: AaiTranscriptStatus;
  /** `YYYY-MM-DD`. */
  createdOn?: string;
  beforeId?: string;
  afterId?: string;
}

export interface AssemblyAiClient {
  readonly http: HttpClient;
  /** `POST /v2/upload`: streams the Blob's bytes (never buffered) and returns the private `upload_url`. */
  upload(blob: Blob, signal?: AbortSignal): Promise<string>;
  /** `POST /v2/transcript`, asking only for the models the wanted parts need. Sent once, never retried. */
  createTranscript(audioUrl: string, options: TranscriptOptions, signal?: AbortSignal): Promise<AaiTranscript>;
  getTranscript(id: string, signal?: AbortSignal): Promise<AaiTranscript>;
  sentences(id: string, signal?: AbortSignal): Promise<AaiSentences>;
  paragraphs(id: string, signal?: AbortSignal): Promise<AaiParagraphs>;
  /** `GET /v2/transcript/{id}/srt|vtt`, optionally with at most `charsPerCaption` characters per caption. */
  captions(id: string, format: 'srt' | 'vtt', charsPerCaption?: number, signal?: AbortSignal): Promise<string>;
  /** `GET /v2/transcript/{id}/word-search`: each term a word, a number or a phrase of up to five words. */
  wordSearch(id: string, words: readonly string[], signal?: AbortSignal): Promise<AaiWordSearch>;
  /** One page of transcripts, newest first. */
  list(options?: ListOptions, signal?: AbortSignal): Promise<AaiList>;
  /** `DELETE /v2/transcript/{id}`: AssemblyAI keeps only the id and duration (for billing) afterwards. */
  delete(id: string, signal?: AbortSignal): Promise<AaiTranscript>;
}

/** The shared client's options for an AssemblyAI key: bare key header (no "Bearer"), key scrubbed from errors. */
export function assemblyAiHttpOptions(credentials: { apiKey: string; baseUrl: string }, overrides: Partial<HttpClientOptions> = {}): HttpClientOptions {
  return {
    provider: 'assemblyai',
    // 20,000 requests per 5 minutes is far above what Recap sends, so no rate budget; retries keep the shared
    // defaults (4 tries, full jitter from 500 ms, at most 30 s), which tests shrink through `overrides.retry`.
    ...overrides,
    baseUrl: (credentials.baseUrl || ASSEMBLYAI_BASE_URL).replace(/\/+$/, ''),
    headers: { ...overrides.headers, Authorization: credentials.apiKey },
    secrets: [...(overrides.secrets ?? []), credentials.apiKey],
  };
}

/** A Blob's bytes as an AsyncIterable, read chunk by chunk from its (file-backed) stream. */
async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value as Uint8Array;
    }
  } finally {
    // Stops reading the file when the request fails half-way.
    await reader.cancel().catch(() => undefined);
  }
}

function badInput(message: string, hint: string): RecapError {
  return new RecapError('bad_input', message, { hint });
}

/** Search terms as AssemblyAI takes them: trimmed, no commas (the list separator), five words at most. */
export function searchTerms(words: readonly string[]): string[] {
  const terms = words.map((w) => w.replace(/,/g, ' ').replace(/\s+/g, ' ').trim()).filter((w) => w !== '');
  if (terms.length === 0) throw badInput('Nothing to search for.', 'Give a word or a phrase to look for.');
  const long = terms.find((t) => t.split(' ').length > MAX_SEARCH_PHRASE_WORDS);
  if (long !== undefined) {
    throw badInput(`AssemblyAI searches phrases of up to ${MAX_SEARCH_PHRASE_WORDS} words.`, 'Search for a shorter phrase, or for a few of its words.');
  }
  return [...new Set(terms)];
}

export function createAssemblyAiClient(http: HttpClient): AssemblyAiClient {
  const transcriptPath = (id: string) => `/v2/transcript/${encodeURIComponent(id)}`;
  const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

  return {
    http,

    async upload(blob, signal) {
      const body = await http.json('POST', '/v2/upload', {
        body: blobChunks(blob),
        headers: { 'Content-Type': 'application/octet-stream' },
        // A consumed stream cannot be sent again; the shared client never retries one, and this says so too.
        idempotent: false,
        timeoutMs: UPLOAD_TIMEOUT_MS,
        schema: uploadSchema,
        ...withSignal(signal),
      });
      return body.upload_url;
    },

    createTranscript(audioUrl, options, signal) {
      return http.json('POST', '/v2/transcript', {
        json: buildTranscriptRequest(audioUrl, options),
        // A 5xx, a timeout or a reset may come after AssemblyAI queued (and will bill) the job: never resend.
        idempotent: false,
        schema: transcriptSchema,
        ...withSignal(signal),
      });
    },

    getTranscript(id, signal) {
      return http.json('GET', transcriptPath(id), { schema: transcriptSchema, ...withSignal(signal) });
    },

    sentences(id, signal) {
      return http.json('GET', `${transcriptPath(id)}/sentences`, { schema: sentencesSchema, ...withSignal(signal) });
    },

    paragraphs(id, signal) {
      return http.json('GET', `${transcriptPath(id)}/paragraphs`, { schema: paragraphsSchema, ...withSignal(signal) });
    },

    async captions(id, format, charsPerCaption, signal) {
      if (charsPerCaption !== undefined && !(Number.isInteger(charsPerCaption) && charsPerCaption > 0)) {
        throw badInput('Characters per caption must be a whole number above 0.', 'Leave it out, or give e.g. 32.');
      }
      return http.text('GET', `${transcriptPath(id)}/${format}`, {
        query: { chars_per_caption: charsPerCaption },
        ...withSignal(signal),
      });
    },

    async wordSearch(id, words, signal) {
      return http.json('GET', `${transcriptPath(id)}/word-search`, {
        query: { words: searchTerms(words).join(',') },
        schema: wordSearchSchema,
        ...withSignal(signal),
      });
    },

    async list(options = {}, signal) {
      const { limit, status } = options;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 200)) {
        throw badInput('AssemblyAI lists 1 to 200 transcripts per page.', 'Give a limit from 1 to 200.');
      }
      if (status !== undefined && !TRANSCRIPT_STATUSES.includes(status)) {
        throw badInput(`"${String(status)}" is not a transcript status.`, `Use one of ${TRANSCRIPT_STATUSES.join(', ')}.`);
      }
      return http.json('GET', '/v2/transcript', {
        query: { limit, status, created_on: options.createdOn, before_id: options.beforeId, after_id: options.afterId },
        schema: listSchema,
        ...withSignal(signal),
      });
    },

    delete(id, signal) {
      return http.json('DELETE', transcriptPath(id), { schema: transcriptSchema, ...withSignal(signal) });
    },
  };
}
