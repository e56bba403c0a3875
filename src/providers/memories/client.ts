/**
 * A typed client for the Memories.ai endpoints Recap uses, over the shared {@link HttpClient} (timeouts, retries,
 * breaker, rate budget, scrubbed errors). Memories.ai allows about one request per second per account, so the
 * client paces itself (1/s, no burst) and backs off 1 s → 32 s on `0429`. Uploads are POSTs that create a video:
 * they are sent once and never retried. Reads (GET) are retried; replacing a transcript is too (same effect twice).
 *
 * Status: the seed documents no status endpoint (nor a list call), so status is read from the audio transcription,
 * which the seed says needs a PARSE'd video: segments mean PARSE; `data:null` means not parsed yet (or no audio:
 * the poller tells these apart); `0001`/`0003` for an uploaded video means it cannot be served (PARSE_ERROR). The
 * read doubles as the transcript fetch, so a finished video costs no extra call.
 *
 * Vendor docs: https://memories.ai/docs/API/Upload/Upload-from-url/, https://memories.ai/docs/API/Upload/Upload-from-local/,
 * https://memories.ai/docs/API/Transcription/audio-transcription/, https://memories.ai/docs/rate-limits/
 */
import { createHash } from 'node:crypto';
import { RecapError } from '../../errors.ts';
import type { HttpClient, HttpClientOptions, RateBudget, RequestOptions, RetryPolicy } from '../../http/http-client-types.ts';
import { explainMemoriesError, isBadRequest, memoriesBodyError, parseMemoriesError } from './envelope.ts';
import type { MemoriesSegmentInput } from './map.ts';
import {
  envelopeOf,
  memoriesSummarySchema,
  memoriesTranscriptionSchema,
  memoriesUploadSchema,
  type MemoriesSummary,
  type MemoriesTranscription,
  type MemoriesUpload,
} from './schemas.ts';

/** Memories.ai's API base. */
export const MEMORIES_BASE_URL = 'https://api.memories.ai';
/** Largest upload Memories.ai takes. */
export const MAX_UPLOAD_BYTES = 3 * 1024 ** 3;
/** About one request per second per account (providers.md); no burst, so the fake's own limit never answers 0429. */
export const MEMORIES_RATE: RateBudget = { perSecond: 1, burst: 1 };
/** 0429 backoff: full jitter from 1 s, doubling, capped at 32 s (providers.md, https://memories.ai/docs/rate-limits/). */
export const MEMORIES_RETRY: Required<RetryPolicy> = { attempts: 6, baseDelayMs: 1_000, maxDelayMs: 32_000 };
/** A summary is generated on request (an LLM call on Memories.ai's side): give it longer than a plain read. */
export const SUMMARY_TIMEOUT_MS = 120_000;

const API = '/serve/api/v1';

export type SummaryType = 'CHAPTER' | 'TOPIC';
export type VideoStatus = 'UNPARSE' | 'PARSE' | 'PARSE_ERROR';

/** A video's state as read by {@link MemoriesClient.status}; `transcription` is the speech when parsed. */
export interface VideoState {
  status: VideoStatus;
  transcription?: MemoriesTranscription;
  /** Memories.ai's reason, for a PARSE_ERROR. */
  cause?: string;
}

export interface UploadOptions {
  /** Where Memories.ai POSTs `{videoNo, status}` when parsing ends (unsigned: a hint only). */
  callback?: string;
  /** Memories.ai's namespace for the video; every later read must pass the same one. */
  uniqueId?: string;
  signal?: AbortSignal;
}

