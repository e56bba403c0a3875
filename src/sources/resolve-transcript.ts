/**
 * Reads transcripts the local analyzer can serve on its own: local files (shell and CLI) and links to caption or
 * transcript files, fetched through the safe fetcher. Audio and video are told apart here so the router can send
 * them to a speech provider instead.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readTranscript } from '../analysis/formats/index.ts';
import type { Analysis } from '../domain/recap.ts';
import type { Transcript } from '../domain/transcript.ts';
import { RecapError } from '../errors.ts';
import { safeFetchStream, type SafeFetchOptions } from '../http/safe-fetch.ts';
import type { ProviderHandle } from '../providers/provider.ts';
import { isMediaContentType } from './media-kind.ts';

/** Caption and transcript files are small; a 4-hour meeting's VTT is under 1 MB. */
export const MAX_TRANSCRIPT_BYTES = 25 * 1024 * 1024;

export interface ResolvedSource {
  /** Absent only when a provider finished without any text (e.g. a video with no speech). */
  transcript?: Transcript;
  /** How replies name it: the file name, the link's last path segment, `assemblyai:…`. */
  source: string;
  /** A public link to the media, when there is one. */
  mediaUrl?: string;
  /** What a provider produced itself; the local analyzer fills the rest. */
  native?: Analysis;
  /** Language the provider reported. */
  language?: string;
  /** Which provider did the work (`local` for the analyzer alone). */
  provider: string;
  /** The provider's own copy of the result, for links that ask it again later (its captions, fresh media URLs). */
  handle?: ProviderHandle;
}

/** Resolves `~` and relative paths the way the user typed them. */
export function localPath(path: string, cwd: string | undefined): string {
  return resolve(cwd ?? process.cwd(), path.replace(/^~(?=[\\/])/, process.env.HOME ?? '~'));
}

/** Checks a local file exists, is a file, and returns its size; errors say what to do. */
export async function statLocalFile(path: string, cwd: string | undefined): Promise<{ full: string; name: string; size: number }> {
  const full = localPath(path, cwd);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      throw new RecapError('bad_input', `${path} is a folder, not a file.`, { hint: 'Give the path of a VTT, SRT or TXT file.' });
    }
    return { full, name: basename(full), size: info.size };
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw new RecapError('not_found', `There is no file at ${path}.`, {
      hint: `Check the path; relative paths start from ${cwd ?? process.cwd()}.`,
      cause: error,
    });
  }
}

export async function readLocalTranscript(path: string, cwd: string | undefined): Promise<ResolvedSource> {
  const { full, name, size } = await statLocalFile(path, cwd);
  if (size > MAX_TRANSCRIPT_BYTES) {
    throw new RecapError('too_large', `${name} is ${Math.round(size / 1024 / 1024)} MB; a transcript file is at most 25 MB.`, {
      hint: 'Audio and video go to a speech provider; for a transcript, check that you picked the right file.',
    });
  }
  const bytes = await readFile(full);
  return { transcript: readTranscript(bytes, { filename: name }), source: name, provider: 'local' };
}

export type LinkOutcome = { kind: 'transcript'; resolved: ResolvedSource } | { kind: 'media'; contentType: string };

/**
 * Fetches a link safely. When the server says it is audio or video, the body is not read: the caller hands the
 * link to a speech provider instead.
 */
export async function fetchTranscriptLink(url: string, fetchOptions: Partial<SafeFetchOptions> | undefined, signal?: AbortSignal): Promise<LinkOutcome> {
  const response = await safeFetchStream(url, {
    maxBytes: MAX_TRANSCRIPT_BYTES,
    ...fetchOptions,
    ...(signal ? { signal } : {}),
  });
  if (isMediaContentType(response.contentType)) {
    response.close();
    return { kind: 'media', contentType: response.contentType! };
  }
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of response.body) chunks.push(chunk);
  } finally {
    response.close();
  }
  const name = linkName(url);
  const transcript = readTranscript(Buffer.concat(chunks), {
    filename: name,
    ...(response.contentType ? { contentType: response.contentType } : {}),
  });
  return { kind: 'transcript', resolved: { transcript, source: name, provider: 'local' } };
}

/** The last path segment of a link, or its host: how a person names what they shared. */
export function linkName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last).slice(0, 100) : parsed.host;
  } catch {
    return 'the link';
  }
}
