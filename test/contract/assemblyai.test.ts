/**
 * AssemblyAI contract, endpoint by endpoint: the real client (over the real HttpClient and undici) against the
 * fake, which answers like the live API in providers.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { RecapError } from '../../src/errors.ts';
import { ProviderError } from '../../src/http/provider-error.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { MEETING_SENTENCES } from '../fakes/assemblyai/meeting.ts';
import { fakeProvider } from '../fakes/assemblyai/test-support.ts';

let fake: AssemblyAiFake;
let dir: string;
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 20 });
  dir = await mkdtemp(join(tmpdir(), 'recap-aai-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('AssemblyAI endpoints through the real client', () => {
  it('streams an upload as raw octet-stream bytes and gets an upload_url back', async () => {
    const path = join(dir, 'meeting.mp3');
    const bytes = 3 * 1024 * 1024 + 17;
    await writeFile(path, Buffer.alloc(bytes, 7));
    const { client } = fakeProvider(fake);
    const before = fake.requests.length;
    const uploadUrl = await client.upload(await openAsBlob(path));
    expect(uploadUrl).toMatch(new RegExp(`^${fake.url}/upload/`));
    const upload = fake.uploads.get(uploadUrl.split('/').pop()!)!;
    expect(upload.bytes).toBe(bytes);
    // More than one piece: the file went out as it was read, not as one buffer.
    expect(upload.chunks).toBeGreaterThan(1);
    expect(upload.contentType).toBe('application/octet-stream');
    const logged = fake.requests.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.headers.authorization).toBe(fake.apiKey);
    expect(logged[0]!.bytes).toBe(bytes);
  });

  it('creates a transcript that goes queued → processing → completed', async () => {
    // A slower fake of its own, so a 10 ms poll cannot step over the short `processing` phase.
    const slow = await startAssemblyAiFake({ stepMs: 150 });
    onTestFinished(() => slow.close());
    const { client } = fakeProvider(slow);
    const created = await client.createTranscript('https://media.example.com/standup.mp3', { want: ['chapters'] });
    expect(created.status).toBe('queued');
    const seen = new Set<string>([created.status]);
    await until(async () => {
      const t = await client.getTranscript(created.id);
      seen.add(t.status);
      return t.status === 'completed';
    });
    expect([...seen]).toEqual(['queued', 'processing', 'completed']);
    const done = await client.getTranscript(created.id);
    expect(done.chapters).toHaveLength(3);
    expect(done.summary).toBeNull();
    expect(done.language_code).toBe('en');
  });

  it('reads sentences, paragraphs, SRT and VTT (chars_per_caption) of a completed transcript', async () => {
    const { client } = fakeProvider(fake);
    const { id } = fake.seed();
    const { sentences } = await client.sentences(id);
    expect(sentences).toHaveLength(MEETING_SENTENCES.length);
    expect(sentences[1]).toMatchObject({ speaker: 'B', text: MEETING_SENTENCES[1]!.text });
    const { paragraphs } = await client.paragraphs(id);
    expect(paragraphs).toHaveLength(3);

    const srt = await client.captions(id, 'srt');
    expect(srt.startsWith('1\n00:00:00,240 --> ')).toBe(true);
    const vtt = await client.captions(id, 'vtt', 32);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    const lines = vtt.split('\n').filter((l) => l && !l.includes('-->') && l !== 'WEBVTT');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(32);
    expect(fake.calls('GET', /\/vtt$/).at(-1)!.query).toEqual({ chars_per_caption: '32' });
  });

  it('searches words and phrases (comma-joined) and lists and deletes transcripts', async () => {
    const { client } = fakeProvider(fake);
    const { id } = fake.seed();
    const found = await client.wordSearch(id, ['launch date', 'pricing']);
    expect(fake.calls('GET', /word-search$/).at(-1)!.query).toEqual({ words: 'launch date,pricing' });
    expect(found.matches.map((m) => [m.text, m.count])).toEqual([
      ['launch date', 4],
      ['pricing', 3],
    ]);

    const page = await client.list({ limit: 1, status: 'completed' });
    expect(page.transcripts).toHaveLength(1);
    expect(page.transcripts.every((t) => t.status === 'completed')).toBe(true);
    expect(page.transcripts[0]!.id).toBe(id);
    expect(page.page_details?.prev_url).toContain('before_id=');

    const deleted = await client.delete(id);
    expect(deleted.text).toBe('Deleted by user.');
  });

  it('401: a wrong key is rejected once, and the key never shows in the error', async () => {
    const { client } = fakeProvider(fake, { apiKey: 'wrong-key-123456' });
    const before = fake.requests.length;
    const error = await client.getTranscript('anything').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 401, providerMessage: 'Authentication error, API token missing/invalid' });
    expect((error as ProviderError).hint).toMatch(/ASSEMBLYAI_API_KEY/);
    expect(JSON.stringify({ m: (error as Error).message, d: (error as ProviderError).describe() })).not.toContain('wrong-key-123456');
    expect(fake.requests.length - before).toBe(1);
  });

  it('404: an unknown id is not_found, and start() says which id', async () => {
    const provider = fakeProvider(fake);
    await expect(provider.client.getTranscript('nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    const error = await provider.start({ kind: 'existing', id: 'nope' }, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapError);
    expect(error).toMatchObject({ code: 'not_found', message: 'AssemblyAI has no transcript nope' });
  });

  it('400: the fake validates create bodies like the real API, and the client sends each once', async () => {
    const { client } = fakeProvider(fake);
    const post = (json: unknown) => client.http.json('POST', '/v2/transcript', { json, idempotent: false });
    const before = fake.calls('POST', /^\/v2\/transcript$/).length;
    await expect(post({ audio_url: 'https://m.example.com/a.mp3', auto_chapters: true, summarization: true })).rejects.toMatchObject({
      status: 400,
      providerMessage: expect.stringMatching(/Only one of/),
    });
    await expect(post({ audio_url: 'https://m.example.com/a.mp3', summarization: true, summary_model: 'informative' })).rejects.toMatchObject({
      status: 400,
      providerMessage: expect.stringMatching(/summary_type/),
    });
    await expect(client.createTranscript('ftp://files.example.com/a.mp3', { want: [] })).rejects.toMatchObject({
      status: 400,
      providerMessage: expect.stringMatching(/audio_url/),
    });
    expect(fake.calls('POST', /^\/v2\/transcript$/).length - before).toBe(3);
  });
});
