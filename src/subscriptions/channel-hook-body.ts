/**
 * The provider job a callback names, read from its body once, at the edge: a channel webhook's (channel-hook-routes.ts)
 * and a job's own callback naming the provider job a crashed start left behind (hook-routes.ts, P-15). Callbacks are hints:
 * the job is re-read from the provider with Recap's own key, so only the id (and the status, for the log) is taken.
 * - AssemblyAI: `{transcript_id, status}` (https://www.assemblyai.com/docs/deployment/webhooks)
 * - Memories.ai: `{videoNo, status}`, unsigned (https://memories.ai/docs/API/Upload/Upload-from-url/)
 * - Pictory: undocumented and unsigned (providers.md): `job_id` or `jobId`, at the top or under `data`.
 */
import { parseRef } from '../../commands/parse-ref.ts';
import type { MediaRef } from '../domain/media-ref.ts';
import type { ChannelHookProvider } from './channel-hook-store.ts';

export type ChannelHookBody = { ok: true; id: string; ref: MediaRef; status?: string } | { ok: false; reason: string };

/** Where each provider puts its job id; the first field present wins. */
const FIELDS: Record<ChannelHookProvider, readonly string[]> = {
  assemblyai: ['transcript_id'],
  memories: ['videoNo', 'video_no'],
  pictory: ['job_id', 'jobId'],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a callback body; `reason` is a short answer for the 400 (the caller's pipeline reads it, not a person). */
export function readChannelHookBody(provider: ChannelHookProvider, text: string): ChannelHookBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The body must be JSON.' };
  }
  if (!isObject(parsed)) return { ok: false, reason: 'The body must be a JSON object.' };
  // Only Pictory's body is unknown enough to look under `data` as well.
  const holders = provider === 'pictory' && isObject(parsed.data) ? [parsed, parsed.data] : [parsed];
  for (const holder of holders) {
    for (const field of FIELDS[provider]) {
      const value = holder[field];
      if (value === undefined) continue;
      // The same id rules as `/recap <provider>:<id>`: the job is exactly what a person could have asked for.
      const ref = typeof value === 'string' ? parseRef(`${provider}:${value}`, { allowFiles: false }) : undefined;
      if (!ref?.ok) return { ok: false, reason: `${field} is not a valid id.` };
      const status = holder.status ?? parsed.status;
      return { ok: true, id: value as string, ref: ref.ref, ...(typeof status === 'string' ? { status: status.slice(0, 40) } : {}) };
    }
  }
  return { ok: false, reason: `The body names no job: expected ${FIELDS[provider].join(' or ')}.` };
}
