/**
 * The Memories.ai provider end to end against the fake, polled by the router's own poller: a media link, an
 * existing `VI…`, a public `PI-…` and a file upload, each start → poll until done, and what each costs in calls.
 * Also U-20 (a private link is refused before any call), PARSE_ERROR, a video without speech, busy and credits.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecapError } from '../../src/errors.ts';
import { PUBLIC_VIDEO_NO, startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';
import { costOf, providerFor, waitDone } from '../fakes/memories/test-support.ts';
import { startHookReceiver } from '../fakes/assemblyai/test-support.ts';

let fake: MemoriesFake;
let dir: string;
const MEDIA = 'https://media.example.com/standup.mp4';
const RECAP = { want: ['summary', 'chapters', 'phrases', 'captions'] as const };

beforeAll(async () => {
  fake = await startMemoriesFake({ stepMs: 60, rate: false });
  dir = await mkdtemp(join(tmpdir(), 'memories-provider-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Memories.ai provider', () => {
  it('describes itself: summary and chapters natively, links and files, 5 s → 30 s pacing by default', async () => {
    const { createMemoriesProvider } = await import('../../src/providers/memories/provider.ts');
    const provider = createMemoriesProvider({ credentials: { apiKey: 'k', baseUrl: 'https://api.memories.ai' } });
    expect(provider).toMatchObject({ name: 'memories', accepts: { mediaUrl: true, mediaFile: true }, pacing: { initialMs: 5000, maxMs: 30_000 } });
    expect(provider.produces).toEqual(expect.arrayContaining(['summary', 'chapters']));
    expect(provider.produces).not.toContain('phrases');
    expect(provider.produces).not.toContain('highlights');
    expect(provider.produces).not.toContain('captions');
  });

  it('media link: upload_url with the callback, poll until PARSE, transcript + summary + chapters; the callback arrives', async () => {
    const hooks = await startHookReceiver();
    try {
      const provider = providerFor(fake);
      const since = fake.requests.length;
      const request = { ...RECAP, want: [...RECAP.want], callback: { url: `${hooks.url}/hooks/memories/t0k3n` } };
      const job = await provider.start({ kind: 'media-url', url: MEDIA }, request);
      expect(job).toEqual({ provider: 'memories', id: expect.stringMatching(/^VI\d+$/), state: { uniqueId: 'default' } });
      const result = await waitDone(provider, job, request);
      expect(result.transcript!.utterances).toHaveLength(10);
      expect(result.transcript!.utterances[2]).toEqual({ startMs: 9000, endMs: 14_250, text: 'The checkout bug is fixed, but the payment retries still fail on staging.' });
      expect(result.analysis.summary!.text).toMatch(/^A short stand-up/);
      expect(result.analysis.chapters!.map((c) => [c.title, c.startMs, c.endMs])).toEqual([
        ['Team updates', 0, 20_000],
        ['Release plan', 20_000, 41_500],
        ['Risks', 41_500, 52_000],
      ]);
      expect(result.analysis.keyPhrases).toBeUndefined();
      const [hook] = await hooks.waitFor(1);
      expect(hook).toMatchObject({ path: '/hooks/memories/t0k3n', body: { videoNo: job.id, status: 'PARSE' } });
      // One upload, one status read per poll (the last one is the transcript), a visual check every third empty
      // read, one summary.
      const cost = costOf(fake, since);
      expect(cost).toMatchObject({ uploads: 1, summaries: 1 });
      expect(cost.video).toBeLessThanOrEqual(Math.floor(cost.audio / 3));
      expect(cost.total).toBe(cost.uploads + cost.audio + cost.video + cost.summaries);
    } finally {
      await hooks.close();
    }
  });

  it('an existing VI… is read where it is: no upload, source named, only what is wanted', async () => {
    const video = fake.seed();
    const provider = providerFor(fake);
    const since = fake.requests.length;
    const job = await provider.start({ kind: 'existing', id: video.videoNo }, { want: ['transcript'] });
    expect(fake.requests.length).toBe(since);
    const result = await waitDone(provider, job, { want: ['transcript'], lang: 'en' });
    expect(result).toMatchObject({ source: `memories:${video.videoNo}`, language: 'en', analysis: {} });
    expect(result.transcript!.language).toBe('en');
    expect(costOf(fake, since)).toMatchObject({ total: 1, audio: 1, summaries: 0 });
  });

  it('a public PI-… is read with the public endpoints, never uploaded', async () => {
    const provider = providerFor(fake);
    const since = fake.requests.length;
    const job = await provider.start({ kind: 'existing', id: PUBLIC_VIDEO_NO, variant: 'public' }, { want: ['summary'] });
    expect(job.state).toMatchObject({ public: true });
    const result = await waitDone(provider, job, { want: ['summary'] });
    expect(result.transcript!.utterances.map((u) => u.text)[0]).toBe("I just got back from my friend's vintage liquidation sale.");
    expect(result.source).toBe(`memories:${PUBLIC_VIDEO_NO}`);
    expect(fake.requests.slice(since).map((r) => r.path)).toEqual(['/serve/api/v1/get_public_audio_transcription']);
  });

  it('a file is uploaded as multipart, then polled until done', async () => {
    const path = join(dir, 'retro.mp4');
    await writeFile(path, Buffer.alloc(256 * 1024, 1));
    const provider = providerFor(fake);
    const job = await provider.start({ kind: 'media-file', blob: await openAsBlob(path), filename: 'retro.mp4', contentType: 'video/mp4' }, { want: ['chapters'] });
    expect(fake.uploads.at(-1)!.files[0]).toMatchObject({ filename: 'retro.mp4', bytes: 256 * 1024 });
    const result = await waitDone(provider, job, { want: ['chapters'] });
    expect(result.analysis.chapters).toHaveLength(3);
    expect(result.analysis.summary).toBeUndefined();
  });

  it('U-20: a private, local or literal-address link is refused locally, with no provider call', async () => {
    const provider = providerFor(fake);
    const before = fake.requests.length;
    for (const url of ['http://127.0.0.1/standup.mp4', 'http://localhost/standup.mp4', 'http://10.1.2.3/a.mp4', 'http://[::1]/a.mp4', 'http://169.254.169.254/latest', 'file:///etc/passwd']) {
      const error = await provider.start({ kind: 'media-url', url }, { want: ['summary'] }).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(RecapError);
      expect(error, url).toMatchObject({ code: 'unsafe_url' });
    }
    expect(fake.requests.length).toBe(before);
  });

  it('a video number that cannot be one is refused before any call', async () => {
    const error = await providerFor(fake).start({ kind: 'existing', id: 'VI1&x=y' }, { want: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_input' });
  });

  it('PARSE_ERROR: the wait ends with what happened and what to do', async () => {
    const provider = providerFor(fake);
    const job = await provider.start({ kind: 'media-url', url: 'https://media.example.com/corrupt.mp4' }, { want: ['summary'] });
    const error = await waitDone(provider, job, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapError);
    expect(error).toMatchObject({ message: `Memories.ai could not process memories:${job.id}: video parse failed: the media could not be decoded` });
    expect((error as RecapError).hint).toMatch(/without signing in/);
  });

  it('a video without speech fails clearly once the visual transcription shows it was parsed', async () => {
    const provider = providerFor(fake);
    const job = await provider.start({ kind: 'media-url', url: 'https://media.example.com/silent-screencast.mp4' }, { want: ['summary'] });
    const error = await waitDone(provider, job, { want: ['summary'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: `Memories.ai found no speech in memories:${job.id} (no audio track, or nobody speaks).` });
    expect(fake.calls('GET', '/get_video_transcription').length).toBeGreaterThan(0);
  });

  it('0429 that outlasts the client’s backoff makes the poll pending with retryAfterMs', async () => {
    const video = fake.seed();
    const provider = providerFor(fake, { client: { retry: { attempts: 1 } } });
    const job = await provider.start({ kind: 'existing', id: video.videoNo }, { want: [] });
    fake.busyNext(1);
    expect(await provider.poll(job, { want: [] })).toEqual({ status: 'pending', stage: 'transcribing', job, retryAfterMs: 20 });
    expect((await provider.poll(job, { want: [] })).status).toBe('done');
  });

  it('0402 at start: one call, no retry, a message about credits', async () => {
    fake.setCredits(false);
    try {
      const provider = providerFor(fake);
      const before = fake.calls('POST', '/upload_url').length;
      const error = await provider.start({ kind: 'media-url', url: MEDIA }, { want: ['summary'] }).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: "Memories.ai has no credits left on Recap's account.", retryable: false });
      expect(fake.calls('POST', '/upload_url').length - before).toBe(1);
    } finally {
      fake.setCredits(true);
    }
  });
});
