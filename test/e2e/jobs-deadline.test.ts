/**
 * P-11: a provider that stays "processing" past the job's deadline. The job fails once with a message that says
 * what to do (the provider id to ask for later), and polling stops: the fake sees no read after that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import type { StatusDetail } from '../../src/jobs/delivery.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { settle, until } from '../support/slack-requests.ts';

let aai: AssemblyAiFake;
let recap: RunningRecap;
const statuses: { stage: string; detail?: StatusDetail }[] = [];
const replies: string[] = [];

beforeAll(async () => {
  // A transcript stays queued, then processing, for a minute each: far past the job's 1.5 s deadline.
  aai = await startAssemblyAiFake({ stepMs: 60_000 });
  const config = loadConfig({ PORT: '0', ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    jobs: { maxWaitMs: 1500 },
    overrides: { providerOverrides: { pacing: { initialMs: 200, maxMs: 400 } } },
  });
  recap.runner.register('test', {
    surface: (job) => ({
      status: async (stage, _source, detail) => {
        statuses.push({ stage, ...(detail ? { detail } : {}) });
      },
      deliver: async () => {
        replies.push(job.id);
        return { inThread: true };
      },
    }),
  });
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
});

describe('a provider that never finishes', () => {
  it('P-11 the job fails at its deadline, tells the user once how to pick the work up later, and polling stops', { timeout: 20_000 }, async () => {
    const job = await recap.runner.submit({ name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/long.mp4' }, want: ['summary'], provider: 'assemblyai' }, { platform: 'test' });
    await recap.runner.run(job.id);
    const failed = await until(async () => ((await recap.jobs.get(job.id))?.state === 'failed' ? await recap.jobs.get(job.id) : undefined), 'the job failed', 10_000);
    const transcriptId = failed!.providerJob!.id;
    expect(failed!.error?.message).toMatch(/still working.*stopped waiting/);
    expect(failed!.error?.hint).toContain(`/recap assemblyai:${transcriptId}`);
    const told = statuses.filter((s) => s.stage === 'failed');
    expect(told).toHaveLength(1);
    expect(told[0]!.detail).toMatchObject({ message: failed!.error!.message });
    expect(replies).toHaveLength(0);

    const reads = () => aai.requests.filter((r) => r.method === 'GET' && r.path === `/v2/transcript/${transcriptId}`).length;
    const after = reads();
    await settle(1500);
    expect(reads()).toBe(after);
    expect(recap.runner.running()).not.toContain(job.id);
  });
});
