/**
 * The Pictory poll state machine. A recap with highlights is two Pictory jobs: the transcription, then a
 * highlights job made from it. `ProviderJob.id` stays the transcription job (the id users can come back with);
 * `state.highlightsJobId` appears once the highlights job exists. Each poll makes at most one status read and at
 * most one POST:
 *
 *   transcription in-progress → pending/transcribing
 *   transcription completed   → done (no highlights wanted), or POST highlights → pending/analyzing
 *   highlights in-progress    → pending/analyzing
 *   highlights completed      → done with the transcript and the highlights
 *   failed / cleaned          → failed, saying what happened and what to do
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/jobs/get-job-by-id
 */
import { DEFAULT_HIGHLIGHTS_SECONDS, type Highlight } from '../../domain/recap.ts';
import type { Transcript } from '../../domain/transcript.ts';
import { ProviderError } from '../../http/provider-error.ts';
import type { ProviderJob, ProviderPoll, ProviderRequest } from '../provider.ts';
import type { PictoryClient } from './client.ts';
import { isStillProcessing } from './error-info.ts';
import { hasHighlights, toHighlights, toTranscript } from './map.ts';
import type { PictoryJob, PictoryJobData } from './schemas.ts';

/** Tuning of {@link createPictoryPoller}. */
export interface PollerOptions {
  /** Suggested wait after a 4004 that outlived the client's own retries. */
  retryAfterMs: number;
}

/**
 * Transcripts of completed transcription jobs whose highlights are still being made, so the final poll need not
 * read the transcription again (and still has it if Pictory cleans that job meanwhile). Small and bounded: after
 * a restart the transcript is simply read again.
 */
const CACHE_LIMIT = 16;

/**
 * Makes the `poll` of the Pictory provider. Each call reads one job (the transcription, or the highlights job once
 * it exists) and moves the state machine above one step; see https://docs.pictory.ai/api-reference/jobs/get-job-by-id.
 */
