/**
 * Claims: "I am the one handling this" for deliveries that may arrive more than once (Slack retries an event it
 * thinks we missed; a mention also arrives as a message). The first claim of a key wins for its time to live.
 * In one process the in-memory set makes the check-then-set atomic; the store makes a claim survive a restart.
 * (Across replicas keyv's get-then-set is not atomic: the Redis mode uses SET NX there.)
 */
import type { Store } from '../store.ts';

export interface Claims {
  /** True for the first caller with this key within `ttlMs`; false for every later one. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export function createStoreClaims(store: Store): Claims {
  const inFlight = new Set<string>();
  return {
    async claim(key, ttlMs) {
      const storeKey = `claim:${key}`;
      if (inFlight.has(storeKey)) return false;
      inFlight.add(storeKey);
      try {
        if ((await store.get(storeKey)) !== undefined) return false;
        await store.set(storeKey, Date.now(), ttlMs);
        return true;
      } finally {
        // Keep the key in memory for a moment so a concurrent retry racing the store write still loses.
        setTimeout(() => inFlight.delete(storeKey), 1000).unref();
      }
    },
  };
}
