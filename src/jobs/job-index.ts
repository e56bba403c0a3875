/**
 * The set of unfinished job ids, so that any process can find the jobs to resume after a restart or a crash (and,
 * under another key, any such set of ids: the channels with subscriptions).
 * With Redis it is a Redis set (SADD/SREM are atomic, shared by every replica); otherwise one process owns the
 * SQLite file, and the set is a list in the store written under an in-process queue.
 */
import type KeyvRedis from '@keyv/redis';
import type { Store } from '../store.ts';

export interface JobIndex {
  add(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  list(): Promise<string[]>;
}

const KEY = 'jobs:pending';

export function storeJobIndex(store: Store, key = KEY): JobIndex {
  let queue: Promise<unknown> = Promise.resolve();
  // Read-modify-write in order: two updates in flight must not lose one another.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const read = async () => ((await store.get<string[]>(key)) ?? []) as string[];
  return {
    add: (id) =>
      serial(async () => {
        const ids = await read();
        if (!ids.includes(id)) await store.set(key, [...ids, id]);
      }),
    remove: (id) =>
      serial(async () => {
        const ids = await read();
        if (ids.includes(id)) await store.set(key, ids.filter((x) => x !== id));
      }),
    list: () => serial(read),
  };
}

export function redisJobIndex(redis: KeyvRedis<unknown>, name = KEY): JobIndex {
  const key = `recap:${name}`;
  return {
    async add(id) {
      await (await redis.getClient()).sAdd(key, id);
    },
    async remove(id) {
      await (await redis.getClient()).sRem(key, id);
    },
    async list() {
      return (await redis.getClient()).sMembers(key);
    },
  };
}
