/**
 * Waits for a provider job by polling: intervals grow from the provider's pacing, capped, with jitter so many
 * jobs do not poll in step; a provider's Retry-After wins when longer. Transient errors are ridden out, and every
 * wait ends at a deadline with a message that says what to do.
 */
import { RecapError } from '../errors.ts';
import { realSleep } from '../http/sleep.ts';
import type { Provider, ProviderJob, ProviderPoll, ProviderRequest, ProviderResult } from './provider.ts';
import { providerLabel } from '../sources/provider-required.ts';

export type Stage = Extract<ProviderPoll, { status: 'pending' }>['stage'];

export interface WaitOptions {
  /** Epoch ms after which the wait gives up. */
  deadlineAt: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Called when the job's stage changes (the status message follows it). */
  onStage?: (stage: Stage) => void;
  /** Called when the provider's job state changes, so a stored job can resume from it. */
  onJob?: (job: ProviderJob) => void | Promise<void>;
  /** Transient poll failures in a row before giving up. Default 5. */
  maxConsecutiveErrors?: number;
  signal?: AbortSignal;
}

/** Growth factor between polls. */
const GROWTH = 1.6;

/** The n-th wait (0-based) for a pacing, with ±20 % jitter. Exported for the schedule test (P-12). */
export function pollDelayMs(pacing: { initialMs: number; maxMs: number }, attempt: number, random: () => number): number {
  const base = Math.min(pacing.maxMs, pacing.initialMs * GROWTH ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}


export async function waitForJob(provider: Provider, first: ProviderJob, request: ProviderRequest, options: WaitOptions): Promise<ProviderResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxErrors = options.maxConsecutiveErrors ?? 5;
  const label = providerLabel(provider.name);
  let job = first;
  let attempt = 0;
  let errors = 0;
  let stage: Stage | undefined;
  for (;;) {
    let poll: ProviderPoll | undefined;
    let retryAfterMs: number | undefined;
    try {
      poll = await provider.poll(job, request);
      errors = 0;
    } catch (error) {
      if (!(error instanceof RecapError) || !error.retryable || ++errors >= maxErrors) throw error;
    }
    if (poll?.status === 'done') return poll.result;
    if (poll?.status === 'failed') {
      throw new RecapError('provider_error', poll.message, { hint: poll.hint ?? `Check the media, then ask again.` });
    }
    if (poll?.status === 'pending') {
      if (JSON.stringify(poll.job) !== JSON.stringify(job)) await options.onJob?.(poll.job);
      job = poll.job;
      retryAfterMs = poll.retryAfterMs;
      if (poll.stage !== stage) {
        stage = poll.stage;
        options.onStage?.(stage);
      }
    }
    const delay = Math.max(pollDelayMs(provider.pacing, attempt++, random), retryAfterMs ?? 0);
    if (now() + delay > options.deadlineAt) {
      throw new RecapError('timeout', `${label} is still working on ${job.id}, and Recap stopped waiting.`, {
        // A provider id is itself a reference, so the user can pick the work up where it is.
        hint: `Ask again in a few minutes${provider.name === 'spotme' ? '' : ` with /recap ${provider.name}:${job.id}`}; the work is not lost.`,
        retryable: true,
      });
    }
    await sleep(delay, options.signal ?? request.signal);
  }
}
