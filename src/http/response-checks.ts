import type { IncomingHttpHeaders } from 'node:http';
import { RecapError } from '../errors.ts';
import { describeUrlForLog } from './describe-url.ts';
import { httpStatusError, tooLargeError } from './fetch-errors.ts';

/** Decides from the Content-Type header (raw, parameters included; undefined when absent) whether to read on. */
export type ContentTypePredicate = (contentType: string | undefined) => boolean;

const WEB_PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The bare, lower-cased media type of a Content-Type header: "Text/HTML; charset=utf-8" → "text/html". */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const bare = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

/**
 * The default content-type policy: anything but a web page. A share link that answers HTML is almost
 * always a viewer or sign-in page, never the transcript or media itself.
 */
export const notAWebPage: ContentTypePredicate = (contentType) => !WEB_PAGE_TYPES.has(mediaTypeOf(contentType) ?? '');

/** What the final response announced, once it passed {@link checkFinalResponse}. */
export interface AcceptedHead {
  contentType?: string;
  contentLength?: number;
}

/**
 * Checks a final (non-redirect) response before a single body byte is read: status, encoding, type, size.
 * @throws RecapError (`fetch_failed`, `unsupported`, `bad_input` or `too_large`).
 */
export function checkFinalResponse(
  statusCode: number,
  headers: IncomingHttpHeaders,
  url: URL,
  limits: { maxBytes: number; acceptContentType: ContentTypePredicate },
): AcceptedHead {
  if (statusCode < 200 || statusCode > 299) throw httpStatusError(statusCode, url);
  const where = describeUrlForLog(url);
  const encoding = single(headers['content-encoding'])?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    // We asked for identity. Decompressing would turn a 10 KB gzip bomb into gigabytes and make the byte
    // cap meaningless for streamed uploads, so compressed answers are refused instead.
    throw new RecapError('unsupported', `The server at ${where} sent the file compressed (${encoding}), which Recap does not unpack.`, {
      hint: 'Share a direct link to the uncompressed file.',
    });
  }
  const contentType = single(headers['content-type']);
  if (!limits.acceptContentType(contentType)) {
    const type = mediaTypeOf(contentType) ?? 'no content type';
    const what = WEB_PAGE_TYPES.has(type) ? `a web page (${type})` : `content of type ${type}`;
    throw new RecapError('bad_input', `The link returned ${what}, not a transcript or media file.`, {
      hint: 'Share a direct download link to the file, not the page that shows it.',
    });
  }
  const contentLength = parseLength(single(headers['content-length']));
  if (contentLength !== undefined && contentLength > limits.maxBytes) {
    // Refuse before reading: the announced size is already over the cap.
    throw tooLargeError(url, limits.maxBytes, contentLength);
  }
  const head: AcceptedHead = {};
  if (contentType !== undefined) head.contentType = contentType;
  if (contentLength !== undefined) head.contentLength = contentLength;
  return head;
}

/**
 * Yields the body's chunks while counting them, and throws `too_large` as soon as the count passes the cap
 * (servers may omit or lie about Content-Length). Leaving the loop, by error or by the consumer's `break`,
 * destroys the source (for await does that) and then runs `release`.
 */
export async function* cappedBody(
  source: AsyncIterable<Uint8Array>,
  url: URL,
  maxBytes: number,
  toError: (error: unknown) => unknown,
  release: () => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  let received = 0;
  try {
    for await (const chunk of source) {
      received += chunk.byteLength;
      if (received > maxBytes) throw tooLargeError(url, maxBytes);
      yield chunk;
    }
  } catch (error) {
    throw toError(error);
  } finally {
    release();
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
