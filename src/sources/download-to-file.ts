/**
 * Downloads a chat upload (a Slack file needs the bot token; a Discord attachment link expires) to a temporary
 * file through the safe fetcher, so it can be streamed on to a provider in constant memory.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { safeFetchStream, type SafeFetchOptions } from '../http/safe-fetch.ts';

/** Providers take files up to a few GB; chat platforms cap uploads near 1 GB anyway. */
export const MAX_UPLOAD_BYTES = 3 * 1024 * 1024 * 1024;

export interface DownloadedFile {
  path: string;
  contentType?: string;
  /** Removes the file and its folder. Safe to call twice. */
  remove(): Promise<void>;
}

export async function downloadToFile(url: string, filename: string, options: Partial<SafeFetchOptions> = {}): Promise<DownloadedFile> {
  const dir = await mkdtemp(join(tmpdir(), 'recap-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const response = await safeFetchStream(url, {
      maxBytes: MAX_UPLOAD_BYTES,
      timeoutMs: 30 * 60 * 1000,
      acceptContentType: () => true,
      ...options,
    });
    const path = join(dir, basename(filename).replace(/[^\w.-]+/g, '_') || 'upload');
    await pipeline(Readable.from(response.body), createWriteStream(path));
    return { path, ...(response.contentType ? { contentType: response.contentType } : {}), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
