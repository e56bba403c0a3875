/** The Memories.ai poll state machine against a scripted client: no HTTP, just the decisions and their cost. */
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/http/provider-error.ts';
import type { MemoriesClient, VideoState } from '../../../../src/providers/memories/client.ts';
import { createMemoriesPoller } from '../../../../src/providers/memories/poll.ts';
import type { MemoriesSummary, MemoriesTranscription } from '../../../../src/providers/memories/schemas.ts';
import type { ProviderJob, ProviderRequest } from '../../../../src/providers/provider.ts';
import { summaryData, transcriptionData } from './fixtures.ts';

const speech = transcriptionData('audio-transcription')!;
const screen = transcriptionData('video-transcription')!;

function error(code: string, retryable = code === '0429'): ProviderError {
  return new ProviderError('x', { provider: 'memories', method: 'GET', url: 'https://api.memories.ai/x', status: 200, providerCode: code, retryable });
}

/** A client whose answers are scripted; `calls` records what the poller asked for. */
function scripted(script: { states?: (VideoState | Error)[]; visual?: MemoriesTranscription | null; summary?: MemoriesSummary | null | Error }) {
  const calls: string[] = [];
  const states = [...(script.states ?? [])];
  const client = {
    async status(videoNo: string, options: { public?: boolean; uniqueId?: string }) {
      calls.push(`status ${videoNo} ${options.public ? 'public' : (options.uniqueId ?? '-')}`);
      const next = states.shift() ?? { status: 'UNPARSE' };
      if (next instanceof Error) throw next;
      return next;
    },
    async videoTranscription() {
      calls.push('video');
      return script.visual ?? null;
    },
    async publicVideoTranscription() {
      calls.push('public video');
      return script.visual ?? null;
    },
    async summary(_videoNo: string, type: string) {
      calls.push(`summary ${type}`);
      if (script.summary instanceof Error) throw script.summary;
      return script.summary ?? null;
    },
  };
  return { client: client as unknown as MemoriesClient, calls };
}

const job: ProviderJob = { provider: 'memories', id: 'VI1', state: { uniqueId: 'default' } };
const want = (...parts: ProviderRequest['want'][number][]): ProviderRequest => ({ want: parts });

