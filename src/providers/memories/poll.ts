/**
 * The Memories.ai poll: one status read per poll (the audio transcription, see `client.ts`), and on PARSE one
 * CHAPTER summary when the user wants a summary or chapters. So a finished video costs two calls, a pending poll
 * one, plus a visual-transcription check every few empty polls:
 *
 *   UNPARSE (no speech yet)        → pending/transcribing; every {@link VISUAL_CHECK_EVERY}th empty read also asks
 *                                    for the video transcription: if that exists, the video is parsed (`data:null`
 *                                    alone cannot tell "no audio" from "not ready"), so the speech is read once
 *                                    more — it may have just finished — before failing with "no speech"
 *   PARSE                          → done: transcript, plus summary and chapters as wanted
 *   PARSE_ERROR                    → failed, saying what happened and what to do
 *   0429 after the client's backoff → pending with retryAfterMs
 *
 * Public `PI-…` videos are read with the public endpoints and get no provider summary (there is no public
 * summary endpoint); the router makes summary and chapters locally.
 *
 * Vendor docs: https://memories.ai/docs/API/Transcription/audio-transcription/, https://memories.ai/docs/API/Transcription/summary/
 */
import type { Analysis } from '../../domain/recap.ts';
import type { Transcript } from '../../domain/transcript.ts';
import { RecapError } from '../../errors.ts';
import type { ProviderJob, ProviderPoll, ProviderRequest } from '../provider.ts';
import type { MemoriesClient, VideoState } from './client.ts';
import { isBadRequest, isBusy } from './envelope.ts';
import { summaryText, toChapters, toSpeechTranscript, toVisualTranscript } from './map.ts';
import type { MemoriesSummary } from './schemas.ts';

/** Empty reads between two checks of the video transcription (a silent video would otherwise wait forever). */
export const VISUAL_CHECK_EVERY = 3;

export interface MemoriesPollerOptions {
  /** Suggested wait after a `0429` that outlived the client's own backoff. */
  retryAfterMs: number;
  visualCheckEvery?: number;
}

const NO_SPEECH_HINT = 'Check that the recording has audible speech, or send a transcript or caption file (VTT, SRT or TXT) instead.';

/** Makes the `poll` of the Memories.ai provider (https://memories.ai/docs/API/Transcription/audio-transcription/). */
export function createMemoriesPoller(client: MemoriesClient, options: MemoriesPollerOptions) {
  const every = Math.max(1, options.visualCheckEvery ?? VISUAL_CHECK_EVERY);
  const ref = (job: ProviderJob) => `memories:${job.id}`;
  const busy = (stage: 'transcribing' | 'analyzing', job: ProviderJob): ProviderPoll => ({ status: 'pending', stage, job, retryAfterMs: options.retryAfterMs });

  function parseError(job: ProviderJob, cause: string | undefined): ProviderPoll {
    const reason = cause ? `: ${cause}` : '.';
    return {
      status: 'failed',
      message: `Memories.ai could not process ${ref(job)}${reason}`,
      hint: job.state?.existing
        ? 'Check the id: it must be a video on the Memories.ai account Recap uses. Or recap the original link again.'
        : 'Check that the link opens the video without signing in and that it is h264, h265, vp9 or hevc, then ask again.',
    };
  }

  const noSpeech = (job: ProviderJob): ProviderPoll => ({
    status: 'failed',
    message: `Memories.ai found no speech in ${ref(job)} (no audio track, or nobody speaks).`,
    hint: NO_SPEECH_HINT,
  });

  /**
   * Every few empty reads: is the video parsed after all, just without speech? The visual transcription says so.
   * The video may also have finished (or failed) between the two reads, so the speech is read once more before
   * concluding "none". Returns the settled state, `'silent'`, or undefined for "still not parsed".
   */
  async function checkSilent(job: ProviderJob, request: ProviderRequest, isPublic: boolean, uniqueId: string | undefined): Promise<VideoState | 'silent' | undefined> {
    const signal = request.signal;
    try {
      const visual = isPublic ? await client.publicVideoTranscription(job.id, signal) : await client.videoTranscription(job.id, uniqueId, signal);
      if (!toVisualTranscript(visual)) return undefined;
      const again = await client.status(job.id, { public: isPublic, ...(uniqueId ? { uniqueId } : {}), ...(signal ? { signal } : {}) });
      return again.status === 'UNPARSE' ? 'silent' : again;
    } catch (error) {
      if (isBusy(error)) return undefined;
      if (isBadRequest(error)) return { status: 'PARSE_ERROR', ...(error.providerMessage ? { cause: error.providerMessage } : {}) };
      throw error;
    }
  }

  /** The CHAPTER summary, or undefined when it is not wanted, not offered, or failed for good (the router fills in). */
  async function readSummary(job: ProviderJob, request: ProviderRequest, uniqueId: string | undefined): Promise<MemoriesSummary | undefined | 'busy'> {
    const wanted = request.want.includes('summary') || request.want.includes('chapters');
    if (!wanted || job.state?.public) return undefined;
    try {
      return (await client.summary(job.id, 'CHAPTER', uniqueId, request.signal)) ?? undefined;
    } catch (error) {
      if (isBusy(error)) return 'busy';
      // A passing failure (timeout, 5xx) is ridden out by the router's poll loop; a lasting one costs only the
      // provider's summary: the transcript is fine and the router summarises it locally.
      if (error instanceof RecapError && error.retryable) throw error;
      return undefined;
    }
  }

  function analysisOf(request: ProviderRequest, summary: MemoriesSummary | undefined, transcript: Transcript): Analysis {
    const analysis: Analysis = {};
    const text = summaryText(summary);
    if (text && request.want.includes('summary')) analysis.summary = { text };
    const chapters = toChapters(summary, transcript.durationMs);
    // Empty chapters are left out, so the router makes them locally instead of showing none.
    if (chapters.length > 0 && request.want.includes('chapters')) analysis.chapters = chapters;
    return analysis;
  }

  return async function poll(job: ProviderJob, request: ProviderRequest): Promise<ProviderPoll> {
    const isPublic = job.state?.public === true;
    const uniqueId = typeof job.state?.uniqueId === 'string' ? job.state.uniqueId : undefined;
    let state: VideoState;
    try {
      state = await client.status(job.id, { public: isPublic, ...(uniqueId ? { uniqueId } : {}), ...(request.signal ? { signal: request.signal } : {}) });
    } catch (error) {
      if (isBusy(error)) return busy('transcribing', job);
      throw error;
    }
    if (state.status === 'UNPARSE') {
      const emptyReads = (typeof job.state?.emptyReads === 'number' ? job.state.emptyReads : 0) + 1;
      const checked = emptyReads % every === 0 ? await checkSilent(job, request, isPublic, uniqueId) : undefined;
      if (checked === 'silent') return noSpeech(job);
      if (!checked) return { status: 'pending', stage: 'transcribing', job: { ...job, state: { ...job.state, emptyReads } } };
      state = checked;
    }
    if (state.status === 'PARSE_ERROR') return parseError(job, state.cause);

    const transcript = toSpeechTranscript(state.transcription, request.lang ? { language: request.lang } : {});
    if (!transcript) return noSpeech(job);
    const summary = await readSummary(job, request, uniqueId);
    if (summary === 'busy') return busy('analyzing', job);
    return {
      status: 'done',
      result: {
        transcript,
        analysis: analysisOf(request, summary, transcript),
        ...(request.lang ? { language: request.lang } : {}),
        ...(job.state?.existing ? { source: ref(job) } : {}),
      },
    };
  };
}
