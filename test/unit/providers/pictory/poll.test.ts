import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/http/provider-error.ts';
import type { PictoryClient } from '../../../../src/providers/pictory/client.ts';
import { createPictoryPoller } from '../../../../src/providers/pictory/poll.ts';
import { pictoryJobSchema, type PictoryJob } from '../../../../src/providers/pictory/schemas.ts';
import type { ProviderJob, ProviderRequest } from '../../../../src/providers/provider.ts';
import { fixture } from './fixtures.ts';

const job = (name: string): PictoryJob => pictoryJobSchema.parse(fixture(name));
const status = (s: string, extra: Record<string, unknown> = {}): PictoryJob => pictoryJobSchema.parse({ data: { status: s, ...extra } });
const notFound = () => new ProviderError('not found', { provider: 'pictory', method: 'GET', url: 'x', status: 404, retryable: false });
const stillProcessing = () =>
  new ProviderError('busy', { provider: 'pictory', method: 'POST', url: 'x', status: 400, providerCode: '4004', retryable: true });

/** A scripted PictoryClient: answers per job id, in order; records every call. */
function stub(answers: Record<string, (PictoryJob | Error)[]>, highlights: (string | Error)[] = ['h1']) {
  const calls: string[] = [];
  const client: PictoryClient = {
    http: undefined as never,
    createTranscription: async () => 't1',
    createHighlights: async (id, input) => {
      calls.push(`POST highlights ${id} ${input.highlight_duration}`);
      const next = highlights.shift();
      if (next === undefined) throw new Error('no scripted highlights answer');
      if (next instanceof Error) throw next;
      return next;
    },
    getJob: async (id) => {
      calls.push(`GET ${id}`);
      const next = answers[id]?.shift();
      if (!next) throw new Error(`no scripted answer for ${id}`);
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { client, calls };
}

const t1: ProviderJob = { provider: 'pictory', id: 't1', state: {} };
const wantHighlights: ProviderRequest = { want: ['summary', 'highlights'], highlightsSeconds: 30 };

describe('pictory poll state machine', () => {
  it('transcribes, creates the highlights job, then finishes with transcript and highlights', async () => {
    const { client, calls } = stub({
      t1: [status('in-progress'), job('transcription-completed')],
      h1: [status('in-progress'), job('highlights-completed-spans')],
    });
    const poll = createPictoryPoller(client, { retryAfterMs: 10_000 });
    expect(await poll(t1, wantHighlights)).toEqual({ status: 'pending', stage: 'transcribing', job: t1 });
    const analyzing = await poll(t1, wantHighlights);
    expect(analyzing).toEqual({ status: 'pending', stage: 'analyzing', job: { ...t1, state: { highlightsJobId: 'h1' } } });
    const next = (analyzing as { job: ProviderJob }).job;
    expect((await poll(next, wantHighlights)).status).toBe('pending');
    const done = await poll(next, wantHighlights);
    expect(done.status).toBe('done');
    if (done.status !== 'done') return;
    expect(done.result.transcript?.utterances).toHaveLength(3);
    expect(done.result.analysis.highlights).toHaveLength(2);
    // The transcript was kept from the transcription poll: no second read of t1.
    expect(calls).toEqual(['GET t1', 'GET t1', 'POST highlights t1 30', 'GET h1', 'GET h1']);
  });

  it('asks for 60 s of highlights by default and stops after the transcript when none are wanted', async () => {
    const a = stub({ t1: [job('transcription-completed')] });
    await createPictoryPoller(a.client, { retryAfterMs: 1 })(t1, { want: ['highlights'] });
    expect(a.calls).toContain('POST highlights t1 60');
    const b = stub({ t1: [job('transcription-completed')] });
    const done = await createPictoryPoller(b.client, { retryAfterMs: 1 })(t1, { want: ['summary'], lang: 'en' });
    expect(done).toMatchObject({ status: 'done', result: { analysis: {}, language: 'en' } });
    expect(b.calls).toEqual(['GET t1']);
  });

  it('treats completed-without-transcript and unknown states as still working', async () => {
    const { client } = stub({ t1: [status('completed'), status('queued')] });
    const poll = createPictoryPoller(client, { retryAfterMs: 1 });
    expect((await poll(t1, wantHighlights)).status).toBe('pending');
    expect((await poll(t1, wantHighlights)).status).toBe('pending');
  });

  it('comes back later when 4004 outlives the client backoff, without reading the transcription again', async () => {
    const { client, calls } = stub({ t1: [job('transcription-completed')] }, [stillProcessing(), 'h9']);
    const poll = createPictoryPoller(client, { retryAfterMs: 10_000 });
    expect(await poll(t1, wantHighlights)).toEqual({ status: 'pending', stage: 'analyzing', job: t1, retryAfterMs: 10_000 });
    expect(await poll(t1, wantHighlights)).toMatchObject({ status: 'pending', job: { state: { highlightsJobId: 'h9' } } });
    expect(calls).toEqual(['GET t1', 'POST highlights t1 30', 'POST highlights t1 30']);
  });

  it('fails clearly on failed, cleaned and unknown jobs', async () => {
    const { client } = stub({ t1: [job('job-failed'), status('cleaned'), notFound()] });
    const poll = createPictoryPoller(client, { retryAfterMs: 1 });
    expect(await poll(t1, wantHighlights)).toMatchObject({ status: 'failed', message: expect.stringContaining('could not be decoded') });
    const cleaned = await poll(t1, wantHighlights);
    expect(cleaned).toMatchObject({ status: 'failed', message: expect.stringMatching(/no longer has/), hint: expect.stringMatching(/again/) });
    expect(await poll(t1, wantHighlights)).toMatchObject({ status: 'failed', message: 'Pictory has no job pictory:t1.' });
  });

  it('fails when the transcription holds no speech', async () => {
    const { client } = stub({ t1: [status('completed', { transcript: [] })] });
    expect(await createPictoryPoller(client, { retryAfterMs: 1 })(t1, wantHighlights)).toMatchObject({ status: 'failed', message: expect.stringMatching(/no speech/) });
  });

  it('after a restart, reads the transcript again; a failed highlights job leaves highlights to the router', async () => {
    const { client, calls } = stub({ h1: [status('failed')], t1: [job('transcription-completed')] });
    const resumed: ProviderJob = { provider: 'pictory', id: 't1', state: { existing: true, highlightsJobId: 'h1' } };
    const done = await createPictoryPoller(client, { retryAfterMs: 1 })(resumed, wantHighlights);
    expect(done).toMatchObject({ status: 'done', result: { analysis: {}, source: 'pictory:t1' } });
    expect(calls).toEqual(['GET h1', 'GET t1']);
  });

  it('uses the highlights job transcript when the transcription was cleaned meanwhile', async () => {
    const { client } = stub({ h1: [job('highlights-completed-flags')], t1: [status('cleaned')] });
    const done = await createPictoryPoller(client, { retryAfterMs: 1 })({ ...t1, state: { highlightsJobId: 'h1' } }, wantHighlights);
    expect(done).toMatchObject({ status: 'done', result: { analysis: { highlights: [{ startMs: 0, endMs: 3500 }] } } });
    if (done.status === 'done') expect(done.result.transcript?.utterances).toHaveLength(3);
  });

  it('finishes at once for a highlights job handed in as a reference', async () => {
    const { client, calls } = stub({ h7: [job('highlights-completed-flags')] });
    const done = await createPictoryPoller(client, { retryAfterMs: 1 })({ provider: 'pictory', id: 'h7', state: { existing: true } }, wantHighlights);
    expect(done).toMatchObject({ status: 'done', result: { source: 'pictory:h7', analysis: { highlights: [{ startMs: 0 }] } } });
    expect(calls).toEqual(['GET h7']);
  });
});
