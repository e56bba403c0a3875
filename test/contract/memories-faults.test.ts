/**
 * Memories.ai contract under faults: envelope errors at HTTP 200 (0401, 0402, 0429 and the rest), HTTP 404/429/
 * 500/503, answers that never come, cut-off JSON, slow bodies and dropped connections. Reads are retried; uploads
 * (POSTs that create a video) never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/http/provider-error.ts';
import type { MemoriesClient } from '../../src/providers/memories/client.ts';
import { startMemoriesFake, type FakeVideo, type MemoriesFake } from '../fakes/memories.ts';
import { failure } from '../fakes/memories/guards.ts';
import { clientFor } from '../fakes/memories/test-support.ts';

let fake: MemoriesFake;
let video: FakeVideo;
const MEDIA = 'https://media.example.com/standup.mp4';
const AUDIO = '/serve/api/v1/get_audio_transcription';
const UPLOAD_URL = '/serve/api/v1/upload_url';

beforeAll(async () => {
  fake = await startMemoriesFake({ stepMs: 20, rate: false });
  video = fake.seed();
});
afterAll(() => fake.close());

/** Requests made to `path` while `run` ran. */
async function countDuring(method: string, path: string, run: () => Promise<unknown>): Promise<number> {
  const before = fake.calls(method, path).length;
  await run().catch(() => undefined);
  return fake.calls(method, path).length - before;
}
const read = (client: MemoriesClient) => client.audioTranscription(video.videoNo);
const speechOf = async (client: MemoriesClient) => (await read(client))!.segments.length;

describe('Memories.ai envelope errors (HTTP 200)', () => {
  it('0401 (wrong key): not retried; says to check MEMORIES_API_KEY and never shows the key', async () => {
    const client = clientFor(fake, { apiKey: 'sk-wrong-key-0000000000' });
    let error: unknown;
    expect(await countDuring('GET', AUDIO, async () => (error = await read(client).catch((e: unknown) => e)))).toBe(1);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, providerCode: '0401', retryable: false, message: "Memories.ai rejected Recap's API key." });
    expect((error as ProviderError).hint).toMatch(/MEMORIES_API_KEY/);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('sk-wrong-key');
  });

  it('"Bearer <key>" is not how Memories.ai takes its key: the client sends it bare', async () => {
    await read(clientFor(fake));
    expect(fake.calls('GET', AUDIO).at(-1)!.headers.authorization).toBe(fake.apiKey);
  });

  it('P-10 0429 at HTTP 200 is retried with growing, jittered backoff (1 s → 32 s by default)', async () => {
    const waits: number[] = [];
    // The default policy, with time injected: no real waiting, but the real windows.
    const client = clientFor(fake, { client: { retry: { baseDelayMs: 1000, maxDelayMs: 32_000 }, random: () => 0.999, sleep: async (ms) => void waits.push(ms) } });
    fake.busyNext(5);
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(client)).toBe(10))).toBe(6);
    expect(waits).toEqual([999, 1998, 3996, 7992, 15_984]);
  });

  it('P-10 0429 that outlasts the tries ends as a retryable "busy" error', async () => {
    const client = clientFor(fake, { client: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } } });
    fake.busyNext(2);
    const error = await read(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ providerCode: '0429', retryable: true, message: 'Memories.ai is busy right now (too many requests).' });
  });

  it('a numeric code 429 (as on the rate-limit page) is the same busy code', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'body', body: { code: 429, msg: 'Rate limit exceeded', data: null } } });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(clientFor(fake))).toBe(10))).toBe(2);
  });

  it('0429 on an upload is not retried: the POST is sent once', async () => {
    fake.busyNext(1);
    const before = fake.videos.size;
    const calls = await countDuring('POST', UPLOAD_URL, () => expect(clientFor(fake).uploadUrl(MEDIA, { uniqueId: 'default' })).rejects.toMatchObject({ providerCode: '0429' }));
    expect(calls).toBe(1);
    expect(fake.videos.size).toBe(before);
  });

  it('0402 (out of credits): not retried, and says so in words', async () => {
    fake.setCredits(false);
    try {
      let error: unknown;
      expect(await countDuring('POST', UPLOAD_URL, async () => (error = await clientFor(fake).uploadUrl(MEDIA).catch((e: unknown) => e)))).toBe(1);
      expect(error).toMatchObject({ providerCode: '0402', retryable: false, message: "Memories.ai has no credits left on Recap's account." });
      expect((error as ProviderError).hint).toMatch(/top up the Memories.ai account behind MEMORIES_API_KEY/);
      expect(await countDuring('GET', AUDIO, () => read(clientFor(fake)))).toBe(1);
    } finally {
      fake.setCredits(true);
    }
  });

  it.each([
    ['0403', /disabled/],
    ['0409', /duplicate upload/],
    ['9009', /denied/],
    ['0003', /bad parameters/],
  ])('%s is explained and not retried', async (code, message) => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'body', body: failure(code, 'vendor words') } });
    let error: unknown;
    expect(await countDuring('GET', AUDIO, async () => (error = await read(clientFor(fake)).catch((e: unknown) => e)))).toBe(1);
    expect(error).toMatchObject({ providerCode: code, providerMessage: 'vendor words', retryable: false, message: expect.stringMatching(message) });
  });
});

