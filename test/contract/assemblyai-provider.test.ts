/**
 * The AssemblyAI provider end to end against the fake: start → poll (with the router's own poller) until done,
 * for an existing id, a media link and an uploaded file, with and without a webhook; what it asks AssemblyAI for;
 * U-20; failed jobs; non-English Key Phrases; both chapter shapes; and provider-side search.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecapError } from '../../src/errors.ts';
import type { Part } from '../../src/domain/recap.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { MEETING_SENTENCES, MEETING_TOPICS } from '../fakes/assemblyai/meeting.ts';
import { costOf, fakeProvider, startHookReceiver, waitDone } from '../fakes/assemblyai/test-support.ts';

let fake: AssemblyAiFake;
let dir: string;
const MEDIA = 'https://media.example.com/standup.mp3';
const FULL: Part[] = ['summary', 'chapters', 'phrases'];

beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 30 });
  dir = await mkdtemp(join(tmpdir(), 'recap-aai-flow-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh fake per flow whose request count is asserted. */
async function isolated(): Promise<AssemblyAiFake> {
  return startAssemblyAiFake({ stepMs: 30 });
}

describe('AssemblyAI provider flows', () => {
  it('a media link: summary + chapters + phrases, and what it cost', async () => {
    const own = await isolated();
    try {
      const provider = fakeProvider(own);
      const job = await provider.start({ kind: 'media-url', url: MEDIA }, { want: FULL });
      expect(job).toEqual({ provider: 'assemblyai', id: expect.any(String) });
      const result = await waitDone(provider, job, { want: FULL });

      expect(result.source).toBe(`assemblyai:${job.id}`);
      expect(result.language).toBe('en');
      expect(result.transcript?.utterances).toHaveLength(MEETING_SENTENCES.length);
      expect(result.transcript?.utterances[0]).toMatchObject({ speaker: 'Speaker A', startMs: 240 });
      expect(result.analysis.chapters?.map((c) => c.title)).toEqual(MEETING_TOPICS.map((t) => t.gist));
      // Both wanted: chapters were asked for, and the summary comes from their summaries.
      expect(result.analysis.summary?.text.split('\n')).toEqual(MEETING_TOPICS.map((t) => `- ${t.summary}`));
      expect(result.analysis.keyPhrases?.[0]).toMatchObject({ text: 'pricing page', count: 3, rank: 0.12 });
      expect(result.analysis.keyPhrases?.[0]!.timestamps[0]).toEqual({ startMs: expect.any(Number), endMs: expect.any(Number) });

      const cost = costOf(own);
      expect(cost.creates).toBe(1);
      expect(cost.sentences).toBe(1);
      expect(cost.total).toBe(1 + cost.polls + 1);
    } finally {
      await own.close();
    }
  });

  it('an existing id: one GET to prove it exists, then one poll and the sentences', async () => {
    const own = await isolated();
    try {
      const provider = fakeProvider(own);
      const { id } = own.seed();
      const job = await provider.start({ kind: 'existing', id }, { want: FULL });
      expect(job).toEqual({ provider: 'assemblyai', id });
      expect(own.requests).toHaveLength(1);
      const result = await waitDone(provider, job, { want: ['chapters'] });
      expect(result.analysis.chapters).toHaveLength(3);
      // Only what this request wants is mapped.
      expect(result.analysis.summary).toBeUndefined();
      expect(result.analysis.keyPhrases).toBeUndefined();
      expect(costOf(own)).toMatchObject({ polls: 2, sentences: 1, total: 3 });
    } finally {
      await own.close();
    }
  });

  it('a file: streamed upload, then a transcript of the upload_url', async () => {
    const path = join(dir, 'standup.m4a');
    await writeFile(path, Buffer.alloc(2 * 1024 * 1024, 1));
    const provider = fakeProvider(fake);
    const job = await provider.start({ kind: 'media-file', blob: await openAsBlob(path), filename: 'standup.m4a' }, { want: ['summary'] });
    const body = fake.transcripts.get(job.id)!.request!;
    expect(String(body.audio_url)).toMatch(new RegExp(`^${fake.url}/upload/`));
    expect(fake.uploads.get(String(body.audio_url).split('/').pop()!)?.bytes).toBe(2 * 1024 * 1024);
    const result = await waitDone(provider, job, { want: ['summary'] });
    // Summary alone: Summarization's own bullets.
    expect(result.analysis.summary?.text).toBe(MEETING_TOPICS.map((t) => `- ${t.headline}`).join('\n'));
    expect(result.analysis.chapters).toBeUndefined();
  });

  it('with a webhook: AssemblyAI calls back with the custom header, and one poll finishes the job', async () => {
    const hooks = await startHookReceiver();
    try {
      const provider = fakeProvider(fake);
      const callback = { url: `${hooks.url}/callbacks/assemblyai/job-1`, authHeader: { name: 'X-Recap-Token', value: 'tok-3f9a1c' } };
      const job = await provider.start({ kind: 'media-url', url: MEDIA }, { want: ['chapters'], callback });
      const body = fake.transcripts.get(job.id)!.request!;
      expect(body).toMatchObject({ webhook_url: callback.url, webhook_auth_header_name: 'X-Recap-Token', webhook_auth_header_value: 'tok-3f9a1c' });
      // The secret is not echoed back in the transcript object.
      expect(JSON.stringify(await provider.client.getTranscript(job.id))).not.toContain('tok-3f9a1c');

      const [hook] = await hooks.waitFor(1);
      expect(hook!.path).toBe('/callbacks/assemblyai/job-1');
      expect(hook!.headers['x-recap-token']).toBe('tok-3f9a1c');
      expect(hook!.body).toEqual({ transcript_id: job.id, status: 'completed' });
      const poll = await provider.poll(job, { want: ['chapters'] });
      expect(poll.status).toBe('done');
    } finally {
      await hooks.close();
    }
  });

  it('asks AssemblyAI only for what the wanted parts need', async () => {
    const provider = fakeProvider(fake);
    const cases: [Part[], Record<string, unknown>][] = [
      [['transcript', 'captions', 'highlights'], {}],
      [['summary'], { summarization: true, summary_model: 'informative', summary_type: 'bullets' }],
      [['chapters'], { auto_chapters: true }],
      [['phrases'], { auto_highlights: true }],
      [FULL, { auto_chapters: true, auto_highlights: true }],
    ];
    for (const [want, extra] of cases) {
      const job = await provider.start({ kind: 'media-url', url: MEDIA }, { want });
      expect(fake.transcripts.get(job.id)!.request).toEqual({ audio_url: MEDIA, speaker_labels: true, language_detection: true, ...extra });
    }
    const spanish = await provider.start({ kind: 'media-url', url: MEDIA }, { want: FULL, lang: 'es' });
    expect(fake.transcripts.get(spanish.id)!.request).toEqual({ audio_url: MEDIA, speaker_labels: true, language_code: 'es', auto_chapters: true });
    // Never both models on one transcript.
    expect(fake.createBodies().some((b) => b.auto_chapters === true && b.summarization === true)).toBe(false);
  });

  it('U-20: a private or local media link is refused without a single request', async () => {
    const own = await isolated();
    try {
      const provider = fakeProvider(own);
      for (const url of ['http://127.0.0.1/a.mp3', 'http://10.1.2.3/a.mp3', 'http://[::1]/a.mp3', 'http://metadata.internal/a.mp3', 'http://169.254.169.254/latest']) {
        await expect(provider.start({ kind: 'media-url', url }, { want: FULL })).rejects.toMatchObject({ code: 'unsafe_url' });
      }
      expect(own.requests).toHaveLength(0);
    } finally {
      await own.close();
    }
  });

  it('a failed job reports a summary for users, not AssemblyAI’s text', async () => {
    const provider = fakeProvider(fake);
    const job = await provider.start({ kind: 'media-url', url: 'https://media.example.com/corrupt.mp3' }, { want: ['summary'] });
    const error = await waitDone(provider, job, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapError);
    expect(error).toMatchObject({ code: 'provider_error', message: expect.stringMatching(/no audio or video AssemblyAI can read/) });
    expect((error as Error).message).not.toMatch(/Transcoding/);
  });

  it('Key Phrases are left out for a language other than English', async () => {
    const provider = fakeProvider(fake);
    const { id } = fake.seed({ language_code: 'es' });
    const result = await waitDone(provider, await provider.start({ kind: 'existing', id }, { want: FULL }), { want: FULL });
    expect(result.language).toBe('es');
    expect(result.analysis.keyPhrases).toBeUndefined();
    expect(result.analysis.chapters).toHaveLength(3);
  });

  it('speech_understanding results map like legacy ones (created, and seeded)', async () => {
    const legacy = fakeProvider(fake);
    const modern = fakeProvider(fake, { summaryStyle: 'speech-understanding' });
    const oldJob = await legacy.start({ kind: 'media-url', url: MEDIA }, { want: FULL });
    const newJob = await modern.start({ kind: 'media-url', url: MEDIA }, { want: FULL });
    expect(fake.transcripts.get(newJob.id)!.request).toMatchObject({ speech_understanding: { request: { summarization: {} } } });
    const [a, b] = await Promise.all([waitDone(legacy, oldJob, { want: FULL }), waitDone(modern, newJob, { want: FULL })]);
    expect(b.analysis.chapters).toEqual(a.analysis.chapters);
    expect(b.analysis.summary).toEqual(a.analysis.summary);

    const seeded = fake.seed({ chapters: null, speech_understanding: fake.transcripts.get(newJob.id)!.object.speech_understanding });
    const c = await waitDone(legacy, { provider: 'assemblyai', id: seeded.id }, { want: ['chapters'] });
    expect(c.analysis.chapters).toEqual(a.analysis.chapters);
  });

  it('search: the phrase wins over its words, with speaker and line', async () => {
    const provider = fakeProvider(fake);
    const { id } = fake.seed();
    const job = { provider: 'assemblyai' as const, id };
    const phrase = await provider.search!(job, ['launch', 'date']);
    expect(phrase.map((m) => m.text)).toEqual(MEETING_SENTENCES.slice(4, 8).map((s) => s.text));
    expect(phrase[0]).toMatchObject({ speaker: 'Speaker B', startMs: MEETING_SENTENCES[4]!.start, endMs: MEETING_SENTENCES[4]!.end });
    expect(fake.calls('GET', /word-search$/).at(-1)!.query).toEqual({ words: 'launch date,launch,date' });

    const words = await provider.search!(job, ['pricing']);
    expect(words.map((m) => m.speaker)).toEqual(['Speaker A', 'Speaker B', 'Speaker C']);
    await expect(provider.search!({ provider: 'assemblyai', id: 'gone' }, ['x'])).rejects.toMatchObject({ code: 'not_found' });
  });
});
