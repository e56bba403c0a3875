/**
 * P-15: a run died between the provider's answer to "start this job" and saving its id. The job is left as such a
 * crash leaves it (pending, `submitting` set, no provider job), and the provider holds the job the dead run started
 * (created on the fake exactly as Recap creates it, with this job's callback URL). The resumed job must wait for
 * that one — found in AssemblyAI's list, or named by a Memories.ai callback — and post once, without a second
 * provider job; with nothing to find, it starts one and still posts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapInvocation } from '../../commands/invocation.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import type { JobRecord } from '../../src/jobs/job-record.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';
import { until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';
import { recordReplies } from '../support/recording-delivery.ts';

let aai: AssemblyAiFake;
let memories: MemoriesFake;
let recap: RunningRecap;
let base: string;
let replies: string[] = [];

beforeAll(async () => {
  aai = await startAssemblyAiFake({ stepMs: 200 });
  // Memories.ai parses for 1.5 s, then calls back.
  memories = await startMemoriesFake({ stepMs: 1500, rate: { perSecond: 100, burst: 100 } });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: base,
    ASSEMBLYAI_API_KEY: aai.apiKey,
    ASSEMBLYAI_BASE_URL: aai.url,
    MEMORIES_API_KEY: memories.apiKey,
    MEMORIES_BASE_URL: memories.baseUrl,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { providerOverrides: { pacing: { initialMs: 300, maxMs: 300 } } },
  });
  replies = recordReplies(recap.runner);
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
  await memories?.close();
});

const MEDIA = 'https://media.example.com/standup.mp4';
const recapOf = (provider: 'assemblyai' | 'memories'): RecapInvocation => ({ name: 'recap', ref: { kind: 'url', url: MEDIA }, want: ['summary'], provider });

/** A job as a run that died mid-start leaves it. */
async function interruptedJob(provider: 'assemblyai' | 'memories'): Promise<JobRecord> {
  const job = await recap.runner.submit(recapOf(provider), { platform: 'test' });
  return recap.jobs.update(job.id, (r) => {
    r.submitting = { provider, at: Date.now() };
  });
}

/** What the dead run's POST created at AssemblyAI: this job's callback URL and secret header. */
async function transcriptStartedFor(job: JobRecord): Promise<string> {
  const response = await fetch(`${aai.url}/v2/transcript`, {
    method: 'POST',
    headers: { authorization: aai.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({
      audio_url: MEDIA,
      webhook_url: `${base}/hooks/assemblyai/${job.id}`,
      webhook_auth_header_name: CALLBACK_AUTH_HEADER,
      webhook_auth_header_value: job.callbackSecret,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const transcriptPosts = () => aai.requests.filter((r) => r.method === 'POST' && r.path === '/v2/transcript').length;
const done = (id: string) => until(async () => ((await recap.jobs.get(id))?.state === 'done' ? true : undefined), 'the job done', 15_000);

describe('P-15 a crash between the provider start and saving its id', () => {
  it('P-15 AssemblyAI: the resumed job finds the transcript the dead run started (by its callback URL) and posts once; no second transcript', { timeout: 30_000 }, async () => {
    const job = await interruptedJob('assemblyai');
    const orphan = await transcriptStartedFor(job);
    // Another job's transcript, newer, must not be taken for this one.
    const other = await interruptedJob('assemblyai');
    const othersTranscript = await transcriptStartedFor(other);
    const before = transcriptPosts();

    await recap.runner.run(job.id);
    await done(job.id);
    const stored = await recap.jobs.get(job.id);
    expect(stored?.providerJob?.id).toBe(orphan);
    expect(stored?.providerJob?.id).not.toBe(othersTranscript);
    expect(transcriptPosts()).toBe(before);
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });

  it('P-15 AssemblyAI: when the dead run never reached AssemblyAI, the job starts one transcript and posts once', { timeout: 30_000 }, async () => {
    const job = await interruptedJob('assemblyai');
    const before = transcriptPosts();

    await recap.runner.run(job.id);
    await done(job.id);
    expect(transcriptPosts()).toBe(before + 1);
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });

  it('P-15 Memories.ai: the callback of the upload the dead run made (job id in its URL) attaches it; no second upload, one post', { timeout: 30_000 }, async () => {
    const job = await interruptedJob('memories');
    // What the dead run's upload_url created: this job's callback URL (Memories.ai calls back when parsing ends).
    const form = new URLSearchParams({ url: MEDIA, unique_id: 'default', callback: `${base}/hooks/memories/${job.id}` });
    const uploaded = await fetch(`${memories.baseUrl}/serve/api/v1/upload_url`, { method: 'POST', headers: { authorization: memories.apiKey }, body: form });
    const videoNo = ((await uploaded.json()) as { data: { videoNo: string } }).data.videoNo;
    const uploads = () => memories.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/upload_url')).length;
    const before = uploads();

    // Nothing runs the job until Memories.ai calls back (the sweep is a minute away).
    await done(job.id);
    const stored = await recap.jobs.get(job.id);
    expect(stored?.providerJob?.id).toBe(videoNo);
    expect(uploads()).toBe(before);
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });
});
