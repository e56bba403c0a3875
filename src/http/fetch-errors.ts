import { STATUS_CODES } from 'node:http';
import { RecapError } from '../errors.ts';
import { describeUrlForLog } from './describe-url.ts';

/** The timeouts in force for one fetch, so messages can say which limit was hit. */
export interface FetchTimeouts {
  timeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Renders a byte count for messages: "512 B", "3.2 MiB", "5.0 GiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** The error for a final response outside 2xx. 408, 425, 429 and 5xx are retryable; other 4xx are not. */
export function httpStatusError(status: number, url: URL): RecapError {
  const reason = STATUS_CODES[status];
  const where = describeUrlForLog(url);
  const message = `The link answered HTTP ${status}${reason ? ` (${reason})` : ''} for ${where}.`;
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  let hint = 'Check that the link is complete and that the file is still there.';
  if (status === 401 || status === 403) hint = 'The file looks private; share a link that opens without signing in.';
  else if (retryable) hint = 'The server had a problem or is busy; try again in a few minutes.';
  return new RecapError('fetch_failed', message, { hint, retryable });
}

/** The error for a body that grew past the byte cap (announced or counted). */
export function tooLargeError(url: URL, maxBytes: number, announcedBytes?: number): RecapError {
  const size = announcedBytes === undefined ? 'larger than' : `${formatBytes(announcedBytes)}, over`;
  return new RecapError('too_large', `The file at ${describeUrlForLog(url)} is too large (${size} the ${formatBytes(maxBytes)} limit).`, {
    hint: 'Share a shorter recording or a smaller file.',
  });
}

/**
 * Turns whatever undici, the network or the resolver threw into a RecapError with a message the user can
 * act on. RecapErrors (policy refusals, our own deadline) pass through unchanged. Messages name the URL by
 * origin and path only, since query strings can hold signed tokens.
 */
export function toFetchError(error: unknown, url: URL, timeouts: FetchTimeouts): RecapError {
  if (error instanceof RecapError) return error;
  const where = describeUrlForLog(url);
  const code = errorCode(error);
  const retry = { retryable: true, cause: error };
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new RecapError('timeout', `The server at ${where} did not answer within ${seconds(timeouts.headersTimeoutMs)}.`, {
        hint: 'Try again later, or share a link from a faster host.',
        ...retry,
      });
    case 'UND_ERR_BODY_TIMEOUT':
      return new RecapError('timeout', `The server at ${where} stopped sending data for more than ${seconds(timeouts.bodyTimeoutMs)}.`, {
        hint: 'Try again later, or share a link from a faster host.',
        ...retry,
      });
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new RecapError('timeout', `Could not connect to the server at ${where} in time.`, {
        hint: 'Check that the site is up, then try again.',
        ...retry,
      });
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new RecapError('too_large', `The file at ${where} is larger than the download limit.`, {
        hint: 'Share a shorter recording or a smaller file.',
        cause: error,
      });
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return new RecapError('fetch_failed', `The server name in ${where} does not exist.`, {
        hint: 'Check the link for typos.',
        cause: error,
      });
  }
  if (code !== undefined && /CERT|TLS|SSL/.test(code)) {
    return new RecapError('fetch_failed', `The server at ${where} has an invalid HTTPS certificate (${code}).`, {
      hint: 'Share the file from a site with a valid certificate.',
      cause: error,
    });
  }
  return new RecapError('fetch_failed', `Could not download ${where}${code ? ` (${code})` : ''}.`, {
    hint: 'Check that the link opens in a browser, then try again.',
    ...retry,
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy Eyeballs (autoSelectFamily) reports one AggregateError for all the addresses it tried.
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return errorCode((error as { cause?: unknown }).cause);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