export function createPictoryPoller(client: PictoryClient, options: PollerOptions) {
  const cache = new Map<string, Transcript>();
  const remember = (jobId: string, transcript: Transcript) => {
    cache.delete(jobId);
    cache.set(jobId, transcript);
    while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  };

  const ref = (job: ProviderJob) => `pictory:${job.id}`;
  const pending = (stage: 'transcribing' | 'analyzing', job: ProviderJob, retryAfterMs?: number): ProviderPoll => ({
    status: 'pending',
    stage,
    job,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
  const done = (job: ProviderJob, request: ProviderRequest, transcript: Transcript, highlights?: Highlight[]): ProviderPoll => {
    cache.delete(job.id);
    return {
      status: 'done',
      result: {
        transcript,
        // Empty highlights are left out, so the router fills them locally instead of showing none.
        analysis: highlights && highlights.length > 0 ? { highlights } : {},
        ...(request.lang ? { language: request.lang } : {}),
        ...(job.state?.existing ? { source: ref(job) } : {}),
      },
    };
  };

  /** A finished job that cannot be used, in the user's terms. */
  function unusable(job: ProviderJob, data: PictoryJobData, what: string): ProviderPoll {
    if (data.status === 'cleaned') {
      return {
        status: 'failed',
        message: `Pictory no longer has the ${what} of ${ref(job)}: it deletes finished results after a while.`,
        hint: 'Run the recap again from the original link, so Pictory transcribes it anew.',
      };
    }
    const reason = data.error_message ? `: ${data.error_message}` : '.';
    return {
      status: 'failed',
      message: `Pictory could not produce the ${what} of ${ref(job)}${reason}`,
      hint: 'Check that the link opens the audio or video without signing in and that it has speech, then ask again.',
    };
  }

  function usableTranscript(job: ProviderJob, data: PictoryJobData, request: ProviderRequest): Transcript | ProviderPoll {
    const transcript = toTranscript(data, request.lang);
    if (transcript.utterances.length > 0) return transcript;
    return {
      status: 'failed',
      message: `Pictory found no speech in ${ref(job)}.`,
      hint: 'Check that the recording has audible speech, or send a transcript or caption file instead.',
    };
  }

  /** Reads a job; an id Pictory does not know (404) becomes a failure that says so instead of an HTTP error. */
  async function readJob(job: ProviderJob, jobId: string, request: ProviderRequest): Promise<PictoryJob | ProviderPoll> {
    try {
      return await client.getJob(jobId, request.signal);
    } catch (error) {
      if (!(error instanceof ProviderError) || error.status !== 404) throw error;
      return {
        status: 'failed',
        message: `Pictory has no job ${jobId === job.id ? ref(job) : `${jobId} (the highlights of ${ref(job)})`}.`,
        hint: 'Check the id: it is the jobId Pictory returned for the transcription. Or recap the original link again.',
      };
    }
  }

  async function pollTranscription(job: ProviderJob, request: ProviderRequest): Promise<ProviderPoll> {
    let transcript = cache.get(job.id);
    if (!transcript) {
      const read = await readJob(job, job.id, request);
      if (!('data' in read)) return read;
      const { data } = read;
      if (data.status === 'failed' || data.status === 'cleaned') return unusable(job, data, 'transcript');
      // Pictory's advice: "verify both the status and the presence of transcript data" before trusting completion.
      if (data.status !== 'completed' || !data.transcript) return pending('transcribing', job);
      const usable = usableTranscript(job, data, request);
      if (!('utterances' in usable)) return usable;
      // A highlights job id handed in as a reference already holds its result.
      if (hasHighlights(data)) return done(job, request, usable, toHighlights(data));
      if (!request.want.includes('highlights')) return done(job, request, usable);
      transcript = usable;
      remember(job.id, transcript);
    }
    try {
      const highlightsJobId = await client.createHighlights(
        job.id,
        {
          highlight_duration: Math.max(1, Math.round(request.highlightsSeconds ?? DEFAULT_HIGHLIGHTS_SECONDS)),
          ...(request.callback ? { webhook: request.callback.url } : {}),
          ...(request.lang ? { language: request.lang } : {}),
        },
        request.signal,
      );
      return pending('analyzing', { ...job, state: { ...job.state, highlightsJobId } });
    } catch (error) {
      // Still 4004 after the client's backoff: no job exists yet, so the next poll simply asks again.
      if (isStillProcessing(error)) return pending('analyzing', job, options.retryAfterMs);
      throw error;
    }
  }

  async function pollHighlights(job: ProviderJob, highlightsJobId: string, request: ProviderRequest): Promise<ProviderPoll> {
    const read = await readJob(job, highlightsJobId, request);
    if (!('data' in read)) return read;
    const { data } = read;
    if (data.status !== 'completed' && data.status !== 'failed' && data.status !== 'cleaned') return pending('analyzing', job);
    // A failed or expired highlights job costs only the highlights: the router makes them locally instead.
    const highlights = data.status === 'completed' ? toHighlights(data) : [];
    let transcript = cache.get(job.id);
    if (!transcript) {
      const source = await readJob(job, job.id, request);
      if (!('data' in source)) return source;
      if (source.data.status === 'completed' && source.data.transcript) {
        const usable = usableTranscript(job, source.data, request);
        if (!('utterances' in usable)) return usable;
        transcript = usable;
      } else if (source.data.status === 'cleaned' && data.transcript && data.transcript.length > 0) {
        // The transcription expired, but the highlights job carries the transcript it marked up.
        transcript = toTranscript(data, request.lang);
      } else if (source.data.status === 'failed' || source.data.status === 'cleaned') {
        return unusable(job, source.data, 'transcript');
      } else {
        return pending('analyzing', job);
      }
    }
    return done(job, request, transcript, highlights);
  }

  return async function poll(job: ProviderJob, request: ProviderRequest): Promise<ProviderPoll> {
    const highlightsJobId = job.state?.highlightsJobId;
    if (typeof highlightsJobId === 'string' && highlightsJobId !== '') return pollHighlights(job, highlightsJobId, request);
    return pollTranscription(job, request);
  };
}
