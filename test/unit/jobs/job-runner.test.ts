/**
 * The job runner with the real router, AssemblyAI client and store, against the AssemblyAI fake; the chat side is
 * a recording delivery (each platform's own surfaces are tested end to end in test/e2e/slack*.ts and discord*.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapInvocation } from '../../../commands/invocation.ts';
import { createCommandDeps } from '../../../src/command-deps.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Delivery } from '../../../src/jobs/delivery.ts';
import { MAX_ATTEMPTS, createJobRunner, type JobRunner } from '../../../src/jobs/job-runner.ts';
import { createJobStore, type JobStore } from '../../../src/jobs/job-store.ts';
import { createLogger } from '../../../src/log.ts';
import { memoryStore, type StoreHandle } from '../../../src/store.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../../fakes/assemblyai.ts';
import { until } from '../../support/slack-requests.ts';

const log = createLogger({ level: 'silent' });
let fake: AssemblyAiFake;
beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 400 });
});
afterAll(async () => {
  await fake?.close();
});

/** What the chat would show: every post and status, per job. */
class Recorder {
  statuses: string[] = [];
  replies: string[] = [];
  /** Throw once at this step (a platform hiccup), then behave. */
  failOnce: 'status' | 'deliver' | undefined;
  permanent = false;
  delivery(): Delivery {
    return {
      surface: (job, outbox) => ({
        status: async (stage) => {
          if (this.failOnce === 'status') {
            this.failOnce = undefined;
            throw new Error('platform hiccup');
          }
          if (!outbox.get('status')) await outbox.record('status', 'S1');
          this.statuses.push(`${job.id}:${stage}`);
        },
        deliver: async (reply) => {
          if (this.permanent) throw Object.assign(new Error('channel_not_found'), { permanent: true });
          if (!outbox.get('reply:0')) {
            this.replies.push(`${job.id}:${reply.kind}`);
            await outbox.record('reply:0', 'R1');
          }
          if (this.failOnce === 'deliver') {
            this.failOnce = undefined;
            throw new Error('lost the answer after posting');
          }
          return { inThread: true };
        },
      }),
      failed: (_job, error) => ((error as { permanent?: boolean }).permanent ? 'give-up' : 'retry'),
    };
  }
}

interface Harness {
  handle: StoreHandle;
  jobs: JobStore;
  runner(recorder: Recorder): JobRunner;
}

