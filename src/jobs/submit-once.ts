/**
 * Jobs that many deliveries may ask for at once — a SpotMe session seen by every poll, a channel webhook's callback
 * retried or copied to every replica — get an id derived from what they are about, so a later request (or a restart,
 * or another replica) finds the job already there; a lock (Redis `SET NX` across replicas) keeps two simultaneous
 * requests from both creating it.
 */
import { createHash } from 'node:crypto';
import type { JobRecord, ReplyTarget } from './job-record.ts';
import type { JobRunner } from './job-runner.ts';
import type { JobStore } from './job-store.ts';
import type { Locks } from './locks.ts';

/** How long the creation lock lives if its holder dies mid-way; creating a job takes two store writes. */
const CREATE_LOCK_MS = 30_000;

/** A job id (22 characters, like a random one) derived from the parts that name the work. */
export function derivedJobId(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join(':')).digest('base64url').slice(0, 22);
}

export interface SubmitOnceOptions {
  jobs: JobStore;
  runner: JobRunner;
  locks: Locks;
  /** This process's lock owner (locks.ts `lockOwner`). */
  owner: string;
}

/**
 * Stores job `id` unless it exists or another process is storing it right now, then runs it in the background.
 * True when this call created it. Resolves once the job is durable (or known to be someone else's); throws when the
 * store fails.
 */
export async function submitOnce(options: SubmitOnceOptions, id: string, invocation: JobRecord['invocation'], target: ReplyTarget): Promise<boolean> {
  if (await options.jobs.get(id)) return false;
  const lock = `auto:${id}`;
  if (!(await options.locks.acquire(lock, options.owner, CREATE_LOCK_MS))) return false;
  try {
    // Checked again under the lock: the holder before us may have finished creating it.
    if (await options.jobs.get(id)) return false;
    await options.runner.submit(invocation, target, id);
  } finally {
    await options.locks.release(lock, options.owner).catch(() => undefined);
  }
  void options.runner.run(id);
  return true;
}
