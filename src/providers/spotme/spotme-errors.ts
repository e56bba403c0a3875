/**
 * SpotMe's error bodies and the user-facing errors only SpotMe needs. SpotMe does not publish its error shape, so
 * the parser accepts the common ones (`{error, message}`, `{error: {code, message}}`, `{code, message}`,
 * `{errors: [{message}]}`). Generic failures (401 naming SPOTME_API_TOKEN, 429, 5xx, timeouts) are worded by the
 * HttpClient.
 */
import { RecapError } from '../../errors.ts';
import type { ProviderErrorInfo } from '../../http/http-client-types.ts';
import type { SpotMeKind } from './paths.ts';

type Loose = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a SpotMe error body into its code and message (HttpClient's `parseError`). */
export function parseSpotMeError(body: unknown): ProviderErrorInfo {
  if (typeof body === 'string') return body.trim() ? { message: body.trim().slice(0, 500) } : {};
  if (!isObject(body)) return {};
  const nested = isObject(body.error) ? body.error : undefined;
  const first = Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : undefined;
  const code = text(nested?.code) ?? text(body.code) ?? text(first?.code) ?? (text(body.message) ? text(body.error) : undefined);
  const message = text(nested?.message) ?? text(body.message) ?? text(first?.message) ?? text(body.error) ?? text(body.detail);
  const info: ProviderErrorInfo = {};
  if (code !== undefined) info.code = code;
  if (message !== undefined) info.message = message;
  return info;
}

/** How users name a target: `session:abc`, as they type it. */
export function targetLabel(kind: SpotMeKind, id: string): string {
  return `${kind}:${id}`;
}

/** A 404 on trigger: the session's VOD does not exist yet, or the breakout has not ended. */
export function noRecordingYet(kind: SpotMeKind, id: string, cause?: unknown): RecapError {
  const why = kind === 'session' ? "its VOD isn't available" : "the video breakout hasn't ended";
  const hint =
    kind === 'session'
      ? 'Ask again once the live session has ended and its VOD shows in Backstage; check the session id if it already has.'
      : 'Ask again once the video breakout has finished; check the breakout id if it already has.';
  return new RecapError('not_found', `SpotMe has no recording for ${kind} ${id} yet: ${why}.`, { hint, cause });
}
