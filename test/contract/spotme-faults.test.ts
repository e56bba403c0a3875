/**
 * SpotMe client vs the fake's injected faults, over real HTTP: reads (GET) are retried, the trigger (POST) never
 * is, since a second trigger would replace the transcript. Also the rate budget: 3 requests/s, bursts of 5.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/http/provider-error.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { clientFor, freshToken } from '../fakes/spotme/test-clients.ts';

describe('SpotMe client under faults', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken(), stepMs: 1000 });
    fake.addSession('sess-1', { vod: true });
    fake.seedRecording('sess-1');
  });
  afterEach(() => fake.close());

  const trigger = (client = clientFor(fake)) => client.triggerGeneration({ kind: 'session', id: 'sess-1' });
  const posts = () => fake.calls('POST', '/recordings').length;
  const reads = () => fake.calls('GET', '/recordings').length;

  it('GET: waits out a 429 with Retry-After, then succeeds', async () => {
    fake.inject({ method: 'GET', path: '/recordings', fault: { kind: 'status', status: 429, body: { error: 'rate_limited' }, headers: { 'retry-after': '1' } } });
    const started = Date.now();
    const recordings = await clientFor(fake, { client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 } } }).getRecordings('session', 'sess-1');
    expect(recordings?.vttUrl).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(reads()).toBe(2);
  });

  it('GET: a Retry-After longer than the retry cap ends the call at once with a retryable 429', async () => {
    fake.inject({ method: 'GET', path: '/recordings', fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } } });
    await expect(clientFor(fake).getRecordings('session', 'sess-1')).rejects.toMatchObject({ status: 429, retryable: true });
    expect(reads()).toBe(1);
  });

  it('POST trigger: a 429 is not retried, and no job was created', async () => {
    fake.inject({ method: 'POST', path: '/recordings', fault: { kind: 'status', status: 429, headers: { 'retry-after': '0' } } });
    await expect(trigger()).rejects.toMatchObject({ status: 429, retryable: true });
    expect(posts()).toBe(1);
    expect(fake.jobs()).toHaveLength(0);
  });

  it.each([500, 503])('GET: %i is retried, then succeeds', async (status) => {
    fake.inject({ method: 'GET', path: '/recordings', fault: { kind: 'status', status, body: { error: 'oops' } } });
    expect(await clientFor(fake).getRecordings('session', 'sess-1')).toBeDefined();
    expect(reads()).toBe(2);
  });

  it.each([500, 503])('POST trigger: %i is not retried', async (status) => {
    fake.inject({ method: 'POST', path: '/recordings', fault: { kind: 'status', status, body: { error: 'oops' } } });
    await expect(trigger()).rejects.toMatchObject({ status, retryable: true });
    expect(posts()).toBe(1);
  });

  it('GET: gives up after the configured attempts on a lasting 503', async () => {
    fake.inject({ method: 'GET', path: '/jobs/', fault: { kind: 'status', status: 503 }, times: 10 });
    await expect(clientFor(fake, { client: { retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } } }).getJob('job_1')).rejects.toMatchObject({
      status: 503,
    });
    expect(fake.calls('GET', '/jobs/')).toHaveLength(3);
  });

  it('GET: a hang hits the per-attempt deadline and is retried', async () => {
    fake.inject({ method: 'GET', path: '/recordings', fault: { kind: 'hang' } });
    expect(await clientFor(fake, { client: { timeoutMs: 200 } }).getRecordings('session', 'sess-1')).toBeDefined();
    expect(reads()).toBe(2);
  });

  it('POST trigger: a hang times out once and is not sent again', async () => {
    fake.inject({ method: 'POST', path: '/recordings', fault: { kind: 'hang' } });
    await expect(trigger(clientFor(fake, { client: { timeoutMs: 200 } }))).rejects.toMatchObject({ code: 'timeout', retryable: true });
    expect(posts()).toBe(1);
  });

  it('GET: truncated JSON is an unreadable answer, not retried (the server did answer)', async () => {
    fake.inject({ method: 'GET', path: '/jobs/', fault: { kind: 'truncated' } });
    const error = await clientFor(fake).getJob('job_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, retryable: false, message: expect.stringContaining('could not read') });
    expect(fake.calls('GET', '/jobs/')).toHaveLength(1);
  });

  it('GET: a slow body within the deadline is read whole', async () => {
    fake.slowBody({ path: '/recordings', chunkDelayMs: 20, chunks: 4 });
    expect((await clientFor(fake, { client: { timeoutMs: 1000 } }).getRecordings('session', 'sess-1'))?.txtUrl).toBeDefined();
    expect(reads()).toBe(1);
  });

  it('GET: a body slower than the deadline times out and is retried', async () => {
    fake.slowBody({ path: '/recordings', chunkDelayMs: 150, chunks: 5 });
    expect(await clientFor(fake, { client: { timeoutMs: 300 } }).getRecordings('session', 'sess-1')).toBeDefined();
    expect(reads()).toBe(2);
  });

  it('GET: ECONNRESET is retried', async () => {
    fake.inject({ method: 'GET', path: '/recordings', fault: { kind: 'reset' } });
    expect(await clientFor(fake).getRecordings('session', 'sess-1')).toBeDefined();
    expect(reads()).toBe(2);
  });

  it('POST trigger: ECONNRESET is not retried (SpotMe may have accepted it)', async () => {
    fake.inject({ method: 'POST', path: '/recordings', fault: { kind: 'reset' } });
    await expect(trigger()).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('could not reach SpotMe') });
    expect(posts()).toBe(1);
  });
});

describe('SpotMe rate budget (3 requests/s, bursts of 5, per token)', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken() });
    fake.addSession('sess-1', { vod: true });
    fake.seedRecording('sess-1');
  });
  afterEach(() => fake.close());

  it('10 quick calls from two clients of one token never draw a 429 from the fake', async () => {
    const [a, b] = [clientFor(fake), clientFor(fake)];
    const started = Date.now();
    const calls = Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).getRecordings('session', 'sess-1'));
    expect((await Promise.all(calls)).every((r) => r?.vttUrl)).toBe(true);
    expect(fake.limited).toBe(0);
    expect(reads(fake)).toBe(10);
    // 5 at once, then one every 333 ms: the last leaves about 1.67 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('the fake itself answers 429 with Retry-After to a client that ignores the budget', async () => {
    const url = `${fake.baseUrl}/${fake.workspaceId}/live-sessions/sess-1/recordings`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(url, { headers: { authorization: `Bearer ${fake.token}` } })),
    );
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(fake.limited).toBe(limited.length);
  });
});

function reads(fake: SpotMeFake): number {
  return fake.calls('GET', '/recordings').length;
}
