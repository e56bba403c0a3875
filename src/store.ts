/**
 * Recap's state lives in keyv (https://keyv.org): a SQLite file in DATA_DIR by default, Redis when REDIS_URL is
 * set (so several replicas share it), memory in unit tests.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Keyv } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import KeyvRedis from '@keyv/redis';
import type { Config } from './config.ts';
import { memoryLocks, redisLocks, type Locks } from './jobs/locks.ts';
import { redisJobIndex, storeJobIndex, type JobIndex } from './jobs/job-index.ts';

export type Store = Keyv;

export interface StoreHandle {
  store: Store;
  /** Where the data lives, for the start-up line (no credentials). */
  description: string;
  /** Atomic claims and leases: shared through Redis, else within this process. */
  locks: Locks;
  /** Unfinished jobs, to resume after a restart. */
  jobIndex: JobIndex;
  /** Channels with automatic-post subscriptions. */
  subscribedChannels: JobIndex;
  close(): Promise<void>;
}

/** Opens the store the configuration asks for. */
export function openStore(config: Pick<Config, 'dataDir' | 'redisUrl'>): StoreHandle {
  if (config.redisUrl) {
    const redis = new KeyvRedis(config.redisUrl);
    const store = new Keyv({ store: redis, namespace: 'recap', useKeyPrefix: false });
    return { store, description: 'Redis', locks: redisLocks(redis), jobIndex: redisJobIndex(redis), subscribedChannels: redisJobIndex(redis, 'subs:channels'), close: () => store.disconnect() };
  }
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'recap.sqlite');
  // busyTimeout: a second process (the CLI beside a running server) waits for the lock instead of failing.
  const store = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 }), namespace: 'recap' });
  return { store, description: `SQLite ${file}`, locks: memoryLocks(), jobIndex: storeJobIndex(store), subscribedChannels: storeJobIndex(store, 'subs:channels'), close: () => store.disconnect() };
}

/** An in-memory store for tests and one-off CLI runs. */
export function memoryStore(): StoreHandle {
  const store = new Keyv({ namespace: 'recap' });
  return { store, description: 'memory', locks: memoryLocks(), jobIndex: storeJobIndex(store), subscribedChannels: storeJobIndex(store, 'subs:channels'), close: async () => undefined };
}