/** The Memories.ai endpoints Recap calls (https://memories.ai/docs/API/). */
export interface MemoriesClient {
  readonly http: HttpClient;
  /** `POST /serve/api/v1/upload_url` (form-encoded): Memories.ai downloads a public link. Sent once. */
  uploadUrl(url: string, options?: UploadOptions): Promise<MemoriesUpload>;
  /** `POST /serve/api/v1/upload` (multipart `file`), streamed from the Blob; up to 3 GB. Sent once. */
  uploadFile(blob: Blob, filename: string, options?: UploadOptions & { contentType?: string }): Promise<MemoriesUpload>;
  /** The video's state, read from the audio transcription (see the file comment). */
  status(videoNo: string, options?: { uniqueId?: string; public?: boolean; signal?: AbortSignal }): Promise<VideoState>;
  /** `GET get_audio_transcription`: speech segments; `null` = no audio or not parsed yet. */
  audioTranscription(videoNo: string, uniqueId?: string, signal?: AbortSignal): Promise<MemoriesTranscription | null>;
  /** `GET get_video_transcription`: what is on screen, in the same shape. */
  videoTranscription(videoNo: string, uniqueId?: string, signal?: AbortSignal): Promise<MemoriesTranscription | null>;
  /** `GET get_public_audio_transcription` for a public `PI-…` video. */
  publicAudioTranscription(videoNo: string, signal?: AbortSignal): Promise<MemoriesTranscription | null>;
  /** `GET get_public_video_transcription` for a public `PI-…` video. */
  publicVideoTranscription(videoNo: string, signal?: AbortSignal): Promise<MemoriesTranscription | null>;
  /** `GET generate_summary?type=CHAPTER|TOPIC`: a summary paragraph and timed items. */
  summary(videoNo: string, type: SummaryType, uniqueId?: string, signal?: AbortSignal): Promise<MemoriesSummary | null>;
  /** `POST update_video_transcription` (JSON): replaces the transcript. Shape undocumented; mirrors the read. */
  updateTranscription(videoNo: string, segments: readonly MemoriesSegmentInput[], uniqueId?: string, signal?: AbortSignal): Promise<void>;
}

export interface MemoriesClientOptions {
  /** Per-attempt deadline of summary generation. Default {@link SUMMARY_TIMEOUT_MS}. */
  summaryTimeoutMs?: number;
}

