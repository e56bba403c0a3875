/**
 * Recap's state lives in keyv (https://keyv.org): a SQLite file in DATA_DIR by default, Redis when REDIS_URL is
 * set (so several replicas share it), memory in unit tests.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Keyv } from 'keyv';
import KeyvRedis from '@keyv/redis';
import type { Config } from './config.ts';
import { SqliteStore } from './sqlite-store.ts';
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

/** How long a Redis connection may take before a request that needs it fails (and is delivered again). */
const REDIS_TIMEOUT_MS = 2000;

/** Opens the store the configuration asks for. */
export function openStore(config: Pick<Config, 'dataDir' | 'redisUrl'>): StoreHandle {
  if (config.redisUrl) {
    // P-17: by default @keyv/redis answers a failed command with "nothing there" (a get) or nothing at all (a set),
    // and queues commands while disconnected: a job "stored" during an outage was lost, a dedupe read as "not seen",
    // and requests hung until Redis came back. Errors are thrown instead and commands fail at once while Redis is
    // away (reconnecting in the background), so a request that cannot be stored gets a 5xx and is delivered again.
    const redis = new KeyvRedis(
      { url: config.redisUrl, socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) } },
      { throwOnErrors: true, throwOnConnectError: true, connectionTimeout: REDIS_TIMEOUT_MS },
    );
    // Commands wait for the first connection (requests at start race the connect: bench:jobs found them refused),
    // and once it is ready they fail at once while Redis is away, as @keyv/redis does for its own clients.
    const client = redis.client as unknown as { once(event: 'ready', listener: () => void): void; options?: { disableOfflineQueue?: boolean } };
    client.once('ready', () => {
      if (client.options) client.options.disableOfflineQueue = true;
    });
    const store = new Keyv({ store: redis, namespace: 'recap', useKeyPrefix: false, throwOnErrors: true });
    return { store, description: 'Redis', locks: redisLocks(redis), jobIndex: redisJobIndex(redis), subscribedChannels: redisJobIndex(redis, 'subs:channels'), close: () => store.disconnect() };
  }
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'recap.sqlite');
  // LD-1/LD-3 (npm run bench:load): WAL with synchronous=NORMAL, statements prepared once; see sqlite-store.ts.
  const sqlite = new SqliteStore(file);
  const store = new Keyv({ store: sqlite, namespace: 'recap', throwOnErrors: true });
  return { store, description: `SQLite ${file}`, locks: memoryLocks(), jobIndex: sqliteRowIndex(store, sqlite), subscribedChannels: storeJobIndex(store, 'subs:channels'), close: () => store.disconnect() };
}

/**
 * LD-1: the pending-job index on SQLite, one row per job. The list form (`storeJobIndex`: one value rewritten whole
 * by every add and remove, one at a time) cost O(pending) per job: with 7,000 jobs pending, adding them took 27 s
 * and removing them 27 s more, and every new job waited in that line. Here an add or a remove is a one-row write
 * and the list one range read on the primary key, oldest first. A list left by an older version is moved into rows
 * before the first operation (retried by the next one if it fails).
 */
function sqliteRowIndex(store: Keyv, sqlite: SqliteStore, name = 'jobs:pending'): JobIndex {
  const prefix = `recap:${name}:`;
  const rowKey = (id: string) => `${name}:${id}`;
  let moved: Promise<void> | undefined;
  const ready = () =>
    (moved ??= (async () => {
      const legacy = await store.get<string[]>(name);
      if (!Array.isArray(legacy)) return;
      for (const id of legacy) await store.set(rowKey(id), 1);
      await store.delete(name);
    })().catch((error: unknown) => {
      moved = undefined;
      throw error;
    }));
  return {
    add: async (id) => {
      await ready();
      await store.set(rowKey(id), 1);
    },
    remove: async (id) => {
      await ready();
      await store.delete(rowKey(id));
    },
    list: async () => {
      await ready();
      return (await sqlite.keysWithPrefix(prefix)).map((key) => key.slice(prefix.length));
    },
  };
}

/** An in-memory store for tests and one-off CLI runs. */
export function memoryStore(): StoreHandle {
  const store = new Keyv({ namespace: 'recap' });
  return { store, description: 'memory', locks: memoryLocks(), jobIndex: storeJobIndex(store), subscribedChannels: storeJobIndex(store, 'subs:channels'), close: async () => undefined };
}
