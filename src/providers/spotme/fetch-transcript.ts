/**
 * Fetches a generated transcript: fresh links (re-read when they expire within 5 minutes, never regenerated), the
 * VTT (or the TXT when there is no VTT), then the shared readers. A link refused on download is most likely one
 * that expired between reading and fetching (clocks differ), so the links are read once more and the download
 * tried once more before giving up.
 */
import type { Transcript } from '../../domain/transcript.ts';
import { RecapError } from '../../errors.ts';
import { ProviderError } from '../../http/provider-error.ts';
import type { SpotMeClient } from './client.ts';
import { toTranscript, type SpotMeRecordings } from './map.ts';
import type { SpotMeKind } from './paths.ts';

export type FetchedTranscript =
  | { kind: 'transcript'; transcript: Transcript; recordings: SpotMeRecordings }
  /** SpotMe answered 404 on the recordings: nothing generated (yet, or any more). */
  | { kind: 'missing' }
  /** Recordings exist but hold neither a VTT nor a TXT link. */
  | { kind: 'no-transcript-file' };

/**
 * Reads the links and downloads the transcript of a target. `reread` skips the cached links: right after a job
 * completes, links read earlier (by another recap of the same session) point at the transcript it replaced.
 */
export async function fetchTranscript(
  client: SpotMeClient,
  kind: SpotMeKind,
  id: string,
  options: { reread?: boolean; signal?: AbortSignal } = {},
): Promise<FetchedTranscript> {
  const { signal } = options;
  let recordings = options.reread ? await client.getRecordings(kind, id, signal) : await client.freshLinks(kind, id, signal);
  if (!recordings) return { kind: 'missing' };
  let file = pickFile(recordings);
  if (!file) return { kind: 'no-transcript-file' };
  let content: string | Uint8Array;
  try {
    content = await client.download(file.url, file.format, signal);
  } catch (error) {
    if (!linkRefused(error)) throw downloadFailed(kind, id, error);
    recordings = await client.getRecordings(kind, id, signal);
    file = recordings ? pickFile(recordings) : undefined;
    if (!recordings || !file) throw downloadFailed(kind, id, error);
    content = await client.download(file.url, file.format, signal).catch((again: unknown) => {
      throw downloadFailed(kind, id, again);
    });
  }
  try {
    return { kind: 'transcript', transcript: toTranscript(content, file.format, recordings.languageCode), recordings };
  } catch (error) {
    throw new RecapError('provider_error', `SpotMe's transcript of ${kind} ${id} has no text Recap can read.`, {
      hint: 'Check the transcript in Backstage; regenerate it there if it is empty.',
      cause: error,
    });
  }
}

/** The VTT when there is one (it has times), else the TXT. */
function pickFile(recordings: SpotMeRecordings): { url: string; format: 'vtt' | 'txt' } | undefined {
  if (recordings.vttUrl) return { url: recordings.vttUrl, format: 'vtt' };
  if (recordings.txtUrl) return { url: recordings.txtUrl, format: 'txt' };
  return undefined;
}

/** Refusals a fresh link can cure: expired or revoked signatures answer 401/403/404/410 on CDNs. */
function linkRefused(error: unknown): boolean {
  if (error instanceof ProviderError) return error.status === 401 || error.status === 403 || error.status === 404 || error.status === 410;
  // The safe fetcher reports any non-2xx answer as `fetch_failed`, retryable only for 408/425/429/5xx.
  return error instanceof RecapError && error.code === 'fetch_failed' && !error.retryable;
}

/**
 * The safe fetcher words its errors for links users share ("share a public link"); for SpotMe's own files that
 * advice is wrong, so the message is reworded and the code and retryability kept.
 */
function downloadFailed(kind: SpotMeKind, id: string, error: unknown): unknown {
  if (error instanceof ProviderError || !(error instanceof RecapError)) return error;
  return new RecapError(error.code, `Recap could not download SpotMe's transcript of ${kind} ${id}: ${error.message}`, {
    hint: error.retryable ? 'Try again in a few minutes.' : 'Try again later; if it keeps failing, tell whoever runs Recap (the details are in its log).',
    retryable: error.retryable,
    cause: error,
  });
}
