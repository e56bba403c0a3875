/**
 * Claims: "I am the one handling this" for deliveries that may arrive more than once (Slack retries an event it
 * thinks we missed; a mention also arrives as a message; Discord replays events on RESUME; two replicas both hold a
 * gateway for a moment). The first claim of a key wins for its time to live. The claim is an atomic lock
 * (see locks.ts): Redis `SET NX` across replicas, an in-process map otherwise, mirrored into the store so that a
 * single-process restart (SQLite) still remembers what it handled.
 */
import type { Store } from '../store.ts';
import { lockOwner, memoryLocks, type Locks } from './locks.ts';

export interface Claims {
  /** True for the first caller with this key within `ttlMs`; false for every later one. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/**
 * Claims on `locks` (Redis: shared and atomic) or, without them, on an in-process map backed by the store.
 */
export function createStoreClaims(store: Store, locks?: Locks): Claims {
  const owner = lockOwner();
  if (locks) return { claim: (key, ttlMs) => locks.acquire(`claim:${key}`, owner, ttlMs) };
  const local = memoryLocks();
  return {
    async claim(key, ttlMs) {
      const storeKey = `claim:${key}`;
      if (!(await local.acquire(storeKey, owner, ttlMs))) return false;
      if ((await store.get(storeKey)) !== undefined) return false;
      await store.set(storeKey, Date.now(), ttlMs);
      return true;
    },
  };
}
