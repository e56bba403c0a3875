/**
 * The SpotMe provider end to end against the fake, driven by the router's own poll loop (`waitForJob`): start →
 * poll until done for sessions and breakouts, existing transcripts reused without a trigger, glossary and
 * language passed through, failures and "no VOD yet" explained.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderRequest } from '../../src/providers/provider.ts';
import { waitForJob, type Stage } from '../../src/providers/wait-for-job.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { freshToken, providerFor } from '../fakes/spotme/test-clients.ts';

describe('SpotMe provider flow', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken(), stepMs: 40 });
  });
  afterEach(() => fake.close());

  async function recap(kind: 'session' | 'breakout', id: string, request: Partial<ProviderRequest> = {}) {
    const provider = providerFor(fake);
    const full: ProviderRequest = { want: ['summary', 'chapters', 'captions'], ...request };
    const job = await provider.start({ kind: 'existing', id, variant: kind }, full);
    const stages: Stage[] = [];
    const result = await waitForJob(provider, job, full, { deadlineAt: Date.now() + 10_000, onStage: (s) => stages.push(s) });
    return { job, result, stages };
  }
  const count = (method: string, path: string | RegExp) => fake.calls(method, path).length;

  it('session: triggers once, polls the job through its stages, downloads the VTT, maps the transcript', async () => {
    fake.addSession('sess-1', { vod: true, title: 'Opening keynote' });
    const { job, result, stages } = await recap('session', 'sess-1');
    expect(job).toEqual({ provider: 'spotme', id: 'job_0001', state: { kind: 'session', target: 'sess-1' } });
    expect(stages).toEqual(['queued', 'transcribing']);
    expect(result.source).toBe('session:sess-1');
    expect(result.mediaUrl).toBeUndefined();
    expect(result.analysis).toEqual({});
    expect(result.transcript?.timed).toBe(true);
    expect(result.transcript?.utterances).toEqual([
      { startMs: 0, endMs: 4500, speaker: 'Host', text: 'Welcome to Opening keynote.' },
      { startMs: 5000, endMs: 9500, speaker: 'Host', text: 'Today we review the roadmap and the budget.' },
      { startMs: 10_000, endMs: 14_500, speaker: 'Host', text: 'Thanks everyone, see you next week.' },
    ]);
    expect(count('POST', '/recordings')).toBe(1);
    // One read before triggering (404), one after completion; the files once each. On a loaded machine a poll may
    // also land in the moment between the job's completion and its recordings, and read once more (never a trigger).
    expect(count('GET', '/live-sessions/sess-1/recordings')).toBeGreaterThanOrEqual(2);
    expect(count('GET', '/live-sessions/sess-1/recordings')).toBeLessThanOrEqual(3);
    expect(count('GET', '/files/transcript.vtt')).toBe(1);
    expect(count('GET', '/files/recording.mp4')).toBe(0);
  });

  it('breakout: refused with a clear message until it has ended, then recapped', async () => {
    fake.addBreakout('b-7', { ended: false, title: 'Room B' });
    const error = await recap('breakout', 'b-7').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'not_found',
      message: "SpotMe has no recording for breakout b-7 yet: the video breakout hasn't ended.",
      hint: expect.stringContaining('finished'),
    });
    fake.finish('b-7');
    const { result } = await recap('breakout', 'b-7');
    expect(result.source).toBe('breakout:b-7');
    expect(result.transcript?.utterances[0]?.text).toBe('Welcome to Room B.');
    expect(fake.calls('POST', '/recordings').map((r) => r.path)).toEqual([
      `/api/v2/workspace/${fake.workspaceId}/breakouts/b-7/recordings`,
      `/api/v2/workspace/${fake.workspaceId}/breakouts/b-7/recordings`,
    ]);
  });

  it("session without a VOD: \"SpotMe has no recording for session X yet: its VOD isn't available\"", async () => {
    fake.addSession('sess-live', { vod: false });
    await expect(recap('session', 'sess-live')).rejects.toMatchObject({
      code: 'not_found',
      message: "SpotMe has no recording for session sess-live yet: its VOD isn't available.",
      hint: expect.stringContaining('VOD'),
    });
    expect(fake.jobs()).toHaveLength(0);
  });

  it('uses an existing transcript without triggering again (zero POSTs)', async () => {
    fake.addSession('sess-2', { vod: true });
    fake.seedRecording('sess-2', { glossaryId: 'gl-1' });
    const { job, result } = await recap('session', 'sess-2');
    expect(job).toEqual({ provider: 'spotme', id: 'session:sess-2', state: { kind: 'session', target: 'sess-2', ready: true } });
    expect(result.transcript?.utterances).toHaveLength(3);
    expect(count('POST', '/recordings')).toBe(0);
    // The links read at start are still fresh: no second read.
    expect(count('GET', '/recordings')).toBe(1);
  });

  it('also reuses it when the same glossary is asked for, and when no VTT exists takes the TXT', async () => {
    fake.addSession('sess-3', { vod: true });
    fake.seedRecording('sess-3', { glossaryId: 'gl-1', withoutVtt: true });
    const { result } = await recap('session', 'sess-3', { glossary: 'gl-1' });
    expect(result.transcript?.timed).toBe(false);
    expect(result.transcript?.utterances.map((u) => u.text).join(' ')).toContain('roadmap');
    expect(count('POST', '/recordings')).toBe(0);
    expect(count('GET', '/files/transcript.txt')).toBe(1);
  });

  it('passes glossary and language through, regenerating when they differ from the existing transcript', async () => {
    fake.addSession('sess-4', { vod: true });
    fake.seedRecording('sess-4', { glossaryId: 'gl-old' });
    const { result } = await recap('session', 'sess-4', { glossary: 'gl-new', lang: 'fr' });
    const [post] = fake.calls('POST', '/recordings');
    expect(JSON.parse(post?.body ?? '')).toEqual({ glossaryId: 'gl-new', languageCode: 'fr' });
    expect(result.language).toBe('fr');
    expect(fake.world.require('sess-4').recording).toMatchObject({ glossaryId: 'gl-new', languageCode: 'fr' });
  });

  it('after a job completes, reads the links afresh (cached ones may point at the replaced transcript)', async () => {
    fake.addSession('sess-6', { vod: true, lines: ['The old transcript.'] });
    fake.seedRecording('sess-6', { glossaryId: 'gl-old' });
    const provider = providerFor(fake);
    const full: ProviderRequest = { want: ['summary'], glossary: 'gl-new' };
    const job = await provider.start({ kind: 'existing', id: 'sess-6', variant: 'session' }, full);
    fake.world.require('sess-6').lines = ['The regenerated transcript.'];
    await provider.client.freshLinks('session', 'sess-6'); // another recap caches the old links meanwhile
    const result = await waitForJob(provider, job, full, { deadlineAt: Date.now() + 10_000 });
    expect(result.transcript?.utterances.map((u) => u.text)).toEqual(['The regenerated transcript.']);
  });

  it('a stored job (plain JSON) is picked up by a new provider instance, as after a restart', async () => {
    fake.addSession('sess-7', { vod: true });
    const job = await providerFor(fake).start({ kind: 'existing', id: 'sess-7', variant: 'session' }, { want: ['summary'] });
    const revived = JSON.parse(JSON.stringify(job)) as typeof job;
    const result = await waitForJob(providerFor(fake), revived, { want: ['summary'] }, { deadlineAt: Date.now() + 10_000 });
    expect(result.source).toBe('session:sess-7');
    expect(count('POST', '/recordings')).toBe(1);
  });

  it('a failed job ends the wait with the reason summarised', async () => {
    fake.addSession('sess-bad', { vod: true, broken: true });
    await expect(recap('session', 'sess-bad')).rejects.toMatchObject({
      code: 'provider_error',
      message: 'SpotMe could not generate the transcript of session sess-bad: Transcription failed: the recording has no audio track.',
      hint: expect.stringContaining('Backstage'),
    });
    expect(count('POST', '/recordings')).toBe(1);
  });

  it('a job SpotMe no longer knows fails the poll instead of waiting forever', async () => {
    const provider = providerFor(fake);
    const poll = await provider.poll({ provider: 'spotme', id: 'job_gone', state: { kind: 'session', target: 's' } }, { want: ['summary'] });
    expect(poll).toMatchObject({ status: 'failed', message: expect.stringContaining('no longer knows') });
  });

  it('a poll survives a transient 503 on the job read (the wait loop rides it out)', async () => {
    fake.addSession('sess-5', { vod: true });
    fake.inject({ method: 'GET', path: '/jobs/', fault: { kind: 'status', status: 503 }, times: 6 });
    const { result } = await recap('session', 'sess-5');
    expect(result.transcript?.utterances).toHaveLength(3);
    expect(count('POST', '/recordings')).toBe(1);
  });
});
