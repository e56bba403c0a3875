/**
 * Provider callbacks end to end (checklist P-1…P-8): Recap booted in-process with PUBLIC_URL, answering `/recap`
 * slash commands from the fake Slack, with the AssemblyAI and Memories.ai fakes as providers, all over real HTTP on
 * 127.0.0.1. The providers call back as they do (AssemblyAI: `{transcript_id, status}` with the custom auth header;
 * Memories.ai: `{videoNo, status}` unsigned); the test adds the callbacks a provider might get wrong or an attacker
 * might send. Polls are 24 s or more apart, so a recap posted within a few seconds was finished by a callback.
 *
 * An AssemblyAI transcript here is `queued` for 0.9 s, then `processing` for 0.9 s, then `completed`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import type { JobRecord } from '../../src/jobs/job-record.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';

const SECRET = 'jobs-test-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-jobs-0000-recap';
const STEP_MS = 900;

let slack: SlackFake;
let aai: AssemblyAiFake;
let memories: MemoriesFake;
let recap: RunningRecap;
let base: string;
let n = 0;
const sender = slackSender(SECRET, () => base, 'EvJobs');

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT', postRate: false });
  aai = await startAssemblyAiFake({ stepMs: STEP_MS });
  // Memories.ai videos stay UNPARSE until the test finishes them (which also sends their callback).
  memories = await startMemoriesFake({ stepMs: 10 * 60_000, rate: false });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: base,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    ASSEMBLYAI_API_KEY: aai.apiKey,
    ASSEMBLYAI_BASE_URL: aai.url,
    MEMORIES_API_KEY: memories.apiKey,
    MEMORIES_BASE_URL: memories.baseUrl,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    slackPoster: { minIntervalMs: 0 },
    overrides: { providerOverrides: { pacing: { initialMs: 30_000, maxMs: 60_000 } } },
  });
});
afterAll(async () => {
  await recap?.stop();
  await Promise.all([slack?.close(), aai?.close(), memories?.close()]);
});

/** Sends `/recap <url> summary` in a fresh channel; resolves with the stored job once its provider job is saved. */
async function recapIn(channel: string, url: string, extra = ''): Promise<JobRecord> {
  const response = await sender.sendCommand(`${url} summary${extra}`, channel, slack.responseUrl(`jobs-${++n}`));
  expect(response.status).toBe(200);
  const id = await until(async () => {
    for (const jobId of await recap.jobs.pending()) {
      const job = await recap.jobs.get(jobId);
      if ((job?.target as { channel?: string } | undefined)?.channel === channel && job?.providerJob) return jobId;
    }
    return undefined;
  }, 'the job with its provider job', 10_000);
  return (await recap.jobs.get(id))!;
}

const hook = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/hooks/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const aaiHook = (job: JobRecord, status: string, headers: Record<string, string> = { [CALLBACK_AUTH_HEADER]: job.callbackSecret }) =>
  hook(`assemblyai/${job.id}`, { transcript_id: job.providerJob!.id, status }, headers);
/** Reads of a transcript's state, with the API key (the poll). */
const transcriptReads = (transcriptId: string) =>
  aai.calls('GET', `/v2/transcript/${transcriptId}`).filter((r) => r.path === `/v2/transcript/${transcriptId}` && r.headers.authorization === aai.apiKey).length;
const transcript = (job: JobRecord) => aai.transcripts.get(job.providerJob!.id)!;
const posts = (channel: string) => slack.calls('chat.postMessage').filter((a) => a.channel === channel);
/** Recaps are posted in the status message's thread. */
const recapsIn = (channel: string) => slack.messages(channel).filter((m) => m.thread_ts);
const stateOf = async (job: JobRecord) => (await recap.jobs.get(job.id))?.state;
const finished = (job: JobRecord, timeoutMs = 15_000) => until(async () => ((await stateOf(job)) !== 'pending' ? stateOf(job) : undefined), 'the job finished', timeoutMs);

/** One status message, edited to its final state, and (when done) one recap in its thread: nothing else. */
async function expectOneAnswer(channel: string, final: RegExp, recaps = 1) {
  await settle(500);
  const messages = slack.messages(channel);
  const status = messages.filter((m) => !m.thread_ts);
  expect(status).toHaveLength(1);
  expect(status[0]!.text).toMatch(final);
  expect(recapsIn(channel)).toHaveLength(recaps);
  if (recaps) expect(recapsIn(channel)[0]!.thread_ts).toBe(status[0]!.ts);
  expect(posts(channel)).toHaveLength(1 + recaps);
}

