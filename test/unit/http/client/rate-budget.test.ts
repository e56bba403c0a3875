import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { TokenBucket } from '../../../../src/http/rate-budget.ts';
import { startProvider } from './support.ts';

describe('provider client rate budget', () => {
  it('3/s with a burst of 5: five calls go at once, the 6th waits ~333 ms, then one every ~333 ms', async () => {
    const { fake } = await startProvider();
    let clock = 50_000;
    const waits: number[] = [];
    // The injected sleep moves the injected clock: pacing is exercised without real waiting.
    const sleep = async (ms: number): Promise<void> => {
      waits.push(ms);
      clock += ms;
    };
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, rate: { perSecond: 3, burst: 5 }, now: () => clock, sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      await client.json('GET', `/v2/items/${i}`);
      sentAt.push(clock - 50_000);
    }
    expect(waits).toHaveLength(3);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(333); // 1000/3 ms each, give or take rounding
      expect(wait).toBeLessThanOrEqual(334);
    }
    expect(sentAt.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(sentAt[5]).toBeCloseTo(334, -1);
    expect(sentAt[7]).toBeCloseTo(1001, -1);
    expect(fake.requests).toHaveLength(8);
  });

  it('is shared by clients with the same rateKey, and refills with time', async () => {
    const { fake } = await startProvider();
    let clock = 0;
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const rate = { perSecond: 1, burst: 2, rateKey: `key-${fake.port}` };
    const a = createHttpClient({ provider: 'memories', baseUrl: fake.url, rate, now: () => clock, sleep });
    const b = createHttpClient({ provider: 'memories', baseUrl: `${fake.url}/v2`, rate, now: () => clock, sleep });
    await a.json('GET', '/v2/items/1');
    await b.json('GET', '/items/2');
    expect(waits).toEqual([]);
    await a.json('GET', '/v2/items/3');
    expect(waits).toEqual([1000]);
    clock += 5000; // a long pause refills the bucket only up to the burst
    await b.json('GET', '/items/4');
    await a.json('GET', '/v2/items/5');
    expect(waits).toEqual([1000]);
  });

  it('a caller abort while waiting for a token rejects at once with the reason and returns the token', async () => {
    const { fake } = await startProvider();
    const clock = 0;
    const rate = { perSecond: 0.001, burst: 1 };
    const client = createHttpClient({ provider: 'pictory', baseUrl: fake.url, rate, now: () => clock });
    await client.json('GET', '/v2/items/1');
    const controller = new AbortController();
    const reason = new Error('cancelled');
    setTimeout(() => controller.abort(reason), 20);
    const started = Date.now();
    await expect(client.json('GET', '/v2/items/2', { signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.requests).toHaveLength(1);
  });

  it('TokenBucket serves concurrent waiters in order without handing one token twice', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 1 }, 0);
    expect([bucket.reserve(0), bucket.reserve(0), bucket.reserve(0)]).toEqual([0, 100, 200]);
    bucket.refund(0);
    expect(bucket.reserve(0)).toBe(200);
    expect(bucket.reserve(1000)).toBe(0); // the clock moved on: debt repaid, one token back
  });
});
