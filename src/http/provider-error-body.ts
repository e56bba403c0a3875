/**
 * Reading what a provider says when something went wrong. Error bodies are read only up to a cap (a
 * misbehaving proxy can answer a 502 with megabytes of HTML), and the common JSON error shapes are turned into
 * the provider's own code and message.
 */
import type { ProviderErrorInfo } from './http-client-types.ts';

/** Bytes of an error body worth reading; provider error JSON is a few hundred bytes. */
export const ERROR_BODY_LIMIT = 64 * 1024;

// Provider messages are for operators; a full page of text helps nobody in a log line.
const MAX_MESSAGE_CHARS = 500;

/**
 * Reads at most `limit` bytes of a body, then stops iterating (which lets undici destroy the rest instead of
 * draining it) and decodes what it has as UTF-8.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, limit: number = ERROR_BODY_LIMIT): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const room = limit - size;
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(room, chunk.byteLength)));
    size += Math.min(room, chunk.byteLength);
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body as JSON when it is JSON, else the text itself (an HTML error page, plain "Bad Gateway"). */
export function parseErrorText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // A cut-off error body is still worth showing as text.
    }
  }
  return text;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

/**
 * The default `parseError`: understands `{error: "…"}`, `{error: {message, code}}`, `{message, code?}`,
 * `{code, msg}` (Memories.ai) and `{errors: [{message, code?}]}`. A plain-text body becomes the message unless
 * it is an HTML page, which would only clutter logs. `retryable` is left to the HTTP status.
 */
export function defaultParseError(body: unknown): ProviderErrorInfo {
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text || /^<(?:!doctype|html)/i.test(text)) return {};
    return { message: clip(text) };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  let code = asText(record.code) ?? asText(record.error_code) ?? asText(record.errorCode);
  let message = asText(record.message) ?? asText(record.msg) ?? asText(record.error_description);
  const error = record.error;
  if (typeof error === 'string') {
    message ??= asText(error);
  } else if (typeof error === 'object' && error !== null) {
    const nested = error as Record<string, unknown>;
    message ??= asText(nested.message) ?? asText(nested.msg);
    code ??= asText(nested.code) ?? asText(nested.type);
  }
  if (message === undefined && Array.isArray(record.errors)) {
    const messages = record.errors
      .map((item) => (typeof item === 'string' ? item : asText((item as Record<string, unknown> | null)?.message)))
      .filter((m): m is string => typeof m === 'string' && m.length > 0);
    if (messages.length > 0) message = messages.join('; ');
    const first = record.errors[0] as Record<string, unknown> | null | undefined;
    if (typeof first === 'object' && first !== null) code ??= asText(first.code);
  }
  const info: ProviderErrorInfo = {};
  if (code !== undefined) info.code = code;
  const clipped = clip(message);
  if (clipped !== undefined) info.message = clipped;
  return info;
}
