/**
 * Turns a media reference into a transcript: local files (shell and CLI), links fetched through the safe
 * fetcher, and, in later versions, provider jobs. Every failure is a RecapError that says what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readTranscript } from '../analysis/formats/index.ts';
import type { Config } from '../config.ts';
import type { MediaRef, ProviderName } from '../domain/media-ref.ts';
import type { Transcript } from '../domain/transcript.ts';
import { RecapError } from '../errors.ts';
import { safeFetch, type SafeFetchOptions } from '../http/safe-fetch.ts';
import { extensionOf, isMediaContentType, isMediaExtension } from './media-kind.ts';
import { providerUnavailable, speechProviderRequired } from './provider-required.ts';

/** Caption and transcript files are small; a 4-hour meeting's VTT is under 1 MB. */
export const MAX_TRANSCRIPT_BYTES = 25 * 1024 * 1024;

export interface ResolvedSource {
  transcript: Transcript;
  /** How replies name it: the file name or the link's last path segment. */
  source: string;
  /** A public link to the media, when there is one. */
  mediaUrl?: string;
}

export interface ResolveOptions {
  config: Config;
  /** Relative paths resolve against this folder (the shell's working directory). */
  cwd?: string;
  /** Overrides for the safe fetcher; tests use them to reach their own 127.0.0.1 servers. */
  fetchOptions?: Partial<SafeFetchOptions>;
  provider?: ProviderName;
  signal?: AbortSignal;
}

export async function resolveTranscript(ref: MediaRef, options: ResolveOptions): Promise<ResolvedSource> {
  const { config } = options;
  if (options.provider && options.provider !== 'local') {
    throw providerUnavailable(options.provider, config, 'Using --provider');
  }
  switch (ref.kind) {
    case 'file':
      return readLocalFile(ref.path, options);
    case 'url':
      return fetchLink(ref.url, options);
    case 'provider':
      if (ref.provider === 'local') throw new RecapError('bad_input', 'local: is not a reference.', { hint: 'Give a file or a link.' });
      throw providerUnavailable(ref.provider, config, `${ref.variant ?? ref.provider}:${ref.id}`);
    case 'upload':
      throw new RecapError('unsupported', 'This version of Recap cannot read chat uploads yet.', {
        hint: 'Share a link to the file instead.',
      });
  }
}

async function readLocalFile(path: string, options: ResolveOptions): Promise<ResolvedSource> {
  const full = resolve(options.cwd ?? process.cwd(), path.replace(/^~(?=[\\/])/, process.env.HOME ?? '~'));
  const name = basename(full);
  if (isMediaExtension(extensionOf(full))) throw speechProviderRequired(options.config, name);
  let size: number;
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      throw new RecapError('bad_input', `${path} is a folder, not a file.`, { hint: 'Give the path of a VTT, SRT or TXT file.' });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw new RecapError('not_found', `There is no file at ${path}.`, {
      hint: `Check the path; relative paths start from ${options.cwd ?? process.cwd()}.`,
      cause: error,
    });
  }
  if (size > MAX_TRANSCRIPT_BYTES) {
    throw new RecapError('too_large', `${name} is ${Math.round(size / 1024 / 1024)} MB; a transcript file is at most 25 MB.`, {
      hint: 'Audio and video go to a speech provider; for a transcript, check that you picked the right file.',
    });
  }
  const bytes = await readFile(full);
  return { transcript: readTranscript(bytes, { filename: name }), source: name };
}

async function fetchLink(url: string, options: ResolveOptions): Promise<ResolvedSource> {
  const name = linkName(url);
  if (isMediaExtension(extensionOf(url))) throw speechProviderRequired(options.config, name);
  const response = await safeFetch(url, {
    maxBytes: MAX_TRANSCRIPT_BYTES,
    ...options.fetchOptions,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (isMediaContentType(response.contentType)) throw speechProviderRequired(options.config, name);
  const transcript = readTranscript(response.body, {
    filename: name,
    ...(response.contentType ? { contentType: response.contentType } : {}),
  });
  return { transcript, source: name };
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
