import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/sqlite-store.ts';
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

  it('LD-1: SQLite commits to a write-ahead log without an fsync each, so a write takes well under a millisecond', async () => {
    const handle = openStore({ dataDir: join(dir, 'wal') });
    const sqlite = handle.store.store as SqliteStore;
    expect(sqlite.pragma('journal_mode')).toBe('wal');
    // 1 = NORMAL (2 = FULL, the default, fsyncs every commit: ~20 ms a write on the bench machine).
    expect(sqlite.pragma('synchronous')).toBe(1);
    const started = performance.now();
    for (let i = 0; i < 200; i++) await handle.store.set(`claim:${i}`, i);
    // ~0.1 ms each here; the rollback journal took 4 s for these 200 on the bench machine.
    expect(performance.now() - started).toBeLessThan(2000);
    await handle.close();
  });

  it('LD-1: the SQLite job index keeps one row per job (no list rewritten whole): parallel adds and removes lose nothing', async () => {
    const handle = openStore({ dataDir: join(dir, 'index') });
    const ids = Array.from({ length: 400 }, (_, i) => `job-${String(i).padStart(3, '0')}`);
    await Promise.all(ids.map((id) => handle.jobIndex.add(id)));
    await Promise.all([...ids.slice(0, 200).map((id) => handle.jobIndex.remove(id)), handle.jobIndex.add(ids[300]!), handle.jobIndex.remove('never-added')]);
    expect(new Set(await handle.jobIndex.list())).toEqual(new Set(ids.slice(200)));
    expect(await handle.jobIndex.list()).toHaveLength(200);
    expect(await handle.store.get('jobs:pending')).toBeUndefined();
    // Other keys that share the prefix's first letters are not index rows.
    await handle.store.set('jobs:pendingX', 1);
    await handle.store.set('jobs:pending;', 1);
    expect(await handle.jobIndex.list()).toHaveLength(200);
    // The channels' index is a separate set.
    await handle.subscribedChannels.add('C1');
    expect(await handle.jobIndex.list()).not.toContain('C1');
    await handle.close();
  });

  it('LD-1: a job index left by an older version as one list is moved into rows, nothing lost', async () => {
    const where = { dataDir: join(dir, 'legacy') };
    const old = openStore(where);
    await old.store.set('jobs:pending', ['old-1', 'old-2']);
    await old.close();
    const handle = openStore(where);
    await handle.jobIndex.add('new-1');
    expect(await handle.jobIndex.list()).toEqual(['old-1', 'old-2', 'new-1']);
    expect(await handle.store.get('jobs:pending')).toBeUndefined();
    await handle.jobIndex.remove('old-1');
    expect(await handle.jobIndex.list()).toEqual(['old-2', 'new-1']);
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