describe('memories poll', () => {
  it('PARSE: the status read is the transcript; one CHAPTER summary makes summary and chapters', async () => {
    const { client, calls } = scripted({ states: [{ status: 'PARSE', transcription: speech }], summary: summaryData('summary-chapter') });
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000 })(job, want('summary', 'chapters'));
    expect(calls).toEqual(['status VI1 default', 'summary CHAPTER']);
    if (poll.status !== 'done') throw new Error(poll.status);
    expect(poll.result.transcript!.utterances).toHaveLength(6);
    expect(poll.result.analysis.summary!.text).toMatch(/^The video seems/);
    expect(poll.result.analysis.chapters!.map((c) => c.endMs)).toEqual([10_000, 30_000, 35_000]);
    expect(poll.result.source).toBeUndefined();
  });

  it('asks for no summary when neither summary nor chapters is wanted', async () => {
    const { client, calls } = scripted({ states: [{ status: 'PARSE', transcription: speech }] });
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000 })({ ...job, state: { existing: true } }, want('phrases'));
    expect(calls).toEqual(['status VI1 -']);
    expect(poll).toMatchObject({ status: 'done', result: { analysis: {}, source: 'memories:VI1' } });
  });

  it('UNPARSE: pending, counting empty reads; every third also checks the visual transcription', async () => {
    const { client, calls } = scripted({});
    const poll = createMemoriesPoller(client, { retryAfterMs: 5000 });
    let current = job;
    for (let i = 0; i < 3; i++) {
      const result = await poll(current, want('summary'));
      if (result.status !== 'pending') throw new Error(result.status);
      expect(result.stage).toBe('transcribing');
      current = result.job;
    }
    expect(current.state).toMatchObject({ emptyReads: 3, uniqueId: 'default' });
    expect(calls).toEqual(['status VI1 default', 'status VI1 default', 'status VI1 default', 'video']);
  });

  it('a parsed video without speech fails clearly once the visual transcription shows up', async () => {
    const { client } = scripted({ visual: screen });
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000, visualCheckEvery: 1 })(job, want('summary'));
    expect(poll).toMatchObject({ status: 'failed', message: 'Memories.ai found no speech in memories:VI1 (no audio track, or nobody speaks).' });
  });

  it('a video that finishes between the status read and the visual check is done, not "silent"', async () => {
    const { client, calls } = scripted({ states: [{ status: 'UNPARSE' }, { status: 'PARSE', transcription: speech }], visual: screen });
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000, visualCheckEvery: 1 })(job, want('transcript'));
    expect(poll.status).toBe('done');
    expect(calls).toEqual(['status VI1 default', 'video', 'status VI1 default']);
  });

  it('a video that fails between the status read and the visual check (0001) is PARSE_ERROR', async () => {
    const { client } = scripted({});
    (client as { videoTranscription: unknown }).videoTranscription = async () => {
      throw Object.assign(error('0001'), { providerMessage: 'video parse failed' });
    };
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000, visualCheckEvery: 1 })(job, want());
    expect(poll).toMatchObject({ status: 'failed', message: 'Memories.ai could not process memories:VI1: video parse failed' });
  });

  it('PARSE_ERROR fails with the reason and a hint fit for a link or an id', async () => {
    const { client } = scripted({ states: [{ status: 'PARSE_ERROR', cause: 'bad codec' }, { status: 'PARSE_ERROR' }] });
    const poll = createMemoriesPoller(client, { retryAfterMs: 5000 });
    expect(await poll(job, want())).toMatchObject({ status: 'failed', message: 'Memories.ai could not process memories:VI1: bad codec', hint: /opens the video/ });
    expect(await poll({ ...job, state: { existing: true } }, want())).toMatchObject({ status: 'failed', hint: /Check the id/ });
  });

  it('busy after the client’s own backoff: pending with retryAfterMs, on the status read and on the summary', async () => {
    const first = scripted({ states: [error('0429')] });
    expect(await createMemoriesPoller(first.client, { retryAfterMs: 5000 })(job, want())).toEqual({ status: 'pending', stage: 'transcribing', job, retryAfterMs: 5000 });
    const second = scripted({ states: [{ status: 'PARSE', transcription: speech }], summary: error('0429') });
    expect(await createMemoriesPoller(second.client, { retryAfterMs: 5000 })(job, want('chapters'))).toMatchObject({ status: 'pending', stage: 'analyzing', retryAfterMs: 5000 });
  });

  it('a summary that fails for good costs only the provider summary; other errors propagate', async () => {
    const { client } = scripted({ states: [{ status: 'PARSE', transcription: speech }], summary: error('0402') });
    expect(await createMemoriesPoller(client, { retryAfterMs: 5000 })(job, want('chapters'))).toMatchObject({ status: 'done', result: { analysis: {} } });
    const auth = scripted({ states: [error('0401')] });
    await expect(createMemoriesPoller(auth.client, { retryAfterMs: 5000 })(job, want())).rejects.toMatchObject({ providerCode: '0401' });
  });

  it('public videos use the public reads and ask for no summary', async () => {
    const { client, calls } = scripted({ states: [{ status: 'PARSE', transcription: speech }] });
    const poll = await createMemoriesPoller(client, { retryAfterMs: 5000 })({ provider: 'memories', id: 'PI-1', state: { existing: true, public: true } }, want('summary'));
    expect(calls).toEqual(['status PI-1 public']);
    expect(poll).toMatchObject({ status: 'done', result: { analysis: {}, source: 'memories:PI-1' } });
  });
});
