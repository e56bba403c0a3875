/**
 * Memories.ai contract, endpoint by endpoint: the real client (over the real shared HTTP client) against the fake.
 * Bare key header, form-encoded and streamed multipart uploads, the envelope, the status read, the four
 * transcription reads, both summary types and the transcript update.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecapError } from '../../src/errors.ts';
import { ProviderError } from '../../src/http/provider-error.ts';
import { toChapters, toSpeechTranscript, toVisualTranscript } from '../../src/providers/memories/map.ts';
import { PUBLIC_VIDEO_NO, startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';
import { clientFor } from '../fakes/memories/test-support.ts';

let fake: MemoriesFake;
let dir: string;
const MEDIA = 'https://media.example.com/standup.mp4';

beforeAll(async () => {
  fake = await startMemoriesFake({ stepMs: 40, rate: false });
  dir = await mkdtemp(join(tmpdir(), 'memories-contract-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Memories.ai client', () => {
  it('upload_url: form-encoded url, callback and unique_id, with the bare key → videoNo and UNPARSE', async () => {
    const client = clientFor(fake);
    const uploaded = await client.uploadUrl(MEDIA, { callback: 'https://recap.example.com/hooks/memories/t0k3n', uniqueId: 'recap' });
    expect(uploaded).toEqual({ videoNo: expect.stringMatching(/^VI\d{18}$/), videoStatus: 'UNPARSE' });
    const [request] = fake.calls('POST', '/serve/api/v1/upload_url').slice(-1);
    expect(request!.headers.authorization).toBe(fake.apiKey);
    expect(request!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
      url: MEDIA,
      callback: 'https://recap.example.com/hooks/memories/t0k3n',
      unique_id: 'recap',
    });
    expect(fake.videos.get(uploaded.videoNo)).toMatchObject({ uniqueId: 'recap', url: MEDIA });
  });

  it('upload: streams a file-backed Blob as multipart `file` with the fields; the fake counts every byte', async () => {
    const path = join(dir, 'standup.mp4');
    const size = 6 * 1024 * 1024 + 123;
    await writeFile(path, Buffer.alloc(size, 7));
    const client = clientFor(fake);
    const uploaded = await client.uploadFile(await openAsBlob(path), 'standup.mp4', { uniqueId: 'recap', callback: 'https://recap.example.com/cb', contentType: 'video/mp4' });
    expect(uploaded.videoStatus).toBe('UNPARSE');
    const received = fake.uploads.at(-1)!;
    expect(received.files).toEqual([{ field: 'file', filename: 'standup.mp4', contentType: 'video/mp4', bytes: size }]);
    expect(received.fields).toEqual({ unique_id: 'recap', callback: 'https://recap.example.com/cb' });
    // Many reads of the request stream: the body arrived as a stream, not one buffer.
    expect(received.chunks).toBeGreaterThan(10);
    expect(fake.videos.get(uploaded.videoNo)).toMatchObject({ filename: 'standup.mp4', uniqueId: 'recap' });
  });

  it('upload refuses more than 3 GB before any call', async () => {
    const before = fake.requests.length;
    const huge = { size: 3 * 1024 ** 3 + 1, type: 'video/mp4' } as Blob;
    const error = await clientFor(fake).uploadFile(huge, 'all-hands.mp4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapError);
    expect(error).toMatchObject({ code: 'too_large', message: expect.stringMatching(/up to 3 GB/) });
    expect(fake.requests.length).toBe(before);
  });

  it('status: UNPARSE (data:null) → PARSE with the speech; the reads name the upload namespace', async () => {
    const client = clientFor(fake);
    const { videoNo } = await client.uploadUrl(MEDIA, { uniqueId: 'recap' });
    expect(await client.status(videoNo, { uniqueId: 'recap' })).toEqual({ status: 'UNPARSE' });
    expect(await client.audioTranscription(videoNo, 'recap')).toBeNull();
    expect(fake.calls('GET', '/get_audio_transcription').at(-1)!.query).toEqual({ video_no: videoNo, unique_id: 'recap' });
    fake.finish(videoNo);
    const state = await client.status(videoNo, { uniqueId: 'recap' });
    expect(state.status).toBe('PARSE');
    expect(toSpeechTranscript(state.transcription)!.utterances[1]).toEqual({
      startMs: 4500,
      endMs: 9000,
      text: 'Yesterday I finished the billing export and sent it for review.',
    });
  });

  it('status: PARSE_ERROR for a link Memories.ai cannot decode, with its reason', async () => {
    const client = clientFor(fake);
    const { videoNo } = await client.uploadUrl('https://media.example.com/corrupt.mp4', { uniqueId: 'default' });
    fake.finish(videoNo);
    expect(await client.status(videoNo)).toEqual({ status: 'PARSE_ERROR', cause: 'video parse failed: the media could not be decoded' });
  });

  it('an unknown video number is 0001: a clear, non-retried "bad parameters" error', async () => {
    const before = fake.calls('GET', '/get_audio_transcription').length;
    const error = await clientFor(fake).audioTranscription('VI000000000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ providerCode: '0001', providerMessage: 'video not found', retryable: false, code: 'bad_input' });
    expect(fake.calls('GET', '/get_audio_transcription').length - before).toBe(1);
  });

  it('video transcription describes the screen', async () => {
    const video = fake.seed();
    const visual = toVisualTranscript(await clientFor(fake).videoTranscription(video.videoNo));
    expect(visual).toMatchObject({ describes: 'screen', durationMs: 52_000 });
    expect(visual!.utterances).toHaveLength(3);
  });

  it('public PI- videos: audio and video transcriptions without a namespace', async () => {
    const client = clientFor(fake);
    const audio = await client.publicAudioTranscription(PUBLIC_VIDEO_NO);
    expect(toSpeechTranscript(audio)!.utterances.map((u) => u.endMs)).toEqual([3000, 7000, 9000]);
    expect(fake.calls('GET', '/get_public_audio_transcription').at(-1)!.query).toEqual({ video_no: PUBLIC_VIDEO_NO });
    expect(toVisualTranscript(await client.publicVideoTranscription(PUBLIC_VIDEO_NO))!.utterances).toHaveLength(1);
  });

  it('generate_summary: CHAPTER and TOPIC', async () => {
    const video = fake.seed();
    const client = clientFor(fake);
    const chapters = await client.summary(video.videoNo, 'CHAPTER');
    expect(chapters!.text).toMatch(/^A short stand-up/);
    expect(toChapters(chapters, 52_000).map((c) => [c.title, c.startMs, c.endMs])).toEqual([
      ['Team updates', 0, 20_000],
      ['Release plan', 20_000, 41_500],
      ['Risks', 41_500, 52_000],
    ]);
    const topics = await client.summary(video.videoNo, 'TOPIC');
    expect(topics!.items.map((i) => i.title)).toEqual(['Engineering progress', 'Friday release']);
    expect(fake.calls('GET', '/generate_summary').at(-1)!.query).toMatchObject({ type: 'TOPIC', video_no: video.videoNo });
  });

  it('update_video_transcription replaces the transcript (JSON, read shape)', async () => {
    const video = fake.seed({ uniqueId: 'recap' });
    const client = clientFor(fake);
    await client.updateTranscription(video.videoNo, [{ index: 0, content: 'Corrected words.', startTime: '0', endTime: '2.5' }], 'recap');
    const request = fake.calls('POST', '/update_video_transcription').at(-1)!;
    expect(JSON.parse(request.body!)).toEqual({
      video_no: video.videoNo,
      unique_id: 'recap',
      transcriptions: [{ index: 0, content: 'Corrected words.', startTime: '0', endTime: '2.5' }],
    });
    expect(toSpeechTranscript(await client.audioTranscription(video.videoNo, 'recap'))!.utterances).toEqual([
      { startMs: 0, endMs: 2500, text: 'Corrected words.' },
    ]);
  });
});
