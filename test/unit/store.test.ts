import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store.ts';
import { REDIS_MISSING, redisAvailable, startRedis } from '../support/redis-server.ts';

describe('store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recap-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps values in a SQLite file in DATA_DIR across a restart', async () => {
    const first = openStore({ dataDir: dir });
    await first.store.set('captions:abc', { timed: true, utterances: [{ startMs: 0, endMs: 1000, text: 'hello' }] });
    await first.close();
    const second = openStore({ dataDir: dir });
    expect(await second.store.get('captions:abc')).toEqual({ timed: true, utterances: [{ startMs: 0, endMs: 1000, text: 'hello' }] });
    expect(second.description).toContain(join(dir, 'recap.sqlite'));
    await second.close();
  });

  it('creates DATA_DIR when it does not exist', async () => {
    const handle = openStore({ dataDir: join(dir, 'nested', 'data') });
    await handle.store.set('k', 1);
    expect(await handle.store.get('k')).toBe(1);
    await handle.close();
  });

  const redisIt = redisAvailable || process.env.CI ? it : it.skip;
  if (!redisAvailable) console.warn(REDIS_MISSING);
  redisIt('uses Redis when REDIS_URL is set, shared between two handles', async () => {
    if (!redisAvailable) throw new Error(REDIS_MISSING);
    const redis = await startRedis();
    try {
      const a = openStore({ dataDir: dir, redisUrl: redis.url });
      const b = openStore({ dataDir: dir, redisUrl: redis.url });
      await a.store.set('shared', { n: 1 });
      expect(await b.store.get('shared')).toEqual({ n: 1 });
      expect(a.description).toBe('Redis');
      await a.close();
      await b.close();
    } finally {
      await redis.stop();
    }
  });
});
