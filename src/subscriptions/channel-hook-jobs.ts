/**
 * One recap per (channel, provider, provider job) for channel webhooks, however often and wherever the callback
 * comes: providers retry, a pipeline may point two jobs' callbacks at the same URL, and replicas receive copies at
 * the same moment. The job id is derived from those three, so a later callback (or a restart) finds the job already
 * there; a lock (Redis `SET NX` across replicas) keeps two simultaneous callbacks from both creating it. The same
 * scheme as the SpotMe poller's automatic posts (spotme-poller.ts).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_PARTS } from '../domain/recap.ts';
import type { MediaRef } from '../domain/media-ref.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { JobStore } from '../jobs/job-store.ts';
import type { Locks } from '../jobs/locks.ts';
import type { ChannelHook, ChannelHookProvider } from './channel-hook-store.ts';

/** How long the creation lock lives if its holder dies mid-way; creating a job takes two store writes. */
const CREATE_LOCK_MS = 30_000;

export interface ChannelHookJobsOptions {
  jobs: JobStore;
  runner: JobRunner;
  locks: Locks;
  /** This process's lock owner (locks.ts `lockOwner`). */
  owner: string;
}

/** The job id for one recording in one channel: the same on every replica, after every restart and every rotation. */
export function channelHookJobId(channelKey: string, provider: ChannelHookProvider, providerJobId: string): string {
  return createHash('sha256').update(`hook:${channelKey}:${provider}:${providerJobId}`).digest('base64url').slice(0, 22);
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
  if (await options.jobs.get(id)) return { id, created: false };
  const lock = `auto:${id}`;
  if (!(await options.locks.acquire(lock, options.owner, CREATE_LOCK_MS))) return { id, created: false };
  try {
    // Checked again under the lock: the holder before us may have finished creating it.
    if (await options.jobs.get(id)) return { id, created: false };
    await options.runner.submit({ name: 'recap', ref, want: [...DEFAULT_PARTS], ...(hook.lang ? { lang: hook.lang } : {}) }, hook.target, id);
  } finally {
    await options.locks.release(lock, options.owner).catch(() => undefined);
  }
  void options.runner.run(id);
  return { id, created: true };
}
