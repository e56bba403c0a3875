/**
 * Jobs in the store (SQLite or Redis, through keyv) and the index of unfinished ones. Only the job's lease
 * holder writes a pending job (job-runner.ts), so read-modify-write is safe here.
 */
import type { Store } from '../store.ts';
import type { JobIndex } from './job-index.ts';
import { JOB_ID_PATTERN, type JobRecord } from './job-record.ts';

/** Finished jobs stay readable (`/recap status`, late callbacks) for a week. */
const FINISHED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const key = (id: string) => `job:${id}`;

export interface JobStore {
  create(record: JobRecord): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Applies `change` to the stored record and saves it; returns the new record. */
  update(id: string, change: (record: JobRecord) => void): Promise<JobRecord>;
  /** Ids of jobs not yet done or failed. */
  pending(): Promise<string[]>;
}

export function createJobStore(store: Store, index: JobIndex, now: () => number = Date.now): JobStore {
  const get = async (id: string) => (JOB_ID_PATTERN.test(id) ? ((await store.get<JobRecord>(key(id))) ?? undefined) : undefined);
  /**
   * Updates of one job run one after another: a stage update still reading while the reply is recorded must not
   * write back the record it read, which would forget the reply (and post it again on the next run).
   */
  const queues = new Map<string, Promise<unknown>>();
  const inOrder = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(id) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return next;
  };
  return {
    async create(record) {
      // Index first: a crash between the two leaves an id without a record, which pending() skips; never a lost job.
      await index.add(record.id);
      await store.set(key(record.id), record);
    },
    get,
    update: (id, change) =>
      inOrder(id, async () => {
        const record = await get(id);
        if (!record) throw new Error(`job ${id} is not in the store`);
        change(record);
        record.updatedAt = now();
        const finished = record.state !== 'pending';
        await store.set(key(id), record, finished ? FINISHED_TTL_MS : undefined);
        if (finished) await index.remove(id);
        return record;
      }),
    async pending() {
      const ids = await index.list();
      const live: string[] = [];
      for (const id of ids) {
        const record = await get(id);
        if (record?.state === 'pending') live.push(id);
        // A finished job left in the index (a crash between the two writes of update) is tidied up. An id without a
        // record is left alone: it may be a job being created right now.
        else if (record) await index.remove(id);
      }
      return live;
    },
  };
}
