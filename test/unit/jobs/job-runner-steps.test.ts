/**
 * The job runner's promises, one at a time, with the real store, locks, router and (for waiting jobs) the AssemblyAI
 * fake. The chat side is a test delivery that records every post and edit like a platform would (posts get ids, the
 * outbox is written the way Slack's and Discord's deliveries write it); it is the platform, not the logic under test.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapInvocation } from '../../../commands/invocation.ts';
import { createCommandDeps } from '../../../src/command-deps.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Delivery } from '../../../src/jobs/delivery.ts';
import { MAX_ATTEMPTS, createJobRunner, type JobRunner, type JobRunnerOptions } from '../../../src/jobs/job-runner.ts';
import { createJobStore, type JobStore } from '../../../src/jobs/job-store.ts';
import { createLogger } from '../../../src/log.ts';
import { memoryStore, type StoreHandle } from '../../../src/store.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../../fakes/assemblyai.ts';
import { completedFields } from '../../fakes/assemblyai/results.ts';
import { settle, until } from '../../support/slack-requests.ts';
import { ROOT } from '../../support/spawn-recap.ts';

const log = createLogger({ level: 'silent' });
let fake: AssemblyAiFake;
beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 100 });
});
afterAll(async () => {
  await fake?.close();
});

/** A chat platform as the runner sees it: numbered message ids, a log of posts and edits, faults on demand. */
class Platform {
  posts: { job: string; step: string; id: string }[] = [];
  edits: { job: string; stage: string }[] = [];
  surfaces = 0;
  verdicts = 0;
  /** Throw (retryably) right after this step was posted and recorded, this many times. */
  throwAfter: { step: string; times: number } | undefined;
  /** Status calls fail this many times before they work. */
  statusFailures = 0;
  verdict: 'retry' | 'give-up' = 'retry';
  /** Slows every post down (a platform that takes its time). */
  postDelayMs = 0;
  private next = 0;

  private async post(job: string, step: string, record: (step: string, id: string) => Promise<void>): Promise<void> {
    if (this.postDelayMs) await new Promise((r) => setTimeout(r, this.postDelayMs));
    const id = `M${++this.next}`;
    this.posts.push({ job, step, id });
    await record(step, id);
    if (this.throwAfter?.step === step && this.throwAfter.times > 0) {
      this.throwAfter.times -= 1;
      throw new Error(`lost the connection after posting ${step}`);
    }
  }

  delivery(): Delivery {
    return {
      surface: (job, outbox) => {
        this.surfaces += 1;
        return {
          status: async (stage) => {
            if (this.statusFailures > 0) {
              this.statusFailures -= 1;
              throw new Error('platform down');
            }
            if (outbox.get('status')) this.edits.push({ job: job.id, stage });
            else await this.post(job.id, 'status', outbox.record);
          },
          // A reply in two messages, each its own outbox step (as Discord splits long recaps).
          deliver: async () => {
            for (const step of ['reply:0', 'reply:1']) if (!outbox.get(step)) await this.post(job.id, step, outbox.record);
            return { inThread: true };
          },
        };
      },
      failed: () => {
        this.verdicts += 1;
        return this.verdict;
      },
    };
  }

  stepsOf(job: string): string[] {
    return this.posts.filter((p) => p.job === job).map((p) => p.step);
  }
}

interface Setup {
  handle: StoreHandle;
  jobs: JobStore;
  platform: Platform;
  runner(extra?: Partial<JobRunnerOptions>): JobRunner;
}