function harness(handle = memoryStore()): Harness {
  const config = loadConfig({ ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
  const deps = createCommandDeps({ config, providerOverrides: { pacing: { initialMs: 50, maxMs: 100 } } });
  const jobs = createJobStore(handle.store, handle.jobIndex);
  return {
    handle,
    jobs,
    runner: (recorder) => {
      const runner = createJobRunner({ jobs, locks: handle.locks, deps, log, sweepMs: 100, leaseMs: 1000 });
      runner.register('test', recorder.delivery());
      return runner;
    },
  };
}

const invocation = (name: string): RecapInvocation => ({
  name: 'recap',
  ref: { kind: 'url', url: `https://media.example.com/${name}.mp4` },
  want: ['summary'],
  provider: 'assemblyai',
});

describe('job runner', () => {
  it('P-13: stopped while the provider works, a new runner on the same store waits for the same provider job and posts once', { timeout: 20_000 }, async () => {
    const h = harness();
    const recorder = new Recorder();
    const first = h.runner(recorder);
    const job = await first.submit(invocation('p13'), { platform: 'test' });
    const running = first.run(job.id);
    await until(async () => (await h.jobs.get(job.id))?.providerJob, 'the provider job saved');
    const submits = fake.createBodies().length;
    await first.stop(0);
    await running;
    expect((await h.jobs.get(job.id))?.state).toBe('pending');
    expect(recorder.replies).toEqual([]);

    const second = h.runner(recorder);
    await second.start();
    await until(async () => ((await h.jobs.get(job.id))?.state === 'done' ? true : undefined), 'the job done', 15_000);
    await second.stop();
    expect(fake.createBodies().length).toBe(submits);
    expect(recorder.replies).toEqual([`${job.id}:recap`]);
    expect(recorder.statuses.filter((s) => s.endsWith(':done'))).toEqual([`${job.id}:done`]);
  });

  it('P-14: an error after the reply was posted (and recorded) retries without posting it again', { timeout: 20_000 }, async () => {
    const h = harness();
    const recorder = new Recorder();
    recorder.failOnce = 'deliver';
    const runner = h.runner(recorder);
    await runner.start();
    const job = await runner.submit(invocation('p14'), { platform: 'test' });
    void runner.run(job.id);
    await until(async () => ((await h.jobs.get(job.id))?.state === 'done' ? true : undefined), 'the job done after a retry', 15_000);
    await runner.stop();
    const record = await h.jobs.get(job.id);
    expect(record?.attempts).toBe(1);
    expect(record?.posted).toEqual({ status: 'S1', 'reply:0': 'R1' });
    expect(recorder.replies).toEqual([`${job.id}:recap`]);
  });

  it('a refusal that cannot pass (give-up) fails the job once; nothing is retried', { timeout: 20_000 }, async () => {
    const h = harness();
    const recorder = new Recorder();
    recorder.permanent = true;
    const runner = h.runner(recorder);
    await runner.start();
    const job = await runner.submit(invocation('gone'), { platform: 'test' });
    await runner.run(job.id);
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    const record = await h.jobs.get(job.id);
    expect(record?.state).toBe('failed');
    expect(record?.attempts).toBe(1);
    expect(await h.jobs.pending()).toEqual([]);
  });

  it(`errors that may pass are retried by the sweep, and the job is failed after ${MAX_ATTEMPTS} attempts`, { timeout: 20_000 }, async () => {
    const h = harness();
    const recorder = new Recorder();
    const failing: Delivery = { ...recorder.delivery(), surface: () => ({ status: async () => Promise.reject(new Error('platform down')), deliver: async () => ({ inThread: true }) }) };
    const runner = createJobRunner({ jobs: h.jobs, locks: h.handle.locks, deps: createCommandDeps({ config: loadConfig({}) }), log, sweepMs: 50, leaseMs: 1000 });
    runner.register('test', failing);
    await runner.start();
    const job = await runner.submit({ name: 'recap', ref: { kind: 'url', url: 'https://example.com/a.vtt' }, want: ['summary'] }, { platform: 'test' });
    await until(async () => ((await h.jobs.get(job.id))?.state === 'failed' ? true : undefined), 'the job failed', 10_000);
    await runner.stop();
    expect((await h.jobs.get(job.id))?.attempts).toBe(MAX_ATTEMPTS);
  });

  it('P-18: a job leased by another process is not run here', async () => {
    const h = harness();
    const recorder = new Recorder();
    const runner = h.runner(recorder);
    const job = await runner.submit(invocation('leased'), { platform: 'test' });
    expect(await h.handle.locks.acquire(`job:${job.id}`, 'another-replica', 10_000)).toBe(true);
    await runner.run(job.id);
    expect(recorder.statuses).toEqual([]);
    expect((await h.jobs.get(job.id))?.state).toBe('pending');
  });

  it('a job for a platform this process does not serve stays pending for one that does', async () => {
    const h = harness();
    const runner = h.runner(new Recorder());
    const job = await runner.submit(invocation('elsewhere'), { platform: 'discord' });
    await runner.run(job.id);
    expect(await h.jobs.pending()).toEqual([job.id]);
  });
});

describe('job store', () => {
  it('finished jobs leave the pending index; concurrent submissions are all indexed', async () => {
    const h = harness();
    const runner = h.runner(new Recorder());
    const submitted = await Promise.all(Array.from({ length: 40 }, (_, i) => runner.submit(invocation(`many-${i}`), { platform: 'nowhere' })));
    expect(new Set(await h.jobs.pending())).toEqual(new Set(submitted.map((j) => j.id)));
    await Promise.all(submitted.slice(0, 25).map((j) => h.jobs.update(j.id, (r) => void (r.state = 'done'))));
    expect(new Set(await h.jobs.pending())).toEqual(new Set(submitted.slice(25).map((j) => j.id)));
    expect(await h.jobs.get('not-a-job-id')).toBeUndefined();
  });
});
