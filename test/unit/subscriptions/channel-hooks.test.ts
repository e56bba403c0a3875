/**
 * Channel webhooks' parts on their own: callback bodies read per provider, the secrets store (hashed at rest,
 * rotated, removed), and one job per recording however many callbacks race for it.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../commands/grammar.ts';
import type { JobRunner } from '../../../src/jobs/job-runner.ts';
import type { JobRecord } from '../../../src/jobs/job-record.ts';
import { createJobStore } from '../../../src/jobs/job-store.ts';
import { memoryLocks } from '../../../src/jobs/locks.ts';
import { memoryStore } from '../../../src/store.ts';
import { readChannelHookBody } from '../../../src/subscriptions/channel-hook-body.ts';
import { channelHookJobId, startChannelHookJob } from '../../../src/subscriptions/channel-hook-jobs.ts';
import { channelHookAuthMatches, createChannelHookStore } from '../../../src/subscriptions/channel-hook-store.ts';

const target = { platform: 'discord', kind: 'channel', channelId: '1' };

describe('the grammar', () => {
  it('subscribe webhook takes --lang but not --glossary; unsubscribe webhook takes nothing else', () => {
    expect(parseCommand('subscribe webhook --lang pt', { allowFiles: false })).toEqual({ ok: true, invocation: { name: 'subscribe', watch: { kind: 'webhook' }, lang: 'pt' } });
    expect(parseCommand('subscribe WEBHOOK', { allowFiles: false })).toEqual({ ok: true, invocation: { name: 'subscribe', watch: { kind: 'webhook' } } });
    expect(parseCommand('subscribe webhook --glossary g1', { allowFiles: false })).toMatchObject({ ok: false, error: expect.stringMatching(/SpotMe/) });
    expect(parseCommand('unsubscribe webhook', { allowFiles: false })).toEqual({ ok: true, invocation: { name: 'unsubscribe', watch: { kind: 'webhook' } } });
    expect(parseCommand('subscribe', { allowFiles: false })).toMatchObject({ ok: false, hint: expect.stringMatching(/webhook/) });
  });
});

describe('callback bodies', () => {
  it('read each provider\'s job id (Pictory\'s four undocumented shapes too) and build the same reference a person would type', () => {
    expect(readChannelHookBody('assemblyai', '{"transcript_id":"5551722-f677","status":"completed"}')).toEqual({
      ok: true,
      id: '5551722-f677',
      ref: { kind: 'provider', provider: 'assemblyai', id: '5551722-f677' },
      status: 'completed',
    });
    expect(readChannelHookBody('memories', '{"videoNo":"VI568102998803353600","status":"PARSE"}')).toMatchObject({ ok: true, ref: { provider: 'memories', id: 'VI568102998803353600' } });
    expect(readChannelHookBody('memories', '{"videoNo":"PI-603068775285264430"}')).toMatchObject({ ok: true, ref: { variant: 'public' } });
    for (const body of [{ job_id: 'p-1' }, { jobId: 'p-1' }, { data: { job_id: 'p-1' } }, { data: { jobId: 'p-1', status: 'completed' } }]) {
      expect(readChannelHookBody('pictory', JSON.stringify(body))).toMatchObject({ ok: true, id: 'p-1', ref: { kind: 'provider', provider: 'pictory', id: 'p-1' } });
    }
  });

  it('anything else gets a short reason', () => {
    expect(readChannelHookBody('assemblyai', 'not json')).toEqual({ ok: false, reason: 'The body must be JSON.' });
    expect(readChannelHookBody('assemblyai', '[]')).toEqual({ ok: false, reason: 'The body must be a JSON object.' });
    expect(readChannelHookBody('assemblyai', '{"id":"x"}')).toEqual({ ok: false, reason: 'The body names no job: expected transcript_id.' });
    expect(readChannelHookBody('assemblyai', '{"transcript_id":42}')).toEqual({ ok: false, reason: 'transcript_id is not a valid id.' });
    expect(readChannelHookBody('pictory', '{"job_id":"../../x"}')).toEqual({ ok: false, reason: 'job_id is not a valid id.' });
    // Only Pictory's body is looked into under `data`.
    expect(readChannelHookBody('memories', '{"data":{"videoNo":"VI1234"}}')).toMatchObject({ ok: false });
  });
});

describe('the secrets store', () => {
  it('hands out 144-bit secrets, keeps only their hashes, rotates and removes them', async () => {
    const { store } = memoryStore();
    const hooks = createChannelHookStore(store);
    const first = await hooks.subscribe({ channelKey: 'discord:1', target, createdAt: 1 });
    expect(first.replaced).toBe(false);
    expect(first.secrets.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.secrets.authValue).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(JSON.stringify(await hooks.forChannel('discord:1'))).not.toContain(first.secrets.token);
    expect(JSON.stringify(await hooks.forChannel('discord:1'))).not.toContain(first.secrets.authValue);
    expect((await hooks.byToken(first.secrets.token))?.channelKey).toBe('discord:1');
    expect(await hooks.byToken(first.secrets.authValue)).toBeUndefined();

    const hook = (await hooks.byToken(first.secrets.token))!;
    expect(channelHookAuthMatches(hook, first.secrets.authValue)).toBe(true);
    for (const wrong of [undefined, '', `${first.secrets.authValue}x`, first.secrets.token]) expect(channelHookAuthMatches(hook, wrong)).toBe(false);

    const second = await hooks.subscribe({ channelKey: 'discord:1', target, createdAt: 2 });
    expect(second.replaced).toBe(true);
    expect(await hooks.byToken(first.secrets.token)).toBeUndefined();
    expect((await hooks.byToken(second.secrets.token))?.createdAt).toBe(2);

    expect(await hooks.unsubscribe('discord:1')).toBe(true);
    expect(await hooks.unsubscribe('discord:1')).toBe(false);
    expect(await hooks.byToken(second.secrets.token)).toBeUndefined();
    expect(await hooks.byToken('short')).toBeUndefined();
  });
});

describe('one job per recording', () => {
  it('twenty simultaneous callbacks for one recording store one job; another channel or recording is another job', async () => {
    const { store, jobIndex } = memoryStore();
    const jobs = createJobStore(store, jobIndex);
    const submitted: string[] = [];
    const runner = {
      async submit(invocation, jobTarget, id) {
        submitted.push(id!);
        // Slow enough for the other callbacks to arrive while this one is storing.
        await new Promise((resolve) => setTimeout(resolve, 20));
        const job = { id: id!, createdAt: 0, deadlineAt: 0, invocation, target: jobTarget, state: 'pending', posted: {}, callbackSecret: 'x', updatedAt: 0 } as JobRecord;
        await jobs.create(job);
        return job;
      },
      run: async () => undefined,
    } as Pick<JobRunner, 'submit' | 'run'> as JobRunner;
    const options = { jobs, runner, locks: memoryLocks(), owner: 'me' };
    const hook = { channelKey: 'discord:1', target, createdAt: 0, tokenHash: 'h', authHash: 'a', lang: 'en' };
    const ref = { kind: 'provider', provider: 'assemblyai', id: 't-1' } as const;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => startChannelHookJob(options, hook, 'assemblyai', 't-1', ref)));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(submitted).toEqual([channelHookJobId('discord:1', 'assemblyai', 't-1')]);
    expect((await jobs.get(submitted[0]!))?.invocation).toMatchObject({ ref, lang: 'en', want: expect.arrayContaining(['summary']) });
    // Later callbacks find the job.
    expect((await startChannelHookJob(options, hook, 'assemblyai', 't-1', ref)).created).toBe(false);
    expect((await startChannelHookJob(options, { ...hook, channelKey: 'discord:2' }, 'assemblyai', 't-1', ref)).created).toBe(true);
    expect((await startChannelHookJob(options, hook, 'assemblyai', 't-2', { ...ref, id: 't-2' })).created).toBe(true);
    expect(new Set(submitted).size).toBe(3);
  });
});
