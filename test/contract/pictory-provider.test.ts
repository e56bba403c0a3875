/**
 * The Pictory provider end to end over HTTP against the fake: start → poll until done through the router's own
 * waiter (transcription, then highlights), existing job ids, expired and failed jobs, U-20 and file uploads.
 */
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecapError } from '../../src/errors.ts';
import { totalHighlightMs } from '../../src/providers/pictory/map.ts';
import { createPictoryProvider, PICTORY_PACING, type PictoryProvider } from '../../src/providers/pictory/provider.ts';
import type { ProviderRequest } from '../../src/providers/provider.ts';
import { waitForJob, type Stage } from '../../src/providers/wait-for-job.ts';
import { startTestServer, type TestServer } from '../fakes/http-test-server.ts';
import { startPictoryFake, type PictoryFake } from '../fakes/pictory.ts';

const ERROR_4004 = { success: false, data: { error_code: '4004', error_message: 'The transcription job is still processing.' } };
const MEDIA = 'https://media.example.com/weekly/launch-review.mp4';

let fake: PictoryFake;
let hooks: TestServer;
const received: { url: string; body: string }[] = [];
let pictory: PictoryProvider;

function makeProvider(minIntervalMs = 0): PictoryProvider {
  return createPictoryProvider({
    credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
    client: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, timeoutMs: 1_000, breaker: { failureThreshold: 1_000 } },
    pacing: { initialMs: 10, maxMs: 40 },
    pollBudget: { minIntervalMs },
  });
}

/**
 * Polls like the router does, recording the stages users would see. Pictory's processing time passes between
 * polls: every job the fake holds is finished after each poll, so each job is seen in progress exactly once.
 */
async function run(provider: PictoryProvider, input: Parameters<PictoryProvider['start']>[0], request: ProviderRequest) {
  const stages: Stage[] = [];
  const job = await provider.start(input, request);
  const timePasses: PictoryProvider = {
    ...provider,
    poll: async (j, r) => {
      const answer = await provider.poll(j, r);
      for (const id of fake.jobs.keys()) fake.finish(id);
      return answer;
    },
  };
  const result = await waitForJob(timePasses, job, request, { deadlineAt: Date.now() + 10_000, onStage: (s) => stages.push(s) });
  return { job, result, stages };
}

async function failure(promise: Promise<unknown>): Promise<RecapError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecapError);
  return error as RecapError;
}

beforeAll(async () => {
  // Jobs never finish by the clock here: run() finishes them between polls, so every stage is seen whatever the load.
  fake = await startPictoryFake({ stepMs: 60_000 });
  hooks = await startTestServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.end();
    });
  });
});
afterAll(async () => {
  await fake.close();
  await hooks.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  received.length = 0;
  pictory = makeProvider();
});

