/**
 * Atomic claims and leases. keyv's get-then-set is not atomic across processes, so with Redis these use
 * `SET key owner NX PX ttl` (https://redis.io/docs/latest/commands/set/) and owner-checked scripts to renew or
 * release; in one process (SQLite, memory) a map with expiry times is atomic by itself.
 */
import { randomBytes } from 'node:crypto';
import type KeyvRedis from '@keyv/redis';

export interface Locks {
  /** Takes `key` for `owner` if nobody holds it; true when taken. Expires after `ttlMs` unless renewed. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lock `owner` still holds; false when it expired or someone else holds it now. */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees a lock `owner` holds (no effect otherwise). */
  release(key: string, owner: string): Promise<void>;
}

/** A random owner id for this process's locks. */
export function lockOwner(): string {
  return randomBytes(12).toString('hex');
}

const SWEEP_AT = 10_000;

/** Locks for one process. */
export function memoryLocks(now: () => number = Date.now): Locks {
  const held = new Map<string, { owner: string; until: number }>();
  let sweepAt = SWEEP_AT;
  const current = (key: string) => {
    const lock = held.get(key);
    if (lock && lock.until <= now()) {
      held.delete(key);
      return undefined;
    }
    return lock;
  };
  return {
    async acquire(key, owner, ttlMs) {
      if (current(key)) return false;
      // Expired locks are only noticed on access; sweep now and then so a long-running process stays small. The next
      // sweep waits until the map has doubled: claims live for hours, and sweeping at every acquire once 10,000 were
      // held made each Slack acknowledgement walk them all (9 % of Recap's CPU in LD-1, npm run bench:load).
      if (held.size >= sweepAt) {
        for (const k of [...held.keys()]) current(k);
        sweepAt = Math.max(SWEEP_AT, 2 * held.size);
      }
      held.set(key, { owner, until: now() + ttlMs });
      return true;
    },
    async renew(key, owner, ttlMs) {
      const lock = current(key);
      if (lock?.owner !== owner) return false;
      lock.until = now() + ttlMs;
      return true;
    },
    async release(key, owner) {
      if (current(key)?.owner === owner) held.delete(key);
    },
  };
}

const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Locks shared by every replica on one Redis, under `recap:lock:`. */
export function redisLocks(redis: KeyvRedis<unknown>): Locks {
  const name = (key: string) => `recap:lock:${key}`;
  return {
    async acquire(key, owner, ttlMs) {
      const client = await redis.getClient();
      return (await client.set(name(key), owner, { NX: true, PX: Math.max(1, Math.round(ttlMs)) })) === 'OK';
    },
    async renew(key, owner, ttlMs) {
      const client = await redis.getClient();
      const result = await client.eval(RENEW_SCRIPT, { keys: [name(key)], arguments: [owner, String(Math.max(1, Math.round(ttlMs)))] });
      return Number(result) === 1;
    },
    async release(key, owner) {
      const client = await redis.getClient();
      await client.eval(RELEASE_SCRIPT, { keys: [name(key)], arguments: [owner] });
    },
  };
}
