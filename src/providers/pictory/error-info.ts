/**
 * Reads Pictory's error bodies into the shared client's {@link ProviderErrorInfo}: the provider's own code and
 * message, and whether trying again may help. Used both for non-2xx answers (`parseError`) and for HTTP 200
 * answers that say `success: false` (`bodyError`).
 *
 * Vendor docs: https://docs.pictory.ai/api-reference/transcription/generate-highlights-from-job
 * ("Implement retry logic for 4004 errors if the transcription is still processing").
 */
import type { ProviderErrorInfo } from '../../http/http-client-types.ts';
import { defaultParseError } from '../../http/provider-error-body.ts';
import { pictoryErrorSchema } from './schemas.ts';

/** Pictory's "the transcription is still processing" code (seed 000). */
export const STILL_PROCESSING_CODE = '4004';

/** Whether an error (any shape) carries Pictory's 4004 code. */
export function isStillProcessing(error: unknown): boolean {
  return (error as { providerCode?: unknown } | null)?.providerCode === STILL_PROCESSING_CODE;
}

/**
 * Normalises any Pictory error body. `retryable` is only set for 4004; for every other code the shared client
 * decides from the HTTP status (429 and 5xx retry, other 4xx do not), which is what Pictory's codes mean too.
 */
export function parsePictoryError(body: unknown): ProviderErrorInfo {
  const parsed = pictoryErrorSchema.safeParse(body);
  // Text, HTML pages from a proxy and unknown shapes: the shared reader knows what is worth keeping.
  if (!parsed.success) return defaultParseError(body);
  const b = parsed.data;
  const nested = typeof b.error === 'object' ? b.error : undefined;
  const rawCode = b.data?.error_code ?? nested?.code ?? b.code;
  const code = rawCode === undefined ? undefined : String(rawCode);
  const message = b.data?.error_message ?? b.data?.message ?? nested?.message ?? (typeof b.error === 'string' ? b.error : undefined) ?? b.message;
  return {
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(code === STILL_PROCESSING_CODE ? { retryable: true } : {}),
  };
}

/**
 * Finds an error inside a 2xx body: Pictory wraps answers in `{success, data}`, and `success: false` means the
 * request failed whatever the HTTP status said. A job whose `data.status` is `failed` is *not* a request error:
 * the poller reads it and tells the user what happened to the media.
 */
export function pictoryBodyError(body: unknown): ProviderErrorInfo | undefined {
  if (typeof body !== 'object' || body === null || (body as { success?: unknown }).success !== false) return undefined;
  const status = (body as { data?: { status?: unknown } }).data?.status;
  if (typeof status === 'string' && status !== '') return undefined;
  const info = parsePictoryError(body);
  return { ...info, message: info.message ?? 'Pictory answered success:false without saying why.' };
}
