/**
 * A provider that keeps failing (every AssemblyAI request answered 503): a stored job tries again at each sweep
 * rather than giving the user a provider's passing trouble at once, and after five tries says so once, with what to
 * do. Nothing is retried after that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import type { StatusDetail } from '../../src/jobs/delivery.ts';
import { MAX_ATTEMPTS } from '../../src/jobs/job-runner.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { settle, until } from '../support/slack-requests.ts';

let aai: AssemblyAiFake;
let recap: RunningRecap;
const failures: StatusDetail[] = [];

beforeAll(async () => {
  aai = await startAssemblyAiFake({ errorRate: 1 });
  const config = loadConfig({ PORT: '0', ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    jobs: { sweepMs: 200 },
    overrides: { providerOverrides: { client: { retry: { attempts: 1 } } } },
  });
  recap.runner.register('test', {
    surface: () => ({
      status: async (stage, _source, detail) => {
        if (stage === 'failed' && detail) failures.push(detail);
      },
      deliver: async () => ({ inThread: true }),
    }),
  });
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
});

describe('a provider that keeps failing', () => {
  it('P-9 the job is tried again at each sweep, then the user is told once what went wrong and what to do', { timeout: 30_000 }, async () => {
    const job = await recap.runner.submit({ name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/down.mp4' }, want: ['summary'], provider: 'assemblyai' }, { platform: 'test' });
    void recap.runner.run(job.id);
    const failed = await until(async () => ((await recap.jobs.get(job.id))?.state === 'failed' ? await recap.jobs.get(job.id) : undefined), 'the job failed', 20_000);
    const submits = () => aai.requests.filter((r) => r.method === 'POST' && r.path === '/v2/transcript').length;
    expect(submits()).toBe(MAX_ATTEMPTS);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toMatch(/AssemblyAI is having trouble/);
    expect(failures[0]!.hint).toMatch(/Try again/);
    expect(failed!.attempts).toBe(MAX_ATTEMPTS - 1);
    await settle(800);
    expect(submits()).toBe(MAX_ATTEMPTS);
  });
});
