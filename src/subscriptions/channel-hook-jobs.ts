/**
 * One recap per (channel, provider, provider job) for channel webhooks, however often and wherever the callback
 * comes: providers retry, a pipeline may point two jobs' callbacks at the same URL, and replicas receive copies at
 * the same moment. The job id is derived from those three, so a later callback (or a restart) finds the job already
 * there; a lock keeps two simultaneous callbacks from both creating it (jobs/submit-once.ts, as for the SpotMe
 * poller's automatic posts).
 */
import { DEFAULT_PARTS } from '../domain/recap.ts';
import type { MediaRef } from '../domain/media-ref.ts';
import { derivedJobId, submitOnce, type SubmitOnceOptions } from '../jobs/submit-once.ts';
import type { ChannelHook, ChannelHookProvider } from './channel-hook-store.ts';

export type ChannelHookJobsOptions = SubmitOnceOptions;

/** The job id for one recording in one channel: the same on every replica, after every restart and every rotation. */
export function channelHookJobId(channelKey: string, provider: ChannelHookProvider, providerJobId: string): string {
  return derivedJobId('hook', channelKey, provider, providerJobId);
}

/**
 * Stores the recap job for this recording unless it exists or another callback is storing it right now, then runs it
 * in the background. Resolves once the job is durable (or known to be someone else's), before any provider call;
 * throws when the store fails, so the provider is asked to retry.
 */
export async function startChannelHookJob(
  options: ChannelHookJobsOptions,
  hook: ChannelHook,
  provider: ChannelHookProvider,
  providerJobId: string,
  ref: MediaRef,
): Promise<{ id: string; created: boolean }> {
  const id = channelHookJobId(hook.channelKey, provider, providerJobId);
  const created = await submitOnce(options, id, { name: 'recap', ref, want: [...DEFAULT_PARTS], ...(hook.lang ? { lang: hook.lang } : {}) }, hook.target);
  return { id, created };
}