const runners: JobRunner[] = [];
function setup(): Setup {
  const handle = memoryStore();
  const jobs = createJobStore(handle.store, handle.jobIndex);
  const platform = new Platform();
  const config = loadConfig({ ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
  return {
    handle,
    jobs,
    platform,
    runner: (extra = {}) => {
      const deps = createCommandDeps({ config, cwd: ROOT, providerOverrides: { pacing: { initialMs: 50, maxMs: 100 } } });
      const runner = createJobRunner({ jobs, locks: handle.locks, deps, log, sweepMs: 50, leaseMs: 1000, ...extra });
      runner.register('test', platform.delivery());
      runners.push(runner);
      return runner;
    },
  };
}
afterAll(async () => {
  for (const r of runners) await r.stop(0);
});

/** A recap of a local transcript: no provider, so only the runner and the delivery are at work. */
const local: RecapInvocation = { name: 'recap', ref: { kind: 'file', path: resolve(ROOT, 'test/fixtures/e2e/standup.vtt') }, want: ['summary'] };
const media = (name: string): RecapInvocation => ({ name: 'recap', ref: { kind: 'url', url: `https://media.example.com/${name}.mp4` }, want: ['summary'], provider: 'assemblyai' });
const stateOf = async (jobs: JobStore, id: string) => (await jobs.get(id))?.state;
const finished = (jobs: JobStore, id: string) => until(async () => ((await stateOf(jobs, id)) !== 'pending' ? stateOf(jobs, id) : undefined), 'the job finished', 15_000);

describe('job runner: the outbox', () => {
  it('P-14 a run stopped after the first reply message is resumed by the sweep: each step is posted once, the status is edited', async () => {
    const s = setup();
    s.platform.throwAfter = { step: 'reply:0', times: 1 };
    const runner = s.runner();
    await runner.start();
    const job = await runner.submit(local, { platform: 'test' });
    void runner.run(job.id);
    expect(await finished(s.jobs, job.id)).toBe('done');
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
    const stored = await s.jobs.get(job.id);
    expect(stored?.attempts).toBe(1);
    expect(Object.keys(stored!.posted).sort()).toEqual(['reply:0', 'reply:1', 'status']);
    // The second run edited the one status message (queued again, then done).
    expect(s.platform.edits.filter((e) => e.job === job.id).map((e) => e.stage)).toContain('done');
    expect(await s.jobs.pending()).toEqual([]);
  });

  it('a finished job is never run again: run() and later sweeps post nothing', async () => {
    const s = setup();
    const runner = s.runner();
    await runner.start();
    const job = await runner.submit(local, { platform: 'test' });
    await runner.run(job.id);
    expect(await stateOf(s.jobs, job.id)).toBe('done');
    const posts = s.platform.posts.length;
    const surfaces = s.platform.surfaces;
    await runner.run(job.id);
    await settle(200);
    expect(s.platform.posts.length).toBe(posts);
    expect(s.platform.surfaces).toBe(surfaces);
  });

  it('two run() calls at once in one process run the job once', async () => {
    const s = setup();
    s.platform.postDelayMs = 50;
    const runner = s.runner();
    const job = await runner.submit(local, { platform: 'test' });
    await Promise.all([runner.run(job.id), runner.run(job.id), runner.run(job.id)]);
    await finished(s.jobs, job.id);
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
    expect(s.platform.surfaces).toBe(1);
  });
});

describe('job runner: failures', () => {
  it('a retryable error before anything was posted leaves the job pending; the sweep alone retries it', async () => {
    const s = setup();
    s.platform.statusFailures = 2;
    const runner = s.runner();
    const job = await runner.submit(local, { platform: 'test' });
    await runner.run(job.id);
    const after = await s.jobs.get(job.id);
    expect(after?.state).toBe('pending');
    expect(after?.attempts).toBe(1);
    expect(await s.jobs.pending()).toEqual([job.id]);
    // Nobody calls run() again: the sweep finds it.
    await runner.start();
    expect(await finished(s.jobs, job.id)).toBe('done');
    expect((await s.jobs.get(job.id))?.attempts).toBe(2);
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
  });

  it("a 'give-up' verdict fails the job at once, asks the platform once, and no sweep touches it again", async () => {
    const s = setup();
    s.platform.statusFailures = 1000;
    s.platform.verdict = 'give-up';
    const runner = s.runner();
    await runner.start();
    const job = await runner.submit(local, { platform: 'test' });
    await runner.run(job.id);
    const stored = await s.jobs.get(job.id);
    expect(stored?.state).toBe('failed');
    expect(stored?.attempts).toBe(1);
    expect(stored?.error?.message).toBe('platform down');
    await settle(300);
    expect(s.platform.verdicts).toBe(1);
    expect(s.platform.surfaces).toBe(1);
    expect(await s.jobs.pending()).toEqual([]);
  });

  it(`errors that may pass are tried ${MAX_ATTEMPTS} times in all, then the job fails and is left alone`, async () => {
    const s = setup();
    s.platform.statusFailures = 1000;
    const runner = s.runner();
    await runner.start();
    const job = await runner.submit(local, { platform: 'test' });
    expect(await finished(s.jobs, job.id)).toBe('failed');
    await settle(300);
    expect((await s.jobs.get(job.id))?.attempts).toBe(MAX_ATTEMPTS);
    expect(s.platform.surfaces).toBe(MAX_ATTEMPTS);
    expect(s.platform.verdicts).toBe(MAX_ATTEMPTS);
    expect(s.platform.posts).toEqual([]);
  });
});

describe('job runner: leases and stopping', () => {
  it('P-18 a job leased elsewhere is not run, by run() or by the sweep; when that lease lapses the sweep finishes it once', async () => {
    const s = setup();
    const runner = s.runner();
    const job = await runner.submit(local, { platform: 'test' });
    expect(await s.handle.locks.acquire(`job:${job.id}`, 'another-replica', 600)).toBe(true);
    await runner.run(job.id);
    await runner.start();
    await settle(250);
    expect(s.platform.surfaces).toBe(0);
    expect(await stateOf(s.jobs, job.id)).toBe('pending');
    expect(await finished(s.jobs, job.id)).toBe('done');
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
  });

  it('P-16 stop() lets a recap about to finish post its answer within the grace', async () => {
    const s = setup();
    s.platform.postDelayMs = 150;
    const runner = s.runner();
    const job = await runner.submit(local, { platform: 'test' });
    void runner.run(job.id);
    await until(() => s.platform.posts.length > 0 || undefined, 'the status');
    await runner.stop(10_000);
    expect(await stateOf(s.jobs, job.id)).toBe('done');
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
  });

  it('P-16 stop() leaves a job that waits on its provider pending, with its provider job and lease free; the next runner finishes it once', async () => {
    const s = setup();
    const first = s.runner({ sweepMs: 60_000 });
    const job = await first.submit(media('stop'), { platform: 'test' });
    // The provider works slowly: hold the transcript in `processing` until the first runner has stopped.
    const running = first.run(job.id);
    const providerJob = await until(async () => (await s.jobs.get(job.id))?.providerJob, 'the provider job saved');
    const transcript = fake.transcripts.get(providerJob.id)!;
    const held = setInterval(() => Object.assign(transcript.object, { status: 'processing' }), 5);
    try {
      await first.stop(100);
      await running;
    } finally {
      clearInterval(held);
    }
    expect(first.running()).toEqual([]);
    const stored = await s.jobs.get(job.id);
    expect(stored?.state).toBe('pending');
    expect(stored?.providerJob?.id).toBe(providerJob.id);
    expect(s.platform.stepsOf(job.id)).toEqual(['status']);
    // The lease was released, not left to expire.
    expect(await s.handle.locks.acquire(`job:${job.id}`, 'probe', 10)).toBe(true);
    await s.handle.locks.release(`job:${job.id}`, 'probe');

    // Let the fake finish the transcript as it would have.
    Object.assign(transcript.object, completedFields(transcript.request ?? {}));
    const submits = fake.createBodies().length;
    const second = s.runner();
    await second.start();
    expect(await finished(s.jobs, job.id)).toBe('done');
    expect(fake.createBodies().length).toBe(submits);
    expect(s.platform.stepsOf(job.id)).toEqual(['status', 'reply:0', 'reply:1']);
  });
});
