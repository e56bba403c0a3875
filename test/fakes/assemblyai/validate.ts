/**
 * The checks the fake AssemblyAI makes on `POST /v2/transcript`, as the real API makes them (each a 400 with
 * `{"error": "…"}`): a usable `audio_url`, only one of Auto Chapters / Summarization / Speech Understanding
 * summarization, `summary_model` and `summary_type` together, webhook auth name and value together, a language
 * code or detection but not both, and Key Phrases for English only.
 */
import type { Json } from './results.ts';

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The error message for an invalid create body, or undefined when AssemblyAI would accept it. */
export function createError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Invalid request body: expected a JSON object.';
  const b = body as Json;
  if (b.audio_url === undefined) return 'audio_url is required.';
  if (!isHttpUrl(b.audio_url)) return 'Invalid audio_url: it must be a publicly accessible http or https URL.';
  const summarizing = (b.speech_understanding as { request?: { summarization?: unknown } } | undefined)?.request?.summarization !== undefined;
  const models = [b.auto_chapters === true && 'auto_chapters', b.summarization === true && 'summarization', summarizing && 'speech_understanding.summarization'].filter(Boolean);
  if (models.length > 1) return `Only one of the following models can be enabled at a time: ${models.join(', ')}.`;
  if ((b.summary_model === undefined) !== (b.summary_type === undefined)) {
    return 'If summary_model is specified, summary_type must be specified as well, and vice versa.';
  }
  if ((b.webhook_auth_header_name === undefined) !== (b.webhook_auth_header_value === undefined)) {
    return 'webhook_auth_header_name and webhook_auth_header_value must be specified together.';
  }
  if (b.webhook_url !== undefined && !isHttpUrl(b.webhook_url)) return 'Invalid webhook_url.';
  if (b.language_code !== undefined && b.language_detection === true) return 'language_code cannot be used together with language_detection.';
  if (b.auto_highlights === true && typeof b.language_code === 'string' && !b.language_code.toLowerCase().startsWith('en')) {
    return `Key Phrases is not available in this language: ${b.language_code}.`;
  }
  return undefined;
}
