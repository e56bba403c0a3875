/**
 * The job store and its pending index on the in-memory keyv store (the same code runs on SQLite): what a restart
 * reads to find unfinished jobs must never lose one, and a finished job must never come back.
 */
import { describe, expect, it } from 'vitest';
import { storeJobIndex } from '../../../src/jobs/job-index.ts';
import { newJobId, type JobRecord } from '../../../src/jobs/job-record.ts';
import { createJobStore } from '../../../src/jobs/job-store.ts';
import { memoryStore } from '../../../src/store.ts';

function record(id = newJobId()): JobRecord {
  return {
    id,
    createdAt: 1,
    deadlineAt: 2,
    invocation: { name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/a.mp4' }, want: ['summary'] },
    target: { platform: 'test' },
    state: 'pending',
    posted: {},
    callbackSecret: newJobId(),
    updatedAt: 1,
  };
}

function setup() {
  const handle = memoryStore();
  let clock = 1000;
  const jobs = createJobStore(handle.store, handle.jobIndex, () => clock);
  return { handle, jobs, tick: () => (clock += 1) };
}

describe('job store', () => {
  it('create, get, update: the record round-trips and updates are saved with their time', async () => {
    const { jobs, tick } = setup();
    const job = record();
    await jobs.create(job);
    expect(await jobs.get(job.id)).toEqual(job);
    tick();
    const updated = await jobs.update(job.id, (r) => {
      r.posted.status = 'S1';
      r.stage = 'transcribing';
    });
    expect(updated).toMatchObject({ posted: { status: 'S1' }, stage: 'transcribing', updatedAt: 1001 });
    expect(await jobs.get(job.id)).toEqual(updated);
  });

  it('ids that are not job ids read as nothing; updating a job that is not there throws', async () => {
    const { jobs } = setup();
    for (const id of ['', 'x', '../job:1', 'A'.repeat(23), 'A'.repeat(21) + '!']) expect(await jobs.get(id)).toBeUndefined();
    await expect(jobs.update(newJobId(), () => undefined)).rejects.toThrow(/not in the store/);
  });

  it('finished jobs (done or failed) leave the pending index and stay readable', async () => {
    const { jobs, handle } = setup();
    const [a, b, c] = [record(), record(), record()];
    for (const j of [a, b, c]) await jobs.create(j);
    expect(new Set(await jobs.pending())).toEqual(new Set([a.id, b.id, c.id]));
    await jobs.update(a.id, (r) => void (r.state = 'done'));
    await jobs.update(b.id, (r) => void (r.state = 'failed'));
    expect(await jobs.pending()).toEqual([c.id]);
    expect(await handle.jobIndex.list()).toEqual([c.id]);
    expect((await jobs.get(a.id))?.state).toBe('done');
    expect((await jobs.get(b.id))?.state).toBe('failed');
  });

  it('an id in the index without a record (a job being created, or a crash between the two writes) is skipped but never dropped', async () => {
    const { jobs, handle } = setup();
    const orphan = newJobId();
    await handle.jobIndex.add(orphan);
    expect(await jobs.pending()).toEqual([]);
    expect(await handle.jobIndex.list()).toEqual([orphan]);
    // Its record arrives (the create finishes): now it is pending.
    await handle.store.set(`job:${orphan}`, record(orphan));
    expect(await jobs.pending()).toEqual([orphan]);
  });

  it('a finished job left in the index (a crash between the record and the index write) is tidied away, not resumed', async () => {
    const { jobs, handle } = setup();
    const job = record();
    await jobs.create(job);
    await jobs.update(job.id, (r) => void (r.state = 'done'));
    await handle.jobIndex.add(job.id);
    expect(await jobs.pending()).toEqual([]);
    expect(await handle.jobIndex.list()).toEqual([]);
  });

  it('P-14 updates of one job never overwrite each other: 50 concurrent outbox writes are all kept', async () => {
    const { jobs } = setup();
    const job = record();
    await jobs.create(job);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        jobs.update(job.id, (r) => {
          r.posted[`reply:${i}`] = `M${i}`;
        }),
      ),
    );
    const stored = await jobs.get(job.id);
    expect(Object.keys(stored!.posted)).toHaveLength(50);
    expect(stored!.posted['reply:49']).toBe('M49');
  });

  it('a change that throws leaves the record as it was and does not block later updates', async () => {
    const { jobs } = setup();
    const job = record();
    await jobs.create(job);
    await expect(
      jobs.update(job.id, (r) => {
        r.posted.status = 'half';
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await jobs.get(job.id))?.posted).toEqual({});
    await jobs.update(job.id, (r) => void (r.posted.status = 'S1'));
    expect((await jobs.get(job.id))?.posted).toEqual({ status: 'S1' });
  });

  it('concurrent creates are all indexed', async () => {
    const { jobs } = setup();
    const all = Array.from({ length: 60 }, () => record());
    await Promise.all(all.map((j) => jobs.create(j)));
    expect(new Set(await jobs.pending())).toEqual(new Set(all.map((j) => j.id)));
  });
});

describe('storeJobIndex', () => {
  it('parallel adds and removes lose nothing', async () => {
    const { store } = memoryStore();
    const index = storeJobIndex(store, 'test:index');
    const ids = Array.from({ length: 200 }, (_, i) => `id-${i}`);
    await Promise.all(ids.slice(0, 100).map((id) => index.add(id)));
    // Removes of the first half interleaved with adds of the second half, and repeated adds (a set: no duplicates).
    await Promise.all([
      ...ids.slice(0, 50).map((id) => index.remove(id)),
      ...ids.slice(100).map((id) => index.add(id)),
      ...ids.slice(60, 70).map((id) => index.add(id)),
      index.remove('never-added'),
    ]);
    const listed = await index.list();
    expect(listed).toHaveLength(150);
    expect(new Set(listed)).toEqual(new Set(ids.slice(50)));
  });

  it('a failed store write rejects that call only; the queue goes on', async () => {
    const { store } = memoryStore();
    const index = storeJobIndex(store, 'test:index');
    const set = store.set.bind(store);
    let failNext = true;
    store.set = (async (...args: Parameters<typeof store.set>) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return set(...args);
    }) as typeof store.set;
    const results = await Promise.allSettled([index.add('a'), index.add('b'), index.add('c')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(await index.list()).toEqual(['b', 'c']);
  });

  it('keeps separate sets under separate keys', async () => {
    const { store } = memoryStore();
    const jobsIndex = storeJobIndex(store);
    const channels = storeJobIndex(store, 'subs:channels');
    await Promise.all([jobsIndex.add('j1'), channels.add('c1')]);
    expect(await jobsIndex.list()).toEqual(['j1']);
    expect(await channels.list()).toEqual(['c1']);
  });
});
