/**
 * Runs stored jobs to the end, exactly once per step, across restarts and replicas:
 * - A job is stored (job-store.ts) before any provider is called; the runner takes its lease (`job:<id>`, renewed
 *   while it works) so one process at a time runs it.
 * - The provider job is saved the moment it exists; a resumed job waits for that one instead of starting another.
 *   Completion comes by polling (capped, growing, jittered; wait-for-job.ts) or sooner by callback: a callback
 *   wakes the waiting poll (`wake`), and the poll re-reads the provider (callbacks are hints).
 * - Every post is recorded in the job's outbox (delivery.ts), so a restart never posts a step twice.
 * - At start and then every sweep, unfinished jobs whose lease is free are resumed: a crashed replica's jobs are
 *   finished by another within a lease time.
 */
import { createHash } from 'node:crypto';
import type { ChannelContext, CommandDeps } from '../../commands/deps.ts';
import type { InstantInvocation } from '../../commands/invocation.ts';
import { refLabel } from '../../commands/ref-label.ts';
import type { Reply } from '../domain/reply.ts';
import { runInvocation } from '../../commands/run.ts';
import type { ProviderName } from '../domain/media-ref.ts';
import type { ProviderJob, ProviderRequest } from '../providers/provider.ts';
import type { Logger } from '../log.ts';
import { realSleep } from '../http/sleep.ts';
import type { Delivery, Outbox } from './delivery.ts';
import { newJobId, type JobRecord, type ReplyTarget } from './job-record.ts';
import type { JobStore } from './job-store.ts';
import { auditSecrets } from '../log-audit.ts';
import { lockOwner, type Locks } from './locks.ts';
import type { ForegroundGate } from './foreground-first.ts';
import { workSlots } from './work-slots.ts';

/** How long a provider may take before the user is told to come back. */
export const DEFAULT_JOB_WAIT_MS = 2 * 60 * 60 * 1000;
/** Tries of a job whose delivery keeps failing for reasons that may pass (platform outage), before it is failed. */
export const MAX_ATTEMPTS = 5;
/** Jobs doing their own work at once in one process (see work-slots.ts). */
export const DEFAULT_MAX_BUSY = 8;
/** How long a stop waits for running jobs before leaving them to the next start. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

export interface JobRunnerOptions {
  jobs: JobStore;
  locks: Locks;
  deps: CommandDeps;
  log: Logger;
  /** Where a job's provider should call back, when Recap has a public URL. */
  callbackFor?: (job: JobRecord, provider: ProviderName) => ProviderRequest['callback'] | undefined;
  /** A job's lease; renewed every third of it. Default 60 s. */
  leaseMs?: number;
  /** How often unfinished jobs are looked for. Default: the lease time. */
  sweepMs?: number;
  maxWaitMs?: number;
  /** Jobs doing their own work at once (work-slots.ts); waiting on a provider and posting do not count. Default 8. */
  maxBusy?: number;
  /** Requests in flight go first: a job starts on its turn (foreground-first.ts). Default: at once. */
  foreground?: ForegroundGate;
  now?: () => number;
}

export interface JobRunner {
  /** A platform's delivery, by the `platform` of its targets. */
  register(platform: string, delivery: Delivery): void;
  /**
   * Stores a new job. Acknowledge the request after this (it is durable now), then {@link JobRunner.run} it; if
   * this throws, the request was not taken: say so instead of acknowledging.
   */
  submit(invocation: JobRecord['invocation'], target: ReplyTarget, id?: string): Promise<JobRecord>;
  /** Runs one stored job if nobody else is (idempotent). */
  run(id: string): Promise<void>;
  /** A callback arrived: the job's waiting poll goes now. False when this process is not waiting for it. */
  wake(id: string): boolean;
  /** Resumes unfinished jobs now, and every sweep until stopped. */
  start(): Promise<void>;
  /** Stops sweeping, lets running jobs finish for `graceMs`, then stops them where they are (they stay pending). */
  stop(graceMs?: number): Promise<void>;
  /** Jobs running in this process (tests, status). */
  running(): string[];
  /** Answers a command that is not a job (`help`, `status`, subscriptions) at once, in the channel it came from. */
  instant(invocation: InstantInvocation, channel?: ChannelContext): Promise<Reply>;
}

