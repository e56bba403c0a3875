import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { backoffDelay, decideRetry, resolveRetryPolicy } from '../../../../src/http/retry-policy.ts';
import { providerError, recordingSleep, seededRandom, startProvider } from './support.ts';

// A breaker that never opens, so retry tests are not cut short by it.
const noBreaker = { failureThreshold: 1_000_000 };

describe('provider client retries', () => {
  it('waits with full jitter: random · min(cap, base · 2^n), in order', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503 }, times: 5 });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({
      provider: 'assemblyai',
      baseUrl: fake.url,
      retry: { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000 },
      breaker: noBreaker,
      random: () => 0.5,
      sleep,
    });
    expect(await client.json('GET', '/v2/items/a')).toEqual({ id: 'a', status: 'completed' });
    expect(waits).toEqual([50, 100, 200, 400, 500]);
    expect(fake.calls('GET', '/v2/items/a')).toHaveLength(6);
  });

  it('P-12 waits grow on average and never exceed the cap (seeded, many calls)', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 502 }, times: 100_000 });
    const { waits, sleep } = recordingSleep();
    const attempts = 6;
    const client = createHttpClient({
      provider: 'assemblyai',
      baseUrl: fake.url,
      retry: { attempts, baseDelayMs: 100, maxDelayMs: 1000 },
      breaker: noBreaker,
      random: seededRandom(12),
      sleep,
    });
    const calls = 60;
    for (let i = 0; i < calls; i += 1) await providerError(client.json('GET', '/v2/items/x'));
    expect(waits).toHaveLength(calls * (attempts - 1));
    const byRetry = Array.from({ length: attempts - 1 }, (_, n) => waits.filter((_w, i) => i % (attempts - 1) === n));
    const means = byRetry.map((ws) => ws.reduce((a, b) => a + b, 0) / ws.length);
    for (let n = 0; n < byRetry.length; n += 1) {
      const ceiling = Math.min(1000, 100 * 2 ** n);
      expect(Math.min(...byRetry[n]!)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...byRetry[n]!)).toBeLessThan(ceiling);
      // Uniform on [0, ceiling): mean ceiling/2; 60 samples keep it well within ±30 %.
      expect(means[n]!).toBeGreaterThan(ceiling * 0.35);
      expect(means[n]!).toBeLessThan(ceiling * 0.65);
    }
    for (let n = 1; n < means.length - 1; n += 1) expect(means[n]!).toBeGreaterThan(means[n - 1]!);

    // And the formula itself over many samples: spread over the whole window, never past the cap.
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    const random = seededRandom(7);
    const samples = Array.from({ length: 20_000 }, () => backoffDelay(8, policy, random));
    expect(Math.max(...samples)).toBeLessThan(1000);
    expect(Math.max(...samples)).toBeGreaterThan(990);
    expect(Math.min(...samples)).toBeLessThan(10);
  });

  it('honours Retry-After in seconds as a floor under the jittered wait', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 429, headers: { 'retry-after': '2' } } });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503, headers: { 'retry-after': '0' } } });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, retry: { baseDelayMs: 1000 }, random: () => 0.9, sleep });
    await client.json('GET', '/v2/items/a');
    // 2 s floor beats the 900 ms jitter; then the 1800 ms jitter beats a 0 s floor.
    expect(waits).toEqual([2000, 1800]);
  });

  it('honours Retry-After as an HTTP date, measured with the injected clock', async () => {
    const { fake } = await startProvider();
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    const later = new Date(now + 3000).toUTCString();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503, headers: { 'retry-after': later } } });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, now: () => now, random: () => 0, sleep });
    await client.json('GET', '/v2/items/a');
    expect(waits).toEqual([3000]);
  });

  it('gives up at once, retryable and saying when, if Retry-After exceeds maxDelayMs', async () => {
    const { fake } = await startProvider();
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 429, headers: { 'retry-after': '120' } } });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, now: () => now, retry: { maxDelayMs: 30_000 }, sleep });
    const error = await providerError(client.json('GET', '/v2/items/a'));
    expect(waits).toEqual([]);
    expect(fake.calls('GET', '/v2/items/a')).toHaveLength(1);
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(429);
    expect(error.message).toBe('AssemblyAI is busy right now (too many requests). It asked Recap to come back in about 2 min (after 12:02:00 UTC).');
    expect(error.hint).toBe('Try again in about 2 min (after 12:02:00 UTC).');
  });

  it('5xx then success: the caller gets one result and the provider served exactly one call', async () => {
    const { fake, served } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 500, body: { error: 'oops' } } });
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, sleep: recordingSleep().sleep });
    expect(await client.json('GET', '/v2/items/z')).toEqual({ id: 'z', status: 'completed' });
    expect(fake.calls('GET', '/v2/items/z')).toHaveLength(2);
    expect(served.item).toBe(1);
  });

  it('P-9 never retries POST or PATCH unless the caller says they are idempotent', async () => {
    const { fake, served } = await startProvider();
    const { sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'pictory', baseUrl: fake.url, sleep });

    fake.inject({ method: 'POST', path: '/v2/items', fault: { kind: 'status', status: 503 } });
    const error = await providerError(client.json('POST', '/v2/items', { json: { a: 1 } }));
    expect(error.retryable).toBe(true); // trying later may help; trying again now is the caller's decision
    expect(fake.calls('POST', '/v2/items')).toHaveLength(1);

    fake.inject({ method: 'PATCH', path: '/v2/items', fault: { kind: 'reset' } });
    await providerError(client.json('PATCH', '/v2/items/q', { json: { a: 1 } }));
    expect(fake.calls('PATCH', '/v2/items')).toHaveLength(1);

    fake.inject({ method: 'POST', path: '/v2/items', fault: { kind: 'status', status: 503 } });
    expect(await client.json('POST', '/v2/items', { json: { a: 1 }, idempotent: true })).toEqual({ id: 'new', status: 'queued' });
    expect(fake.calls('POST', '/v2/items')).toHaveLength(3);
    expect(served.create).toBe(1);
  });

  it('never retries a streamed body, even when marked idempotent', async () => {
    const { fake } = await startProvider((app) => app.put('/v2/upload', (c) => c.json({ ok: true })));
    fake.inject({ path: '/v2/upload', fault: { kind: 'status', status: 503 } });
    const client = createHttpClient({ provider: 'pictory', baseUrl: fake.url, sleep: recordingSleep().sleep });
    async function* chunks(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode('part one');
    }
    await providerError(client.json('PUT', '/v2/upload', { body: chunks(), idempotent: true }));
    expect(fake.calls('PUT', '/v2/upload')).toHaveLength(1);
    // Bytes and strings can be sent again.
    fake.inject({ path: '/v2/upload', fault: { kind: 'status', status: 503 } });
    expect(await client.json('PUT', '/v2/upload', { body: 'again' })).toEqual({ ok: true });
    expect(fake.calls('PUT', '/v2/upload')).toHaveLength(3);
  });

  it('retries a reset connection (ECONNRESET) and reports one that keeps failing as retryable', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'reset' } });
    const { sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'memories', baseUrl: fake.url, sleep });
    expect(await client.json('GET', '/v2/items/r')).toEqual({ id: 'r', status: 'completed' });

    fake.inject({ path: '/v2/items', fault: { kind: 'reset' }, times: 2 });
    const once = createHttpClient({ provider: 'memories', baseUrl: fake.url, retry: { attempts: 2 }, sleep });
    const error = await providerError(once.json('GET', '/v2/items/r'));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^Recap could not reach Memories\.ai \(the connection (was reset|closed unexpectedly)\)\.$/);
  });

  it('retries a refused connection', async () => {
    const { fake } = await startProvider();
    const deadUrl = fake.url;
    await fake.close();
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'spotme', baseUrl: deadUrl, retry: { attempts: 3 }, sleep });
    const error = await providerError(client.json('GET', '/v2/items/a'));
    expect(waits).toHaveLength(2);
    expect(error.message).toBe('Recap could not reach SpotMe (the connection was refused).');
    expect(error.retryable).toBe(true);
  });

  it('stops a backoff the moment the caller aborts, and rethrows the abort reason', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503 }, times: 10 });
    const controller = new AbortController();
    const reason = new Error('user cancelled the recap');
    // The injected sleep ignores the signal on purpose: the client must not depend on its cooperation.
    const client = createHttpClient({
      provider: 'assemblyai',
      baseUrl: fake.url,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 0.99,
      sleep: () => {
        setTimeout(() => controller.abort(reason), 20);
        return new Promise(() => undefined);
      },
    });
    const started = Date.now();
    await expect(client.json('GET', '/v2/items/a', { signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.calls('GET', '/v2/items/a')).toHaveLength(1);

    // The real sleep too.
    const second = new AbortController();
    const real = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, retry: { baseDelayMs: 60_000 }, random: () => 0.99 });
    setTimeout(() => second.abort(reason), 50);
    await expect(real.json('GET', '/v2/items/b', { signal: second.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('decideRetry: stops after the last attempt and when Retry-After is over the cap', () => {
    const policy = resolveRetryPolicy({ attempts: 2, baseDelayMs: 100, maxDelayMs: 500 });
    expect(decideRetry(0, policy, () => 0.5)).toEqual({ kind: 'wait', ms: 50 });
    expect(decideRetry(1, policy, () => 0.5)).toEqual({ kind: 'stop', reason: 'exhausted' });
    expect(decideRetry(0, policy, () => 0.5, 400)).toEqual({ kind: 'wait', ms: 400 });
    expect(decideRetry(0, policy, () => 0.5, 501)).toEqual({ kind: 'stop', reason: 'retry-after-too-long' });
  });
});
