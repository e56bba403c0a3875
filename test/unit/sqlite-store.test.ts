import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Keyv } from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/sqlite-store.ts';
import { openStore } from '../../src/store.ts';

const root = mkdtempSync(join(tmpdir(), 'recap-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(root, `store-${n++}.sqlite`);

/** Another connection takes the write lock now and gives it back after `ms`. */
function holdLock(file: string, ms: number): Promise<void> {
  const other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec('COMMIT');
      other.close();
      resolve();
    }, ms),
  );
}

describe('SQLite store (better-sqlite3)', () => {
  it('reads a DATA_DIR written by @keyv/sqlite (same table, same keyv format)', async () => {
    const dir = join(root, 'legacy');
    mkdirSync(dir);
    const old = new Database(join(dir, 'recap.sqlite'));
    old.exec('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )');
    old.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)').run('recap:job:old', JSON.stringify({ value: { id: 'old', state: 'waiting' }, expires: null }));
    old.close();
    const handle = openStore({ dataDir: dir });
    expect(await handle.store.get('job:old')).toEqual({ id: 'old', state: 'waiting' });
    await handle.close();
  });

  it('P-7 a write while another process holds the lock waits for it without blocking the event loop, then lands', async () => {
    const file = freshFile();
    const sqlite = new SqliteStore(file);
    const released = holdLock(file, 300);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    try {
      await sqlite.set('recap:k', '{"value":1}');
    } finally {
      clearInterval(ticker);
    }
    await released;
    expect(await sqlite.get('recap:k')).toBe('{"value":1}');
    // A loop spinning in SQLite's own busy handler would have let no timer fire for 300 ms.
    expect(ticks).toBeGreaterThanOrEqual(5);
    await sqlite.disconnect();
  });

  it('P-7 a lock held longer than the busy timeout fails the write with SQLITE_BUSY (the caller retries or answers 5xx)', async () => {
    const file = freshFile();
    const sqlite = new SqliteStore(file, { busyTimeoutMs: 150 });
    const released = holdLock(file, 600);
    await expect(sqlite.set('recap:k', '{"value":1}')).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    await released;
    await sqlite.set('recap:k', '{"value":2}');
    expect(await sqlite.get('recap:k')).toBe('{"value":2}');
    await sqlite.disconnect();
  });

  it('sweeps rows whose time to live ran out (claims would otherwise pile up forever) and keeps the rest', async () => {
    const sqlite = new SqliteStore(freshFile(), { sweepIntervalMs: 0 });
    const store = new Keyv({ store: sqlite, namespace: 'recap' });
    for (let i = 0; i < 1200; i++) await store.set(`claim:${i}`, i, 1);
    await store.set('job:kept', { id: 'kept' });
    await store.set('claim:fresh', 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await sqlite.sweepExpired()).toBe(1200);
    expect(await sqlite.keysWithPrefix('recap:claim:')).toEqual(['recap:claim:fresh']);
    expect(await store.get('job:kept')).toEqual({ id: 'kept' });
    expect(await sqlite.sweepExpired()).toBe(0);
    await store.disconnect();
  });

  it('lists keys under a prefix oldest first, and nothing that only shares its first letters', async () => {
    const sqlite = new SqliteStore(freshFile(), { sweepIntervalMs: 0 });
    for (const key of ['p:b', 'p:a', 'pX', 'p;', 'q:a', 'p:c']) await sqlite.set(key, '{}');
    expect(await sqlite.keysWithPrefix('p:')).toEqual(['p:b', 'p:a', 'p:c']);
    expect(await sqlite.delete('p:a')).toBe(true);
    expect(await sqlite.delete('p:a')).toBe(false);
    expect(await sqlite.getMany(['p:b', 'p:a'])).toEqual(['{}', undefined]);
    await sqlite.disconnect();
  });
});
