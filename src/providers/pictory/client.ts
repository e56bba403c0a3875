/**
 * A typed client for the three Pictory endpoints Recap uses, over the shared {@link HttpClient} (timeouts,
 * retries, breaker, scrubbed errors). Creating a job is a POST and is sent once, with one exception: error 4004
 * on the highlights POST means "the transcription is still processing", no job was created, so repeating it is
 * safe — only that call retries 4004, with backoff. Job reads go through a per-job poll budget.
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/transcription/video-transcription,
 * https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job,
 * https://docs.pictory.ai/api-reference/jobs/get-job-by-id
 */
import type { HttpClient, HttpClientOptions, RetryPolicy } from '../../http/http-client-types.ts';
import { isStillProcessing, parsePictoryError, pictoryBodyError } from './error-info.ts';
import { createPollBudget, type PollBudget } from './poll-budget.ts';
import { pictoryCreatedSchema, pictoryJobSchema, type PictoryJob } from './schemas.ts';
import { realSleep } from '../../http/sleep.ts';

/** Pictory's production API base. */
export const PICTORY_BASE_URL = 'https://api.pictory.ai/pictoryapis';

/** The body of `POST /v2/transcription` (https://docs.pictory.ai/api-reference/transcription/video-transcription). */
export interface CreateTranscriptionInput {
  /** A public link Pictory downloads itself (it cannot take uploads from Recap). */
  fileUrl: string;
  mediaType: 'video' | 'audio';
  /** Pictory's default is `en-US` when absent. */
  language?: string;
  /** Where Pictory POSTs when the job completes (a hint: Recap re-reads the job). */
  webhook?: string;
}

/** The body of `POST /v2/transcription/{jobId}/highlights` (https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job). */
export interface CreateHighlightsInput {
  /** Target total length of the highlights, in whole seconds. */
  highlight_duration: number;
  webhook?: string;
  language?: string;
}

/** The Pictory endpoints Recap calls (https://docs.pictory.ai/api-reference). */
export interface PictoryClient {
  readonly http: HttpClient;
  /** `POST /v2/transcription` → the new job id. Sent once: a repeat could start (and bill) a second job. */
  createTranscription(input: CreateTranscriptionInput, signal?: AbortSignal): Promise<string>;
  /** `POST /v2/transcription/{jobId}/highlights` → a new job id; retries 4004 (still processing) with backoff. */
  createHighlights(transcriptionJobId: string, input: CreateHighlightsInput, signal?: AbortSignal): Promise<string>;
  /** `GET /v1/jobs/{jobId}`, at most once per budget interval per job. */
  getJob(jobId: string, signal?: AbortSignal): Promise<PictoryJob>;
}

/** Tuning of {@link createPictoryClient}; tests shrink the waits. */
export interface PictoryClientOptions {
  /** Backoff for 4004: the shared client's retry policy, so tests shrink both at once. */
  retry?: RetryPolicy;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  pollBudget?: PollBudget;
}

/** The shared client's options for a Pictory credential: bare key header, Pictory's error shapes, key scrubbed. */
export function pictoryHttpOptions(credentials: { apiKey: string; baseUrl: string }, overrides: Partial<HttpClientOptions> = {}): HttpClientOptions {
  return {
    provider: 'pictory',
    ...overrides,
    baseUrl: credentials.baseUrl.replace(/\/+$/, ''),
    // Pictory takes the key as is, no "Bearer" (https://docs.pictory.ai/api-reference/jobs/get-job-by-id).
    headers: { ...overrides.headers, Authorization: credentials.apiKey },
    secrets: [...(overrides.secrets ?? []), credentials.apiKey],
    parseError: overrides.parseError ?? ((body) => parsePictoryError(body)),
    bodyError: overrides.bodyError ?? pictoryBodyError,
  };
}

// 4004 means Pictory's side is still busy, not that the network blipped: without a policy, wait seconds, not ms.
const STILL_PROCESSING_DEFAULTS = { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 30_000 };


/**
 * Wraps a shared {@link HttpClient} made with {@link pictoryHttpOptions} into the typed Pictory client
 * (https://docs.pictory.ai/api-reference/transcription/video-transcription).
 */
export function createPictoryClient(http: HttpClient, options: PictoryClientOptions = {}): PictoryClient {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const budget = options.pollBudget ?? createPollBudget({ sleep });
  const attempts = Math.max(1, options.retry?.attempts ?? STILL_PROCESSING_DEFAULTS.attempts);
  const baseDelayMs = options.retry?.baseDelayMs ?? STILL_PROCESSING_DEFAULTS.baseDelayMs;
  const maxDelayMs = options.retry?.maxDelayMs ?? STILL_PROCESSING_DEFAULTS.maxDelayMs;
  const jobPath = (jobId: string) => encodeURIComponent(jobId);

  return {
    http,
    async createTranscription(input, signal) {
      const body = await http.json('POST', '/v2/transcription', {
        json: compact({ fileUrl: input.fileUrl, mediaType: input.mediaType, language: input.language, webhook: input.webhook }),
        idempotent: false,
        schema: pictoryCreatedSchema,
        ...(signal ? { signal } : {}),
      });
      return body.jobId;
    },

    async createHighlights(transcriptionJobId, input, signal) {
      const json = compact({ highlight_duration: input.highlight_duration, webhook: input.webhook, language: input.language });
      for (let attempt = 0; ; attempt++) {
        try {
          const body = await http.json('POST', `/v2/transcription/${jobPath(transcriptionJobId)}/highlights`, {
            json,
            // Never retried by the shared client: a 5xx or a reset may come after Pictory created the job.
            idempotent: false,
            schema: pictoryCreatedSchema,
            ...(signal ? { signal } : {}),
          });
          return body.jobId;
        } catch (error) {
          if (!isStillProcessing(error) || attempt + 1 >= attempts) throw error;
          // Full jitter, as the shared client does: random(0, min(max, base·2^n)).
          await sleep(Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt)), signal);
        }
      }
    },

    async getJob(jobId, signal) {
      await budget.take(jobId, signal);
      return http.json('GET', `/v1/jobs/${jobPath(jobId)}`, { schema: pictoryJobSchema, ...(signal ? { signal } : {}) });
    },
  };
}

/** Drops undefined fields, so optional parameters are left out of the JSON rather than sent as null. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
