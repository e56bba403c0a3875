import { describe, expect, it } from 'vitest';
import { RecapError } from '../../../../src/errors.ts';
import type { HttpClient, RequestOptions } from '../../../../src/http/http-client-types.ts';
import { assemblyAiHttpOptions, createAssemblyAiClient, searchTerms } from '../../../../src/providers/assemblyai/client.ts';

interface Call {
  kind: 'json' | 'text';
  method: string;
  path: string;
  options: RequestOptions;
}

/** An HttpClient that records calls and answers with `answer`. */
function recordingHttp(answer: unknown = { id: 't1', status: 'queued' }): { http: HttpClient; calls: Call[] } {
  const calls: Call[] = [];
  const http: HttpClient = {
    provider: 'assemblyai',
    json: async (method, path, options = {}) => {
      calls.push({ kind: 'json', method, path, options });
      return (options.schema ? options.schema.parse(answer) : answer) as never;
    },
    text: async (method, path, options = {}) => {
      calls.push({ kind: 'text', method, path, options });
      return 'WEBVTT';
    },
    stream: async () => {
      throw new Error('not used');
    },
  };
  return { http, calls };
}

describe('AssemblyAI client (request shapes)', () => {
  it('sends the bare key (no Bearer) and scrubs it', () => {
    const options = assemblyAiHttpOptions({ apiKey: 'k-123456', baseUrl: 'https://api.eu.assemblyai.com/' }, { retry: { baseDelayMs: 5 } });
    expect(options).toMatchObject({ provider: 'assemblyai', baseUrl: 'https://api.eu.assemblyai.com', headers: { Authorization: 'k-123456' }, retry: { baseDelayMs: 5 } });
    expect(options.secrets).toContain('k-123456');
  });

  it('creates a transcript once: a POST marked not idempotent', async () => {
    const { http, calls } = recordingHttp();
    await createAssemblyAiClient(http).createTranscript('https://media.example.com/a.mp3', { want: ['chapters'] });
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/v2/transcript', options: { idempotent: false, json: { audio_url: 'https://media.example.com/a.mp3', auto_chapters: true } } });
  });

  it('streams uploads as an AsyncIterable with an octet-stream type', async () => {
    const { http, calls } = recordingHttp({ upload_url: 'https://cdn.assemblyai.com/upload/abc' });
    const url = await createAssemblyAiClient(http).upload(new Blob([new Uint8Array(10), new Uint8Array(5)]));
    expect(url).toBe('https://cdn.assemblyai.com/upload/abc');
    const body = calls[0]!.options.body as AsyncIterable<Uint8Array>;
    expect(Symbol.asyncIterator in body).toBe(true);
    expect(calls[0]!.options.headers).toEqual({ 'Content-Type': 'application/octet-stream' });
    expect(calls[0]!.options.idempotent).toBe(false);
  });

  it('builds captions, word-search, list and delete requests', async () => {
    const { http, calls } = recordingHttp({ matches: [], transcripts: [], id: 'a b', status: 'completed' });
    const client = createAssemblyAiClient(http);
    await client.captions('a b', 'vtt', 32);
    await client.wordSearch('a b', ['pricing page', 'launch,date']);
    await client.list({ limit: 200, status: 'completed' });
    await client.delete('a b');
    expect(calls.map((c) => [c.kind, c.method, c.path, c.options.query])).toEqual([
      ['text', 'GET', '/v2/transcript/a%20b/vtt', { chars_per_caption: 32 }],
      ['json', 'GET', '/v2/transcript/a%20b/word-search', { words: 'pricing page,launch date' }],
      ['json', 'GET', '/v2/transcript', { limit: 200, status: 'completed', created_on: undefined, before_id: undefined, after_id: undefined }],
      ['json', 'DELETE', '/v2/transcript/a%20b', undefined],
    ]);
  });

  it('refuses what AssemblyAI would refuse, before sending anything', async () => {
    const { http, calls } = recordingHttp();
    const client = createAssemblyAiClient(http);
    await expect(client.list({ limit: 0 })).rejects.toBeInstanceOf(RecapError);
    await expect(client.list({ limit: 201 })).rejects.toThrow(/1 to 200/);
    await expect(client.captions('x', 'srt', 0)).rejects.toThrow(/whole number/);
    await expect(client.wordSearch('x', ['one two three four five six'])).rejects.toThrow(/up to 5 words/);
    await expect(client.wordSearch('x', [' , '])).rejects.toThrow(/Nothing to search/);
    expect(calls).toHaveLength(0);
    expect(searchTerms(['a', 'a', ' b  c '])).toEqual(['a', 'b c']);
  });
});