describe('pictory provider', () => {
  it('describes itself: links only, highlights and transcript, polls 10–30 s apart by default', () => {
    expect(pictory.accepts).toEqual({ mediaUrl: true, mediaFile: false });
    expect(pictory.produces).toEqual(['highlights', 'transcript']);
    const defaults = createPictoryProvider({ credentials: { apiKey: 'pictai_x', baseUrl: fake.baseUrl } });
    expect(defaults.pacing).toEqual({ initialMs: 10_000, maxMs: 30_000 });
    expect(PICTORY_PACING).toEqual(defaults.pacing);
  });

  it('recaps a link: transcription, then highlights that fit the target, with webhooks sent to the callback', async () => {
    const callback = { url: `${hooks.origin}/hooks/pictory/secret-token` };
    const { result, stages } = await run(pictory, { kind: 'media-url', url: MEDIA }, { want: ['summary', 'highlights'], highlightsSeconds: 20, callback });
    const meeting = fake.meeting();
    expect(result.transcript?.utterances).toHaveLength(meeting.length);
    expect(result.transcript?.utterances[0]).toMatchObject({ startMs: 500, speaker: 'Speaker 1', text: 'Good morning everyone, thanks for joining the launch review.' });
    expect(new Set(result.transcript?.utterances.map((u) => u.speaker))).toEqual(new Set(['Speaker 1', 'Speaker 2', 'Speaker 3']));
    const highlights = result.analysis.highlights ?? [];
    expect(highlights.length).toBeGreaterThan(0);
    expect(totalHighlightMs(highlights)).toBeLessThanOrEqual(20_000);
    expect(highlights.map((h) => h.startMs)).toEqual([...highlights.map((h) => h.startMs)].sort((a, b) => a - b));
    expect(stages).toEqual(['transcribing', 'analyzing']);

    const [created] = fake.calls('POST', /\/v2\/transcription$/);
    expect(JSON.parse(created!.body!)).toEqual({ fileUrl: MEDIA, mediaType: 'video', language: 'en-US', webhook: callback.url });
    const [asked] = fake.calls('POST', '/highlights');
    expect(JSON.parse(asked!.body!)).toEqual({ highlight_duration: 20, webhook: callback.url });
    // One POST of each, and the transcript was not read again at the end.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);

    await expect.poll(() => received.length).toBe(2);
    expect(received.every((r) => r.url === '/hooks/pictory/secret-token')).toBe(true);
    expect(received.map((r) => JSON.parse(r.body))).toEqual([
      { jobId: expect.any(String), status: 'completed' },
      { jobId: expect.any(String), status: 'completed' },
    ]);
  });

  it('asks for 60 s of highlights by default, and sends audio links as audio', async () => {
    const { result } = await run(pictory, { kind: 'media-url', url: 'https://media.example.com/call.m4a?sig=abc' }, { want: ['highlights'] });
    expect(totalHighlightMs(result.analysis.highlights ?? [])).toBeLessThanOrEqual(60_000);
    expect(JSON.parse(fake.calls('POST', /\/v2\/transcription$/)[0]!.body!).mediaType).toBe('audio');
    expect(JSON.parse(fake.calls('POST', '/highlights')[0]!.body!).highlight_duration).toBe(60);
  });

  it('stops after the transcript when no highlights are wanted', async () => {
    const { result } = await run(pictory, { kind: 'media-url', url: MEDIA }, { want: ['summary'], lang: 'en' });
    expect(result.transcript?.language).toBe('en');
    expect(result.analysis).toEqual({});
    expect(fake.calls('POST', '/highlights')).toHaveLength(0);
  });

  it('rides out 4004 on the highlights POST across polls', async () => {
    fake.inject({ method: 'POST', path: '/highlights', fault: { kind: 'status', status: 400, body: ERROR_4004 }, times: 5 });
    const { result } = await run(pictory, { kind: 'media-url', url: MEDIA }, { want: ['highlights'], highlightsSeconds: 30 });
    expect(result.analysis.highlights?.length).toBeGreaterThan(0);
    expect(fake.calls('POST', '/highlights')).toHaveLength(6);
    expect([...fake.jobs.values()].filter((j) => j.kind === 'highlights')).not.toHaveLength(0);
  });

  it('picks up an existing pictory:<jobId> without creating a transcription', async () => {
    const id = await pictory.client.createTranscription({ fileUrl: MEDIA, mediaType: 'video' });
    fake.requests.length = 0;
    const { job, result } = await run(pictory, { kind: 'existing', id }, { want: ['highlights'], highlightsSeconds: 15 });
    expect(job.id).toBe(id);
    expect(result.source).toBe(`pictory:${id}`);
    expect(totalHighlightMs(result.analysis.highlights ?? [])).toBeLessThanOrEqual(15_000);
    expect(fake.calls('POST', /\/v2\/transcription$/)).toHaveLength(0);
  });

  it('refuses ids that cannot be Pictory jobs, and says so for unknown ones', async () => {
    const bad = await failure(pictory.start({ kind: 'existing', id: '../v2/transcription' }, { want: [] }));
    expect(bad.code).toBe('bad_input');
    const unknown = await failure(run(pictory, { kind: 'existing', id: '00000000-0000-0000-0000-000000000000' }, { want: [] }));
    expect(unknown.message).toBe('Pictory has no job pictory:00000000-0000-0000-0000-000000000000.');
  });

  it('an expired (cleaned) job fails, saying so and what to do', async () => {
    const id = await pictory.client.createTranscription({ fileUrl: MEDIA, mediaType: 'video' });
    fake.finish(id);
    fake.clean(id);
    const error = await failure(run(pictory, { kind: 'existing', id }, { want: ['summary'] }));
    expect(error.code).toBe('provider_error');
    expect(error.message).toMatch(/no longer has the transcript of pictory:.*deletes finished results/);
    expect(error.hint).toMatch(/Run the recap again from the original link/);
  });

  it('a failed transcription fails with Pictory reason', async () => {
    const error = await failure(run(pictory, { kind: 'media-url', url: 'https://media.example.com/corrupt.mp4' }, { want: ['highlights'] }));
    expect(error.message).toMatch(/could not produce the transcript .*could not be decoded/);
    expect(fake.calls('POST', '/highlights')).toHaveLength(0);
  });

  it('U-20: a private link is refused locally, before any call to Pictory', async () => {
    for (const url of ['http://169.254.169.254/latest/meeting.mp4', 'http://127.0.0.1:8080/a.mp4', 'https://intranet.local/a.mp4', 'file:///etc/passwd']) {
      const error = await failure(pictory.start({ kind: 'media-url', url }, { want: ['highlights'] }));
      expect(error.code).toBe('unsafe_url');
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('a media file is refused with a hint to share a public link', async () => {
    const blob = new Blob([new Uint8Array(16)], { type: 'video/mp4' });
    const error = await failure(pictory.start({ kind: 'media-file', blob, filename: 'standup.mp4' }, { want: ['highlights'] }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/standup\.mp4/);
    expect(error.hint).toMatch(/public https link/);
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps job reads at least the budget apart', async () => {
    const budgeted = makeProvider(150);
    const id = await budgeted.client.createTranscription({ fileUrl: MEDIA, mediaType: 'video' });
    const started = Date.now();
    await budgeted.client.getJob(id);
    await budgeted.client.getJob(id);
    await budgeted.client.getJob(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
