/** Atomic claims and leases: in one process, and across processes on a real redis-server. */
import KeyvRedis from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreClaims } from '../../../src/jobs/claims.ts';
import { memoryLocks, redisLocks, type Locks } from '../../../src/jobs/locks.ts';
import { memoryStore } from '../../../src/store.ts';
import { REDIS_MISSING, redisAvailable, startRedis, type RedisProcess } from '../../support/redis-server.ts';

function lockContract(name: string, make: () => Locks, wait: (ms: number) => Promise<void>) {
  describe(name, () => {
    it('one owner at a time; renew and release only by the owner', async () => {
      const locks = make();
      const key = `k-${Math.random()}`;
      expect(await locks.acquire(key, 'a', 10_000)).toBe(true);
      expect(await locks.acquire(key, 'b', 10_000)).toBe(false);
      expect(await locks.renew(key, 'b', 10_000)).toBe(false);
      await locks.release(key, 'b');
      expect(await locks.acquire(key, 'b', 10_000)).toBe(false);
      expect(await locks.renew(key, 'a', 10_000)).toBe(true);
      await locks.release(key, 'a');
      expect(await locks.acquire(key, 'b', 10_000)).toBe(true);
    });

    it('a lock nobody renews expires, and then someone else may take it', async () => {
      const locks = make();
      const key = `k-${Math.random()}`;
      expect(await locks.acquire(key, 'a', 150)).toBe(true);
      await wait(300);
      expect(await locks.renew(key, 'a', 150)).toBe(false);
      expect(await locks.acquire(key, 'b', 150)).toBe(true);
    });

    it('of many concurrent acquires exactly one wins', async () => {
      const locks = make();
      const key = `k-${Math.random()}`;
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => locks.acquire(key, `o${i}`, 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
lockContract('memoryLocks', () => memoryLocks(), sleep);

describe('memoryLocks with many long-lived claims', () => {
  it('LD-1 taking a new claim does not walk every claim held (hours-long Slack claims pile up past 10,000)', async () => {
    let clockReads = 0;
    let clock = 1_000_000;
    const locks = memoryLocks(() => (clockReads++, clock));
    for (let i = 0; i < 40_000; i++) expect(await locks.acquire(`claim:${i}`, 'me', 2 * 60 * 60 * 1000)).toBe(true);
    // Each acquire reads the clock twice; sweeping everything on every acquire past 10,000 took ~10^9 reads here.
    expect(clockReads).toBeLessThan(10 * 40_000);
    // Expired ones still go: two hours later the old claims are free again and the map is swept.
    clock += 2 * 60 * 60 * 1000 + 1;
    expect(await locks.acquire('claim:7', 'other', 1000)).toBe(true);
    expect(await locks.acquire('claim:7', 'me', 1000)).toBe(false);
  });
});

describe.skipIf(!redisAvailable)('on Redis', () => {
  let redis: RedisProcess;
  const clients: KeyvRedis<unknown>[] = [];
  const client = () => {
    const c = new KeyvRedis(redis.url);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) await c.disconnect().catch(() => undefined);
    await redis?.stop();
  });

  it('redisLocks: the contract holds', async () => {
    const locks = redisLocks(client());
    const key = `k-${Math.random()}`;
    expect(await locks.acquire(key, 'a', 10_000)).toBe(true);
    expect(await locks.acquire(key, 'b', 10_000)).toBe(false);
    expect(await locks.renew(key, 'b', 10_000)).toBe(false);
    expect(await locks.renew(key, 'a', 10_000)).toBe(true);
    await locks.release(key, 'b');
    expect(await locks.acquire(key, 'b', 10_000)).toBe(false);
    await locks.release(key, 'a');
    expect(await locks.acquire(key, 'b', 150)).toBe(true);
    await sleep(300);
    expect(await locks.acquire(key, 'c', 150)).toBe(true);
  });

  it('claims from two "replicas" (two connections) racing on the same key: exactly one wins', async () => {
    const replicaA = createStoreClaims(memoryStore().store, redisLocks(client()));
    const replicaB = createStoreClaims(memoryStore().store, redisLocks(client()));
    const key = `discord-message:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? replicaA : replicaB).claim(key, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

if (!redisAvailable) describe('on Redis', () => it.skip(REDIS_MISSING, () => undefined));
