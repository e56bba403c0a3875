/**
 * Memories.ai's answer codes. Every answer is an envelope `{code, msg, data, success, failed}` and errors usually
 * arrive as HTTP 200 with a code other than `0000`, so the shared client needs two hooks: `bodyError` finds the
 * error inside a 2xx body and `parseError` reads a non-2xx one. Only `0429` (busy) is worth another try; the client
 * backs off (1 s → 32 s, as providers.md says). {@link explainMemoriesError} then rewrites the client's generic
 * "reported an error (code 0402)" into what the code means for the person in the chat.
 *
 * Vendor docs: https://memories.ai/docs/rate-limits/ and the response codes of https://memories.ai/docs/API/
 */
import type { ErrorCode } from '../../errors.ts';
import type { ProviderErrorInfo } from '../../http/http-client-types.ts';
import { defaultParseError } from '../../http/provider-error-body.ts';
import { ProviderError } from '../../http/provider-error.ts';

/** The code of a successful answer. */
export const OK_CODE = '0000';
/** "Busy": the per-account rate limit (about 1 request per second). */
export const BUSY_CODE = '0429';
/** Bad parameters; also what Memories.ai answers for a video it cannot serve ("video not found"). */
export const BAD_REQUEST_CODES: ReadonlySet<string> = new Set(['0001', '0003']);

/**
 * `0429`, `"429"` and `429` are one code: the docs write four-digit strings, but the rate-limit page shows a
 * numeric `429`. Numbers and short digit strings are padded to four digits; anything else is kept as it is.
 */
export function normaliseCode(code: unknown): string | undefined {
  if (typeof code === 'number' && Number.isInteger(code) && code >= 0) return String(code).padStart(4, '0');
  if (typeof code !== 'string' || code.trim() === '') return undefined;
  const trimmed = code.trim();
  return /^\d{1,4}$/.test(trimmed) ? trimmed.padStart(4, '0') : trimmed;
}

function record(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

function infoOf(code: string | undefined, message: unknown): ProviderErrorInfo {
  const text = typeof message === 'string' && message.trim() !== '' ? message.trim().slice(0, 500) : undefined;
  return {
    ...(code !== undefined ? { code } : {}),
    ...(text !== undefined ? { message: text } : {}),
    // Only "busy" is retried; every other code says the same thing however often it is asked.
    ...(code === BUSY_CODE ? { retryable: true } : {}),
  };
}

/**
 * The `bodyError` hook: the envelope's error, or undefined for `0000`. A body with no code but `success:false` or
 * `failed:true` is an error too. Bodies that are not envelopes are left to the schema, which names what is missing.
 * Codes: https://memories.ai/docs/API/ (response codes), busy: https://memories.ai/docs/rate-limits/
 */
export function memoriesBodyError(body: unknown): ProviderErrorInfo | undefined {
  const envelope = record(body);
  if (!envelope) return undefined;
  const code = normaliseCode(envelope.code);
  if (code === OK_CODE) return undefined;
  if (code === undefined && envelope.success !== false && envelope.failed !== true) return undefined;
  const info = infoOf(code, envelope.msg ?? envelope.message);
  return { ...info, message: info.message ?? 'Memories.ai answered without saying why.' };
}

/**
 * The `parseError` hook for non-2xx answers: an envelope when there is one, else whatever the shared reader finds
 * (a proxy's HTML page, plain text). `retryable` is left to the HTTP status except for `0429`.
 */
export function parseMemoriesError(body: unknown): ProviderErrorInfo {
  const envelope = record(body);
  if (envelope && ('code' in envelope || 'msg' in envelope)) return infoOf(normaliseCode(envelope.code), envelope.msg ?? envelope.message);
  return defaultParseError(body);
}

interface Meaning {
  message: string;
  hint: string;
  retryable?: boolean;
  code?: ErrorCode;
}

const OPERATOR = 'whoever runs Recap';

/** What each documented code means for the user, with what to do. Keyed by the normalised code. */
const MEANINGS: Record<string, Meaning> = {
  '0001': { message: 'Memories.ai did not accept the request (bad parameters).', hint: 'Check the id or link; if it looks right, tell whoever runs Recap (the details are in its log).', code: 'bad_input' },
  '0003': { message: 'Memories.ai did not accept the request (bad parameters).', hint: 'Check the id or link; if it looks right, tell whoever runs Recap (the details are in its log).', code: 'bad_input' },
  '0401': { message: "Memories.ai rejected Recap's API key.", hint: `Ask ${OPERATOR} to check MEMORIES_API_KEY.` },
  '0402': {
    message: "Memories.ai has no credits left on Recap's account.",
    hint: `Ask ${OPERATOR} to top up the Memories.ai account behind MEMORIES_API_KEY, or pick another provider with --provider.`,
  },
  '0403': { message: "Memories.ai has disabled Recap's API key or account.", hint: `Ask ${OPERATOR} to check the Memories.ai account and MEMORIES_API_KEY.` },
  '0409': {
    message: 'Memories.ai already has this video (duplicate upload).',
    hint: 'Recap the existing memories:VI… id instead, or ask again in a little while.',
  },
  [BUSY_CODE]: { message: 'Memories.ai is busy right now (too many requests).', hint: 'Try again in a few minutes.', retryable: true },
  '9009': { message: 'Memories.ai denied the request.', hint: `Ask ${OPERATOR} to check that the Memories.ai key may use this feature.` },
};

/**
 * Rewrites a ProviderError carrying a known Memories.ai code into one that says what the code means, keeping the
 * provider's own code and message for operators and the original error as the cause. Anything else is returned
 * as it is (timeouts, network errors, unknown codes keep the shared client's wording).
 */
export function explainMemoriesError(error: unknown): unknown {
  if (!(error instanceof ProviderError) || error.providerCode === undefined) return error;
  const meaning = MEANINGS[error.providerCode];
  if (!meaning) return error;
  return new ProviderError(meaning.message, {
    provider: error.provider,
    method: error.method,
    url: error.url,
    ...(error.status !== undefined ? { status: error.status } : {}),
    providerCode: error.providerCode,
    ...(error.providerMessage !== undefined ? { providerMessage: error.providerMessage } : {}),
    retryable: meaning.retryable ?? false,
    hint: meaning.hint,
    ...(meaning.code ? { code: meaning.code } : {}),
    cause: error,
  });
}

/** Whether an error carries `0001`/`0003`: bad parameters, which is also how a video that cannot be served answers. */
export function isBadRequest(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.providerCode !== undefined && BAD_REQUEST_CODES.has(error.providerCode);
}

/** Whether an error carries Memories.ai's busy code (after the client's own backoff gave up). */
export function isBusy(error: unknown): boolean {
  return error instanceof ProviderError && error.providerCode === BUSY_CODE;
}