describe('provider callbacks', () => {
  it('P-1 the AssemblyAI callback with the right header gets 200, the transcript is re-read with the API key, one recap is posted long before the next poll', async () => {
    const job = await recapIn('C-p1', 'https://media.example.com/p1.mp4');
    const id = job.providerJob!.id;
    expect(transcript(job).request).toMatchObject({ webhook_url: `${base}/hooks/assemblyai/${job.id}`, webhook_auth_header_name: CALLBACK_AUTH_HEADER });
    const delivered = await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus !== undefined), 'the callback', 10_000);
    expect(delivered.responseStatus).toBe(200);
    expect(delivered.headers[CALLBACK_AUTH_HEADER]).toBe(job.callbackSecret);
    expect(await finished(job)).toBe('done');
    expect(transcriptReads(id)).toBeGreaterThanOrEqual(2);
    // One delivery: a 2xx ends AssemblyAI's retries.
    expect(aai.webhooks.filter((w) => w.transcriptId === id)).toHaveLength(1);
    await expectOneAnswer('C-p1', /✅/);
  });

  it('P-2 a missing or wrong auth header gets 401 and nothing is fetched; the real callback still finishes the job once', async () => {
    const job = await recapIn('C-p2', 'https://media.example.com/p2.mp4');
    const other = await recapIn('C-p2-other', 'https://media.example.com/p2-other.mp4');
    const id = job.providerJob!.id;
    const reads = transcriptReads(id);
    const wrong: Record<string, string>[] = [
      {},
      { [CALLBACK_AUTH_HEADER]: '' },
      { [CALLBACK_AUTH_HEADER]: 'not-the-secret' },
      { [CALLBACK_AUTH_HEADER]: `${job.callbackSecret}x` },
      { [CALLBACK_AUTH_HEADER]: other.callbackSecret },
      { authorization: job.callbackSecret },
    ];
    for (const headers of wrong) expect((await aaiHook(job, 'completed', headers)).status, JSON.stringify(headers)).toBe(401);
    await settle(300);
    expect(transcriptReads(id)).toBe(reads);
    expect(await stateOf(job)).toBe('pending');
    expect(await finished(job)).toBe('done');
    expect(await finished(other)).toBe('done');
    await expectOneAnswer('C-p2', /✅/);
  });

  it('P-3 the same callback delivered 3× at once, and again after the job is done, posts one recap', async () => {
    const job = await recapIn('C-p3', 'https://media.example.com/p3.mp4');
    // AssemblyAI's own delivery is held back: the three below are the only callbacks.
    delete transcript(job).request!.webhook_url;
    await until(() => transcript(job).object.status === 'completed' || undefined, 'the transcript completed', 10_000);
    const at = await Promise.all([1, 2, 3].map(() => aaiHook(job, 'completed')));
    expect(at.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await finished(job)).toBe('done');
    const again = await Promise.all([1, 2, 3].map(() => aaiHook(job, 'completed')));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    await expectOneAnswer('C-p3', /✅/);
  });

  it('P-4 a callback for an unknown job, a malformed id or a provider without callbacks gets 404; nothing runs and Recap keeps serving', async () => {
    const job = await recapIn('C-p4', 'https://media.example.com/p4.mp4');
    expect(await finished(job)).toBe('done');
    await settle(300);
    const before = { aai: aai.requests.length, slack: slack.requests.length };
    const body = { transcript_id: job.providerJob!.id, status: 'completed' };
    const auth = { [CALLBACK_AUTH_HEADER]: job.callbackSecret };
    for (const path of ['assemblyai/AAAAAAAAAAAAAAAAAAAAAA', `assemblyai/${job.id}x`, `assemblyai/${job.id.slice(1)}`, 'assemblyai/..%2Fjobs%3Apending', `spotme/${job.id}`, `unknown/${job.id}`]) {
      expect((await hook(path, body, auth)).status, path).toBe(404);
    }
    // A body far larger than any callback is refused before anything is read.
    expect((await fetch(`${base}/hooks/assemblyai/${job.id}`, { method: 'POST', headers: auth, body: 'x'.repeat(200_000) })).status).toBe(413);
    await settle(300);
    expect(aai.requests.length).toBe(before.aai);
    expect(slack.requests.length).toBe(before.slack);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('P-5 a callback saying completed while AssemblyAI still says processing changes nothing: polling goes on, one recap when it is really done', async () => {
    const job = await recapIn('C-p5', 'https://media.example.com/p5.mp4');
    const id = job.providerJob!.id;
    await until(() => transcript(job).object.status === 'processing' || undefined, 'the transcript processing', 10_000);
    const reads = transcriptReads(id);
    expect((await aaiHook(job, 'completed')).status).toBe(200);
    // The callback is a hint: the poll re-reads AssemblyAI, which says processing.
    await until(() => transcriptReads(id) > reads || undefined, 'the re-read', 5_000);
    await settle(200);
    if (transcript(job).object.status === 'processing') {
      expect(await stateOf(job)).toBe('pending');
      expect(recapsIn('C-p5')).toHaveLength(0);
    }
    expect(await finished(job)).toBe('done');
    await expectOneAnswer('C-p5', /✅/);
  });

  it("P-5 AssemblyAI's real callback arriving while the hinted re-read is still in flight is not lost", async () => {
    const job = await recapIn('C-p5-race', 'https://media.example.com/p5-race.mp4');
    const id = job.providerJob!.id;
    await until(() => transcript(job).object.status === 'processing' || undefined, 'the transcript processing', 10_000);
    // The re-read answers `processing` but takes ~2 s to arrive; the transcript completes meanwhile and its callback comes.
    aai.slowBody({ path: new RegExp(`^/v2/transcript/${id}$`), chunkDelayMs: 220, times: 1 });
    expect((await aaiHook(job, 'completed')).status).toBe(200);
    await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus === 200), 'the real callback', 10_000);
    // The next scheduled poll is 24 s or more away: only the callback can finish it this soon.
    expect(await finished(job, 12_000)).toBe('done');
    await expectOneAnswer('C-p5-race', /✅/);
  });

  it('P-6 a callback with status error fails the job once and tells the user in the status message; no retries', async () => {
    const job = await recapIn('C-p6', 'https://media.example.com/corrupt-p6.mp4');
    const id = job.providerJob!.id;
    expect(await finished(job)).toBe('failed');
    await settle(1000);
    expect(aai.webhooks.filter((w) => w.transcriptId === id).map((w) => w.responseStatus)).toEqual([200]);
    expect(aai.createBodies().filter((b) => b.audio_url === 'https://media.example.com/corrupt-p6.mp4')).toHaveLength(1);
    expect(transcriptReads(id)).toBeLessThanOrEqual(3);
    await expectOneAnswer('C-p6', /⚠️.*(audio|Transcoding)/i, 0);
    expect((await recap.jobs.get(job.id))?.error?.message).toMatch(/audio/i);
  });

  it('P-8 Memories.ai: a wrong per-job token in the path (or another provider’s path) gets 404 and nothing is read; its own callback finishes the job long before the next poll', async () => {
    const job = await recapIn('C-p8', 'https://media.example.com/p8.mp4', ' --provider memories');
    expect(job.providerJob!.provider).toBe('memories');
    const video = memories.videos.get(job.providerJob!.id)!;
    expect(video.callback).toBe(`${base}/hooks/memories/${job.id}`);
    const reads = () => memories.requests.filter((r) => r.method === 'GET').length;
    const before = reads();
    const body = { videoNo: video.videoNo, status: 'PARSE' };
    for (const path of ['memories/AAAAAAAAAAAAAAAAAAAAAA', `memories/${job.id.slice(0, -1)}${job.id.endsWith('A') ? 'B' : 'A'}`, `pictory/${job.id}`, `assemblyai/${job.id}`]) {
      expect((await hook(path, body, { [CALLBACK_AUTH_HEADER]: job.callbackSecret })).status, path).toBe(404);
    }
    await settle(300);
    expect(reads()).toBe(before);
    expect(await stateOf(job)).toBe('pending');
    memories.finish(video.videoNo);
    expect(await finished(job)).toBe('done');
    await expectOneAnswer('C-p8', /✅/);
  });
});