describe('Memories.ai HTTP and network faults', () => {
  it('HTTP 401 with an envelope reads like 0401', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'status', status: 401, body: failure('0401', 'Unauthorized') } });
    const error = await read(clientFor(fake)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, providerCode: '0401', message: "Memories.ai rejected Recap's API key.", retryable: false });
  });

  it('404: not found, not retried', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'status', status: 404 } });
    let error: unknown;
    expect(await countDuring('GET', AUDIO, async () => (error = await read(clientFor(fake)).catch((e: unknown) => e)))).toBe(1);
    expect(error).toMatchObject({ status: 404, code: 'not_found', retryable: false });
  });

  it('HTTP 429 with Retry-After: the GET waits as long as asked, then succeeds', async () => {
    const client = clientFor(fake, { client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 } } });
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'status', status: 429, body: failure('0429', 'busy'), headers: { 'retry-after': '1' } } });
    const started = Date.now();
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(client)).toBe(10))).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('500 and 503: GETs are retried; an upload is sent once', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'status', status: 500 } });
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'status', status: 503 } });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(clientFor(fake))).toBe(10))).toBe(3);
    fake.inject({ method: 'POST', path: UPLOAD_URL, fault: { kind: 'status', status: 503 } });
    const uploads = await countDuring('POST', UPLOAD_URL, () => expect(clientFor(fake).uploadUrl(MEDIA)).rejects.toMatchObject({ status: 503, retryable: true }));
    expect(uploads).toBe(1);
  });

  it('a hanging answer times out: the GET is tried again, the upload is not', async () => {
    const client = clientFor(fake, { client: { timeoutMs: 250 } });
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'hang' } });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(client)).toBe(10))).toBe(2);
    fake.inject({ method: 'POST', path: UPLOAD_URL, fault: { kind: 'hang' } });
    const uploads = await countDuring('POST', UPLOAD_URL, () => expect(client.uploadUrl(MEDIA)).rejects.toMatchObject({ code: 'timeout', retryable: true }));
    expect(uploads).toBe(1);
  });

  it('truncated JSON is a readable error, not a crash (and not retried)', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'truncated' } });
    let error: unknown;
    expect(await countDuring('GET', AUDIO, async () => (error = await read(clientFor(fake)).catch((e: unknown) => e)))).toBe(1);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/could not read/);
  });

  it('slow bodies: one within the deadline is read; one past it is tried again', async () => {
    const client = clientFor(fake, { client: { timeoutMs: 400 } });
    fake.slowBody({ path: 'get_audio_transcription', chunkDelayMs: 15 });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(client)).toBe(10))).toBe(1);
    fake.slowBody({ path: 'get_audio_transcription', chunkDelayMs: 100 });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(client)).toBe(10))).toBe(2);
  });

  it('ECONNRESET: a GET is tried again; a multipart upload is not', async () => {
    fake.inject({ method: 'GET', path: AUDIO, fault: { kind: 'reset' } });
    expect(await countDuring('GET', AUDIO, async () => expect(await speechOf(clientFor(fake))).toBe(10))).toBe(2);
    fake.inject({ method: 'POST', path: '/serve/api/v1/upload', fault: { kind: 'reset' } });
    const uploads = await countDuring('POST', '/serve/api/v1/upload', () =>
      expect(clientFor(fake).uploadFile(new Blob([new Uint8Array(4096)]), 'a.mp4')).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/could not reach/) }),
    );
    expect(uploads).toBe(1);
  });
});