/** A rate-bucket key per credential that does not hold the key itself (buckets are shared process-wide). */
export function memoriesRateKey(apiKey: string): string {
  return `memories:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

/**
 * The shared client's options for a Memories.ai key: bare key header (no "Bearer"), the envelope hooks, the key
 * scrubbed, a 1/s budget per key and 0429 backoff. `overrides` win field by field (tests shrink delays and budget).
 * Auth and limits: https://memories.ai/docs/API/Upload/Upload-from-url/ (bare key), https://memories.ai/docs/rate-limits/
 */
export function memoriesHttpOptions(credentials: { apiKey: string; baseUrl: string }, overrides: Partial<HttpClientOptions> = {}): HttpClientOptions {
  const { retry, rate, ...rest } = overrides;
  return {
    provider: 'memories',
    ...rest,
    baseUrl: (credentials.baseUrl || MEMORIES_BASE_URL).replace(/\/+$/, ''),
    headers: { ...rest.headers, Authorization: credentials.apiKey },
    secrets: [...(rest.secrets ?? []), credentials.apiKey],
    retry: { ...MEMORIES_RETRY, ...retry },
    rate: { ...MEMORIES_RATE, rateKey: memoriesRateKey(credentials.apiKey), ...rate },
    parseError: rest.parseError ?? ((body) => parseMemoriesError(body)),
    bodyError: rest.bodyError ?? memoriesBodyError,
  };
}

/** Per-attempt deadline of an upload: at least 5 min, else about 1 MB/s (3 GB ≈ 50 min). */
export function uploadTimeoutMs(bytes: number): number {
  return Math.max(300_000, Math.ceil(bytes / 1_000_000) * 1000);
}

const transcription = envelopeOf(memoriesTranscriptionSchema);
const summarySchema = envelopeOf(memoriesSummarySchema);
const upload = envelopeOf(memoriesUploadSchema);

function parsedStatus(value: string | undefined): VideoStatus | undefined {
  const status = value?.trim().toUpperCase();
  if (status === 'PARSE' || status === 'UNPARSE') return status;
  // The callback page names the failure `FAIL`, the list page `FAILED`, providers.md `PARSE_ERROR`: all one state.
  if (status === 'PARSE_ERROR' || status === 'FAIL' || status === 'FAILED') return 'PARSE_ERROR';
  return undefined;
}

/**
 * Wraps a shared {@link HttpClient} made with {@link memoriesHttpOptions} into the typed client
 * (https://memories.ai/docs/API/Transcription/audio-transcription/, https://memories.ai/docs/API/Upload/Upload-from-url/).
 */
export function createMemoriesClient(http: HttpClient, options: MemoriesClientOptions = {}): MemoriesClient {
  const summaryTimeoutMs = options.summaryTimeoutMs ?? SUMMARY_TIMEOUT_MS;
  const send = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw explainMemoriesError(error);
    }
  };
  const signalOf = (signal?: AbortSignal): Pick<RequestOptions, 'signal'> => (signal ? { signal } : {});
  const read = (path: string, videoNo: string, uniqueId?: string, signal?: AbortSignal) =>
    send(() => http.json('GET', `${API}/${path}`, { query: { video_no: videoNo, unique_id: uniqueId }, schema: transcription, ...signalOf(signal) }));

  const client: MemoriesClient = {
    http,
    uploadUrl: (url, opts = {}) =>
      send(() =>
        http.json('POST', `${API}/upload_url`, {
          form: { url, callback: opts.callback, unique_id: opts.uniqueId },
          idempotent: false,
          schema: upload,
          ...signalOf(opts.signal),
        }),
      ),

    async uploadFile(blob, filename, opts = {}) {
      if (blob.size > MAX_UPLOAD_BYTES) {
        throw new RecapError('too_large', `${filename} is ${(blob.size / 1024 ** 3).toFixed(1)} GB; Memories.ai takes files up to 3 GB.`, {
          hint: 'Share a public link to the recording instead, or trim it.',
        });
      }
      return send(() =>
        http.json('POST', `${API}/upload`, {
          multipart: {
            fields: { callback: opts.callback, unique_id: opts.uniqueId },
            file: { field: 'file', filename, blob, ...(opts.contentType ? { contentType: opts.contentType } : {}) },
          },
          // A multipart POST creates a video: never sent twice, whatever failed.
          idempotent: false,
          timeoutMs: uploadTimeoutMs(blob.size),
          schema: upload,
          ...signalOf(opts.signal),
        }),
      );
    },

    async status(videoNo, opts = {}) {
      let data: MemoriesTranscription | null;
      try {
        data = opts.public ? await client.publicAudioTranscription(videoNo, opts.signal) : await client.audioTranscription(videoNo, opts.uniqueId, opts.signal);
      } catch (error) {
        // "Bad parameters" for a video number that was accepted before: the video cannot be served.
        if (isBadRequest(error)) {
          return { status: 'PARSE_ERROR', ...(error.providerMessage ? { cause: error.providerMessage } : {}) };
        }
        throw error;
      }
      const declared = parsedStatus(data?.status);
      if (declared === 'PARSE_ERROR') return { status: declared, ...(data?.cause ? { cause: data.cause } : {}) };
      if (data && (data.segments.length > 0 || declared === 'PARSE')) return { status: 'PARSE', transcription: data };
      return { status: 'UNPARSE' };
    },

    audioTranscription: (videoNo, uniqueId, signal) => read('get_audio_transcription', videoNo, uniqueId, signal),
    videoTranscription: (videoNo, uniqueId, signal) => read('get_video_transcription', videoNo, uniqueId, signal),
    publicAudioTranscription: (videoNo, signal) => read('get_public_audio_transcription', videoNo, undefined, signal),
    publicVideoTranscription: (videoNo, signal) => read('get_public_video_transcription', videoNo, undefined, signal),

    summary: (videoNo, type, uniqueId, signal) =>
      send(() =>
        http.json('GET', `${API}/generate_summary`, {
          query: { video_no: videoNo, type, unique_id: uniqueId },
          schema: summarySchema,
          timeoutMs: summaryTimeoutMs,
          ...signalOf(signal),
        }),
      ),

    updateTranscription: (videoNo, segments, uniqueId, signal) =>
      send(async () => {
        await http.json('POST', `${API}/update_video_transcription`, {
          json: { video_no: videoNo, ...(uniqueId ? { unique_id: uniqueId } : {}), transcriptions: segments },
          // Replacing a transcript with the same segments twice has the effect of once.
          idempotent: true,
          ...signalOf(signal),
        });
      }),
  };
  return client;
}
