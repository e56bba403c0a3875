import { describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../../src/http/http-client-types.ts';
import { ProviderError } from '../../../../src/http/provider-error.ts';
import { createPictoryClient, pictoryHttpOptions } from '../../../../src/providers/pictory/client.ts';
import { createPollBudget } from '../../../../src/providers/pictory/poll-budget.ts';

const busy = () => new ProviderError('busy', { provider: 'pictory', method: 'POST', url: 'x', status: 400, providerCode: '4004', retryable: true });
const boom = () => new ProviderError('boom', { provider: 'pictory', method: 'POST', url: 'x', status: 500, retryable: true });

function http(answers: (unknown | Error)[]) {
  const sent: { method: string; path: string; options: Record<string, unknown> | undefined }[] = [];
  const client: HttpClient = {
    provider: 'pictory',
    json: async (method: string, path: string, options?: Record<string, unknown>) => {
      sent.push({ method, path, options });
      const next = answers.shift();
      if (next instanceof Error) throw next;
      const schema = options?.schema as { parse(v: unknown): unknown } | undefined;
      return (schema ? schema.parse(next) : next) as never;
    },
    text: async () => '',
    stream: async () => {
      throw new Error('unused');
    },
  };
  return { client, sent };
}

const noBudget = createPollBudget({ minIntervalMs: 0 });

describe('pictory client', () => {
  it('sends the bare key, scrubs it, and reads Pictory error shapes', () => {
    const options = pictoryHttpOptions({ apiKey: 'pictai_k', baseUrl: 'https://api.pictory.ai/pictoryapis/' }, { timeoutMs: 5 });
    expect(options).toMatchObject({ provider: 'pictory', baseUrl: 'https://api.pictory.ai/pictoryapis', timeoutMs: 5 });
    expect(options.headers).toEqual({ Authorization: 'pictai_k' });
    expect(options.secrets).toContain('pictai_k');
    expect(options.bodyError?.({ success: false, data: { error_code: 4004 } })?.code).toBe('4004');
  });

  it('creates a transcription once, leaving out absent fields', async () => {
    const { client, sent } = http([{ success: true, data: { jobId: 't1' } }]);
    const pictory = createPictoryClient(client, { pollBudget: noBudget });
    expect(await pictory.createTranscription({ fileUrl: 'https://x.test/a.mp3', mediaType: 'audio' })).toBe('t1');
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/v2/transcription', options: { idempotent: false, json: { fileUrl: 'https://x.test/a.mp3', mediaType: 'audio' } } });
  });

  it('retries only 4004 on the highlights POST, with jittered backoff', async () => {
    const waits: number[] = [];
    const { client, sent } = http([busy(), busy(), { success: true, data: { jobId: 'h1' } }]);
    const pictory = createPictoryClient(client, {
      retry: { baseDelayMs: 100, maxDelayMs: 250 },
      random: () => 1,
      sleep: async (ms) => void waits.push(ms),
      pollBudget: noBudget,
    });
    expect(await pictory.createHighlights('t/1', { highlight_duration: 30 })).toBe('h1');
    expect(waits).toEqual([100, 200]);
    expect(sent.map((s) => s.path)).toEqual(Array(3).fill('/v2/transcription/t%2F1/highlights'));

    const other = http([boom()]);
    await expect(createPictoryClient(other.client, { sleep: async () => {}, pollBudget: noBudget }).createHighlights('t', { highlight_duration: 5 })).rejects.toThrow('boom');
    expect(other.sent).toHaveLength(1);
  });

  it('gives up on 4004 after the attempts, with the retryable error', async () => {
    const { client, sent } = http([busy(), busy()]);
    const pictory = createPictoryClient(client, { retry: { attempts: 2 }, sleep: async () => {}, pollBudget: noBudget });
    await expect(pictory.createHighlights('t', { highlight_duration: 5 })).rejects.toMatchObject({ providerCode: '4004', retryable: true });
    expect(sent).toHaveLength(2);
  });

  it('reads jobs through the poll budget', async () => {
    const taken: string[] = [];
    const { client, sent } = http([{ data: { status: 'in-progress' } }]);
    const pictory = createPictoryClient(client, { pollBudget: { take: async (id) => void taken.push(id), waitMs: () => 0 } });
    expect((await pictory.getJob('j1')).data.status).toBe('in-progress');
    expect(taken).toEqual(['j1']);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/v1/jobs/j1' });
  });
});
