/**
 * `wake(id)`: what a provider callback does to the job's waiting poll (P-1, P-5). Polls here are 30 s or more apart
 * (no jitter: `random` is fixed), so a job that finishes within a few seconds was finished by a wake, not by its
 * schedule. The AssemblyAI fake is the provider; the chat side is a delivery that records posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapInvocation } from '../../../commands/invocation.ts';
import { createCommandDeps } from '../../../src/command-deps.ts';
import { loadConfig } from '../../../src/config.ts';
import { createJobRunner, type JobRunner } from '../../../src/jobs/job-runner.ts';
import { createJobStore, type JobStore } from '../../../src/jobs/job-store.ts';
import { createLogger } from '../../../src/log.ts';
import { memoryStore } from '../../../src/store.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../../fakes/assemblyai.ts';
import { until } from '../../support/slack-requests.ts';
import { recordReplies } from '../../support/recording-delivery.ts';

const log = createLogger({ level: 'silent' });
let fake: AssemblyAiFake;
const runners: JobRunner[] = [];
beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 100 });
});
afterAll(async () => {
  for (const r of runners) await r.stop(0);
  await fake?.close();
});

function setup(initialMs: number) {
  const handle = memoryStore();
  const jobs = createJobStore(handle.store, handle.jobIndex);
  const config = loadConfig({ ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
  const deps = createCommandDeps({ config, providerOverrides: { pacing: { initialMs, maxMs: 120_000 } }, wait: { random: () => 0.5 } });
  const runner = createJobRunner({ jobs, locks: handle.locks, deps, log, sweepMs: 60_000, leaseMs: 60_000 });
  const replies = recordReplies(runner);
  runners.push(runner);
  return { jobs, runner, replies };
}

const media = (name: string): RecapInvocation => ({ name: 'recap', ref: { kind: 'url', url: `https://media.example.com/${name}.mp4` }, want: ['summary'], provider: 'assemblyai' });
const transcriptReads = (id: string) => fake.calls('GET', new RegExp(`^/v2/transcript/${id}$`)).length;
const done = (jobs: JobStore, id: string, timeoutMs: number) =>
  until(async () => ((await jobs.get(id))?.state === 'done' ? true : undefined), 'the job done by the wake', timeoutMs);

describe('job runner: wake', () => {
  it('wake() says false for a job that is not running in this process', async () => {
    const { runner } = setup(30_000);
    const job = await runner.submit(media('idle'), { platform: 'nowhere' });
    expect(runner.wake(job.id)).toBe(false);
    expect(runner.wake('AAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
  });

  it('P-1 a wake cuts the sleep short: the poll re-reads the provider at once and the job finishes', async () => {
    const { jobs, runner, replies } = setup(30_000);
    const job = await runner.submit(media('wake'), { platform: 'test' });
    void runner.run(job.id);
    const providerJob = await until(async () => (await jobs.get(job.id))?.providerJob, 'the provider job');
    await until(() => fake.transcripts.get(providerJob.id)?.object.status === 'completed' || undefined, 'the transcript completed');
    await until(() => transcriptReads(providerJob.id) >= 1 || undefined, 'the first poll');
    expect(runner.wake(job.id)).toBe(true);
    await done(jobs, job.id, 10_000);
    expect(replies).toEqual([job.id]);
  });

  it('P-5 a callback that arrives while the poll is reading the provider is not lost', async () => {
    const { jobs, runner, replies } = setup(30_000);
    // The first read of the transcript answers `queued` (its state when asked) but takes ~3 s to arrive: the
    // transcript completes, and its callback comes, while that read is in flight.
    fake.slowBody({ path: /^\/v2\/transcript\/[0-9a-f-]{36}$/, chunkDelayMs: 350, times: 1 });
    const job = await runner.submit(media('in-flight'), { platform: 'test' });
    void runner.run(job.id);
    const providerJob = await until(async () => (await jobs.get(job.id))?.providerJob, 'the provider job');
    await until(() => fake.transcripts.get(providerJob.id)?.object.status === 'completed' || undefined, 'the transcript completed');
    expect(transcriptReads(providerJob.id)).toBe(1);
    expect(runner.wake(job.id)).toBe(true);
    // Without the wake the next poll is 30 s away.
    await done(jobs, job.id, 12_000);
    expect(replies).toEqual([job.id]);
  });

  it('P-5 every callback wakes the poll, also after an earlier one did (the first sleep ending late does not unhook the next)', async () => {
    const { jobs, runner, replies } = setup(7_000);
    // The transcript stays `processing` until the test lets it finish.
    const job = await runner.submit(media('twice'), { platform: 'test' });
    void runner.run(job.id);
    const providerJob = await until(async () => (await jobs.get(job.id))?.providerJob, 'the provider job');
    const transcript = await until(() => fake.transcripts.get(providerJob.id), 'the transcript');
    const hold = setInterval(() => Object.assign(transcript.object, { status: 'processing' }), 5);
    try {
      await until(() => transcriptReads(providerJob.id) >= 1 || undefined, 'the first poll');
      const firstSleepEnds = Date.now() + 7_000;
      // A first (early) callback: the poll reads `processing` and sleeps again, now 11.2 s.
      expect(runner.wake(job.id)).toBe(true);
      await until(() => transcriptReads(providerJob.id) >= 2 || undefined, 'the poll after the first wake', 3_000);
      // Past the end of the first sleep's own timer (it must not unhook the second sleep's waker)…
      await new Promise((r) => setTimeout(r, Math.max(0, firstSleepEnds - Date.now()) + 400));
      clearInterval(hold);
      Object.assign(transcript.object, { status: 'completed' });
      // …the real callback wakes the second sleep.
      expect(runner.wake(job.id)).toBe(true);
      await done(jobs, job.id, 2_500);
    } finally {
      clearInterval(hold);
    }
    expect(replies).toEqual([job.id]);
  });
});