/** A run ended by a provider's passing trouble: tried again after a short backoff (see `failed`). */
class PassingTrouble extends Error {}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { jobs, locks, log } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const now = options.now ?? Date.now;
  const owner = lockOwner();
  const deliveries = new Map<string, Delivery>();
  const active = new Map<string, Promise<void>>();
  const wakers = new Map<string, () => void>();
  /** Jobs woken while their poll was not sleeping (reading the provider): their next sleep is skipped. */
  const woken = new Set<string>();
  const controllers = new Map<string, AbortController>();
  const unserved = new Set<string>();
  /** Jobs waiting for their turn behind requests in flight (a sweep meanwhile must not queue them twice). */
  const gated = new Set<string>();
  let sweepTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const slots = workSlots(options.maxBusy ?? DEFAULT_MAX_BUSY);
  /** Jobs holding a slot now. */
  const busy = new Set<string>();
  const takeSlot = async (id: string, signal?: AbortSignal) => {
    if (busy.has(id)) return;
    await slots.acquire(signal);
    busy.add(id);
  };
  const giveSlot = (id: string) => {
    if (busy.delete(id)) slots.release();
  };

  /**
   * The poll's sleep, cut short by {@link JobRunner.wake}. A wake that came while the poll was reading the provider
   * skips the next sleep: that read may have started before the provider finished (P-5), and the callback must not be
   * lost until the next scheduled poll. A woken sleep's timer is cleared, and only removes its own waker: when it
   * used to fire later it unhooked the next sleep's waker, and the following callback woke nothing.
   */
  const wakeableSleep = (id: string) => async (ms: number, signal?: AbortSignal) => {
    if (woken.delete(id)) return;
    // Waiting on the provider is not work: the slot goes to another job meanwhile.
    giveSlot(id);
    await sleepUntilWoken(id, ms, signal);
    await takeSlot(id, signal);
  };
  const sleepUntilWoken = (id: string, ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const cut = new AbortController();
      const unhook = () => {
        if (wakers.get(id) === done) wakers.delete(id);
      };
      const done = () => {
        unhook();
        cut.abort();
        resolve();
      };
      wakers.set(id, done);
      realSleep(ms, signal ? AbortSignal.any([signal, cut.signal]) : cut.signal).then(done, (error: unknown) => {
        unhook();
        if (signal?.aborted || !cut.signal.aborted) reject(error);
      });
    });

  async function work(id: string, signal: AbortSignal): Promise<void> {
    let job = await jobs.get(id);
    if (!job || job.state !== 'pending') return;
    const delivery = deliveries.get(job.target.platform);
    if (!delivery) {
      // Once per job: the sweep comes back every minute, and the shell shows warnings.
      if (!unserved.has(id)) log.warn('job waits for a platform this process does not serve', { job: id, platform: job.target.platform });
      unserved.add(id);
      return;
    }
    const outbox: Outbox = {
      get: (step) => job!.posted[step],
      record: async (step, value) => {
        job = await jobs.update(id, (r) => {
          r.posted[step] = value;
        });
      },
      key: (step) => createHash('sha256').update(`${id}:${step}`).digest('base64url').slice(0, 25),
    };
    const surface = delivery.surface(job, outbox, log);
    const invocation = job.invocation;
    const source = refLabel(invocation.ref);
    const saveProviderJob = async (providerJob: ProviderJob) => {
      job = await jobs.update(id, (r) => {
        r.providerJob = providerJob;
        delete r.submitting;
        delete r.adopted;
      });
    };
    const markSubmitting = async (provider: ProviderName) => {
      job = await jobs.update(id, (r) => {
        r.submitting = { provider, at: now() };
      });
    };
    if (job.submitting && !job.providerJob) {
      // P-15: the last run died while starting the provider job. A callback may have named it (adopted), the provider
      // may find it (reconcile); otherwise a second one is started (still one post), and the log says so.
      const { provider } = job.submitting;
      if (job.adopted) log.info('resuming with the provider job its callback named', { job: id, provider });
      else log.info('an earlier run began starting its provider job without saving it (a crash, or the provider failed); looking for it before starting another', { job: id, provider });
    }
    const stored = job;
    const callbackFor = options.callbackFor;
    const deps: CommandDeps = {
      ...options.deps,
      signal,
      resolve: (ref, request) =>
        options.deps.resolve(ref, {
          ...request,
          ...(stored.providerJob ? { providerJob: stored.providerJob } : {}),
          onProviderJob: saveProviderJob,
          onSubmitting: markSubmitting,
          ...(stored.adopted ? { adopted: stored.adopted } : {}),
          ...(stored.submitting && !stored.providerJob ? { interruptedStart: stored.submitting } : {}),
          ...(callbackFor ? { callback: (provider: ProviderName) => callbackFor(stored, provider) } : {}),
          deadlineAt: stored.deadlineAt,
          sleep: wakeableSleep(id),
        }),
      onStage: (stage) => {
        surface.status(stage, source, { job: id }).catch((error: unknown) => log.warn('status update failed', { error, job: id }));
        void jobs.update(id, (r) => {
          r.stage = stage;
        }).catch(() => undefined);
      },
    };
    const run = async () => {
      await surface.status('queued', source, { job: id });
      await takeSlot(id, signal);
      const reply = await runInvocation(invocation, deps, { onInternalError: (error) => log.error('command failed', { error, job: id }) }).finally(() => giveSlot(id));
      // Stopped (shutdown, or the lease went elsewhere): the job stays pending and resumes; nothing is said.
      if (signal.aborted) return;
      // The wait's own deadline ('timeout') is final: it is the job's deadline, and the user hears of it then.
      if (reply.kind === 'error' && reply.retryable && reply.code !== 'timeout' && (job!.attempts ?? 0) + 1 < MAX_ATTEMPTS && now() < job!.deadlineAt) {
        // A provider's passing trouble (5xx, 429, a timeout) is not the user's news yet: the job is tried again soon
        // (`failed`), and a provider job that may have been started is looked for first (P-15), not started twice.
        throw new PassingTrouble(reply.message);
      }
      if (reply.kind === 'error') {
        const detail = { message: reply.message, ...(reply.hint ? { hint: reply.hint } : {}) };
        await surface.status('failed', source, detail);
        await jobs.update(id, (r) => {
          r.state = 'failed';
          r.error = detail;
        });
        return;
      }
      const { inThread } = await surface.deliver(reply, source);
      await surface.status('done', source, { below: !inThread });
      await jobs.update(id, (r) => {
        r.state = 'done';
      });
    };
    await (delivery.around ? delivery.around(job, run) : run());
  }

  async function run(id: string): Promise<void> {
    if (active.has(id) || stopped || gated.has(id)) return;
    if (options.foreground) {
      gated.add(id);
      await options.foreground.turn().finally(() => gated.delete(id));
      if (active.has(id) || stopped) return;
    }
    if (!(await locks.acquire(`job:${id}`, owner, leaseMs))) return;
    const controller = new AbortController();
    controllers.set(id, controller);
    const renew = setInterval(() => {
      locks.renew(`job:${id}`, owner, leaseMs).then(
        (held) => {
          if (held) return;
          // Another process may run it now: stop here rather than post twice.
          log.warn('job lease lost while running; leaving the job to its new holder', { job: id });
          controller.abort(new Error('job lease lost'));
        },
        (error: unknown) => log.warn('job lease not renewed', { error, job: id }),
      );
    }, leaseMs / 3);
    renew.unref();
    log.debug('job run', { job: id });
    const running = work(id, controller.signal)
      .catch((error: unknown) => (controller.signal.aborted ? undefined : failed(id, error)))
      .finally(async () => {
        clearInterval(renew);
        active.delete(id);
        giveSlot(id);
        woken.delete(id);
        controllers.delete(id);
        await locks.release(`job:${id}`, owner).catch(() => undefined);
      });
    active.set(id, running);
    await running;
  }

  /**
   * A job whose work threw (its reply could not be posted; the store failed): the platform says whether trying
   * again can help (a deleted channel or a missing permission will not); otherwise it stays pending for the next
   * sweep, up to {@link MAX_ATTEMPTS}.
   */
  async function failed(id: string, error: unknown): Promise<void> {
    try {
      const job = await jobs.get(id);
      if (!job || job.state !== 'pending') return;
      const verdict = deliveries.get(job.target.platform)?.failed?.(job, error, log) ?? 'retry';
      const attempts = (job.attempts ?? 0) + 1;
      const giveUp = verdict === 'give-up' || attempts >= MAX_ATTEMPTS;
      await jobs.update(id, (r) => {
        r.attempts = attempts;
        if (giveUp) {
          r.state = 'failed';
          r.error = { message: error instanceof Error ? error.message : String(error) };
        }
      });
      if (error instanceof PassingTrouble && !giveUp) {
        // Sooner than the next sweep (a minute): 2 s, 4 s, 8 s… with jitter, so a provider's blip costs seconds.
        const delay = Math.min(60_000, 2000 * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);
        log.warn('provider trouble; the job will be tried again', { reason: error.message, job: id, attempt: attempts, inMs: Math.round(delay) });
        setTimeout(() => void run(id), delay).unref();
      } else if (verdict === 'retry') log.error(giveUp ? `job given up after ${attempts} attempts` : 'job stopped before it finished; it will be retried', { error, job: id, target: job.target.platform });
    } catch (storeError) {
      log.error('job failed and could not be updated; it stays pending', { error, storeError, job: id });
    }
  }

  async function sweep(): Promise<void> {
    try {
      for (const id of await jobs.pending()) if (!active.has(id)) void run(id);
    } catch (error) {
      log.error('looking for unfinished jobs failed', { error });
    }
  }

  return {
    register(platform, delivery) {
      deliveries.set(platform, delivery);
    },
    async submit(invocation, target, id) {
      const at = now();
      const job: JobRecord = {
        id: id ?? newJobId(),
        createdAt: at,
        deadlineAt: at + (options.maxWaitMs ?? DEFAULT_JOB_WAIT_MS),
        invocation,
        target,
        state: 'pending',
        posted: {},
        callbackSecret: newJobId(),
        updatedAt: at,
      };
      auditSecrets(job.callbackSecret);
      await jobs.create(job);
      return job;
    },
    run,
    wake(id) {
      const wake = wakers.get(id);
      if (wake) {
        wake();
        return true;
      }
      // Running here but not sleeping (reading the provider, posting): the poll's next sleep is skipped.
      if (!active.has(id)) return false;
      woken.add(id);
      return true;
    },
    async start() {
      stopped = false;
      await sweep();
      const every = options.sweepMs ?? leaseMs;
      sweepTimer = setInterval(() => void sweep(), every);
      sweepTimer.unref();
    },
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      stopped = true;
      if (sweepTimer) clearInterval(sweepTimer);
      // Recaps about to finish post their answers; jobs still waiting on a provider stay pending for the next start.
      const all = Promise.allSettled([...active.values()]);
      const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([all, timer]);
      for (const controller of controllers.values()) controller.abort(new Error('Recap is stopping'));
      await all;
    },
    running: () => [...active.keys()],
    instant: (invocation, channel) =>
      runInvocation(invocation, { ...options.deps, ...(channel ? { channel } : {}) }, { onInternalError: (error) => log.error('command failed', { error }) }),
  };
}
