import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { providerError, recordingSleep, startProvider } from './support.ts';

describe('provider client circuit breaker', () => {
  it('opens after N failed calls, fails fast without reaching the server, half-opens after the cooldown', async () => {
    const { fake, served } = await startProvider();
    let clock = 1_000_000;
    const client = createHttpClient({
      provider: 'assemblyai',
      baseUrl: fake.url,
      retry: { attempts: 2 },
      breaker: { failureThreshold: 3, cooldownMs: 10_000 },
      now: () => clock,
      sleep: recordingSleep().sleep,
    });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503 }, times: 6 });
    // Three calls, two attempts each: the breaker counts calls, not attempts.
    for (let i = 0; i < 3; i += 1) expect((await providerError(client.json('GET', '/v2/items/a'))).status).toBe(503);
    expect(fake.requests).toHaveLength(6);

    clock += 2_500;
    const fast = await providerError(client.json('GET', '/v2/items/a'));
    expect(fast.message).toBe('AssemblyAI is failing right now; Recap paused calls to it for 8 s.');
    expect(fast.retryable).toBe(true);
    expect(fake.requests).toHaveLength(6); // nothing reached the server

    // After the cooldown one trial goes through; it fails, so the breaker opens again at once.
    clock += 7_500;
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 500 }, times: 2 });
    expect((await providerError(client.json('GET', '/v2/items/a'))).status).toBe(500);
    expect(fake.requests).toHaveLength(8);
    expect((await providerError(client.json('GET', '/v2/items/a'))).message).toMatch(/paused calls to it for 10 s/);

    // The next trial succeeds and closes it.
    clock += 10_000;
    expect(await client.json('GET', '/v2/items/a')).toEqual({ id: 'a', status: 'completed' });
    expect(await client.json('GET', '/v2/items/b')).toEqual({ id: 'b', status: 'completed' });
    expect(served.item).toBe(2);
  });

  it('lets only one trial through while half-open', async () => {
    const { fake } = await startProvider();
    let clock = 0;
    const client = createHttpClient({
      provider: 'pictory',
      baseUrl: fake.url,
      retry: { attempts: 1 },
      breaker: { failureThreshold: 1, cooldownMs: 1000 },
      now: () => clock,
    });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 502 } });
    await providerError(client.json('GET', '/v2/items/a'));
    clock = 1000;
    fake.inject({ path: '/v2/items', fault: { kind: 'delay', ms: 100 } });
    const trial = client.json('GET', '/v2/items/slow');
    const second = await providerError(client.json('GET', '/v2/items/other'));
    expect(second.message).toBe('Pictory is failing right now; Recap paused calls to it for 1 s.');
    expect(await trial).toEqual({ id: 'slow', status: 'completed' });
    expect(fake.calls('GET', '/v2/items/other')).toHaveLength(0);
    expect(await client.json('GET', '/v2/items/other')).toEqual({ id: 'other', status: 'completed' });
  });

  it('counts only signs of ill health: 404s and 401s never open it; timeouts and resets do', async () => {
    const { fake } = await startProvider();
    const client = createHttpClient({ provider: 'spotme', baseUrl: fake.url, retry: { attempts: 1 }, breaker: { failureThreshold: 2 } });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 404 }, times: 3 });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 401 }, times: 3 });
    for (let i = 0; i < 6; i += 1) await providerError(client.json('GET', '/v2/items/a'));
    expect(await client.json('GET', '/v2/items/a')).toEqual({ id: 'a', status: 'completed' });

    fake.inject({ path: '/v2/items', fault: { kind: 'reset' } });
    fake.inject({ path: '/v2/items', fault: { kind: 'hang' } });
    await providerError(client.json('GET', '/v2/items/a'));
    expect((await providerError(client.json('GET', '/v2/items/a', { timeoutMs: 100 }))).code).toBe('timeout');
    expect((await providerError(client.json('GET', '/v2/items/a'))).message).toMatch(/^SpotMe is failing right now/);
    expect(fake.requests).toHaveLength(9);
  });

  it('is shared by every client of the same provider and base URL, and only those', async () => {
    const { fake } = await startProvider();
    const options = { baseUrl: fake.url, retry: { attempts: 1 }, breaker: { failureThreshold: 1 } };
    const first = createHttpClient({ provider: 'memories', ...options });
    const second = createHttpClient({ provider: 'memories', ...options });
    const other = createHttpClient({ provider: 'memories', ...options, baseUrl: `${fake.url}/v2` });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 500 } });
    await providerError(first.json('GET', '/v2/items/a'));
    expect((await providerError(second.json('GET', '/v2/items/a'))).message).toMatch(/^Memories\.ai is failing right now/);
    expect(await other.json('GET', '/items/a')).toEqual({ id: 'a', status: 'completed' });
  });

  it('a caller abort during the half-open trial frees the trial slot for the next call', async () => {
    const { fake } = await startProvider();
    let clock = 0;
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, retry: { attempts: 1 }, breaker: { failureThreshold: 1, cooldownMs: 5 }, now: () => clock });
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 503 } });
    await providerError(client.json('GET', '/v2/items/a'));
    clock = 10;
    fake.inject({ path: '/v2/items', fault: { kind: 'hang' } });
    const controller = new AbortController();
    const trial = client.json('GET', '/v2/items/a', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 30);
    await expect(trial).rejects.toThrow('stop');
    expect(await client.json('GET', '/v2/items/b')).toEqual({ id: 'b', status: 'completed' });
  });
});
