/**
 * The Pictory client through the real shared HTTP client, over HTTP, against the fake: every endpoint and every
 * fault the harness can inject. POSTs create jobs and are sent once; GETs ride out transient failures.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/http/provider-error.ts';
import { createPictoryProvider, type PictoryProvider } from '../../src/providers/pictory/provider.ts';
import { startPictoryFake, type PictoryFake } from '../fakes/pictory.ts';

const ERROR_4004 = { success: false, data: { error_code: '4004', error_message: 'The transcription job is still processing.' } };

let fake: PictoryFake;
let pictory: PictoryProvider;
/** Every wait the clients asked for (retries, Retry-After), recorded; the wait itself is real but capped. */
let waits: number[];

function provider(
  overrides: { apiKey?: string; timeoutMs?: number; retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number } } = {},
): PictoryProvider {
  return createPictoryProvider({
    credentials: { apiKey: overrides.apiKey ?? fake.apiKey, baseUrl: fake.baseUrl },
    client: {
      retry: { baseDelayMs: 5, maxDelayMs: 50, ...overrides.retry },
      // Generous, so a loaded machine does not turn a normal answer into a timeout; the timeout tests shorten it.
      timeoutMs: overrides.timeoutMs ?? 3_000,
      // Breakers are shared per base URL: faults injected on purpose here must not open it for the next test.
      breaker: { failureThreshold: 1_000 },
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
      },
    },
    pollBudget: { minIntervalMs: 0 },
  });
}

async function transcription(fileUrl = 'https://media.example.com/standup.mp4'): Promise<string> {
  return pictory.client.createTranscription({ fileUrl, mediaType: 'video', language: 'en-US' });
}

async function completedTranscription(): Promise<string> {
  const id = await transcription();
  fake.finish(id);
  return id;
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeAll(async () => {
  // Long enough that a job is never done by accident under load: tests finish jobs with fake.finish().
  fake = await startPictoryFake({ stepMs: 5_000 });
});
afterAll(() => fake.close());
beforeEach(() => {
  waits = [];
  fake.requests.length = 0;
  pictory = provider();
});

describe('pictory endpoints', () => {
  it('POST /v2/transcription sends the bare key and the job fields, and returns the job id', async () => {
    const id = await pictory.client.createTranscription({
      fileUrl: 'https://media.example.com/a.mp3',
      mediaType: 'audio',
      language: 'es',
      webhook: 'https://recap.example.com/hooks/pictory/tok',
    });
    expect(fake.jobs.get(id)?.kind).toBe('transcription');
    const [sent] = fake.calls('POST', '/pictoryapis/v2/transcription');
    expect(sent?.headers.authorization).toBe(fake.apiKey);
    expect(sent?.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(sent!.body!)).toEqual({
      fileUrl: 'https://media.example.com/a.mp3',
      mediaType: 'audio',
      language: 'es',
      webhook: 'https://recap.example.com/hooks/pictory/tok',
    });
  });

  it('GET /v1/jobs/{id} reads in-progress, then the completed transcription', async () => {
    const id = await transcription();
    expect((await pictory.client.getJob(id)).data.status).toBe('in-progress');
    fake.finish(id);
    const { data } = await pictory.client.getJob(id);
    expect(data.status).toBe('completed');
    expect(data.transcript?.length).toBe(fake.meeting().length);
    expect(data.transcript?.[0]?.words[0]).toMatchObject({ word: 'Good', speakerId: 1 });
    expect(data.vtt).toMatch(/^WEBVTT/);
    expect(data.srt).toMatch(/^1\n00:00:00,500 --> /);
    expect(data.txt).toMatch(/^Good morning everyone/);
  });

  it('POST /v2/transcription/{id}/highlights returns a new job, which completes with both highlight shapes', async () => {
    const id = await completedTranscription();
    const highlightsId = await pictory.client.createHighlights(id, { highlight_duration: 15, language: 'en' });
    expect(highlightsId).not.toBe(id);
    expect(JSON.parse(fake.calls('POST', '/highlights')[0]!.body!)).toEqual({ highlight_duration: 15, language: 'en' });
    fake.finish(highlightsId);
    const { data } = await pictory.client.getJob(highlightsId);
    expect(data.highlights?.length).toBeGreaterThan(0);
    expect(data.transcript?.some((s) => s.highlight)).toBe(true);
  });

  it('reads failed and cleaned jobs', async () => {
    const broken = await transcription('https://media.example.com/corrupt.mp4');
    fake.finish(broken);
    expect((await pictory.client.getJob(broken)).data).toMatchObject({ status: 'failed', error_message: expect.any(String) });
    const old = await completedTranscription();
    fake.clean(old);
    expect((await pictory.client.getJob(old)).data.status).toBe('cleaned');
  });
});

describe('pictory faults', () => {
  it('401 for a wrong key: names the variable, never the key, and is not retried', async () => {
    const wrong = provider({ apiKey: 'pictai_wrong_key_123' });
    const error = await failure(wrong.client.getJob('abc'));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Pictory rejected/);
    expect(error.hint).toMatch(/PICTORY_API_KEY/);
    expect(`${error.message} ${error.hint} ${error.describe()}`).not.toContain('pictai_wrong_key_123');
    expect(fake.calls('GET', '/v1/jobs')).toHaveLength(1);
  });

  it('404 for an unknown job, with Pictory code and message', async () => {
    const error = await failure(pictory.client.getJob('00000000-0000-0000-0000-000000000000'));
    expect([error.status, error.code, error.providerCode, error.retryable]).toEqual([404, 'not_found', '4040', false]);
    expect(fake.calls('GET', '/v1/jobs')).toHaveLength(1);
  });

  it('429 with Retry-After: a GET waits at least that long and retries; a POST is not retried', async () => {
    const retrying = provider({ retry: { maxDelayMs: 2_000 } });
    const id = await completedTranscription();
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'status', status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '1' } } });
    expect((await retrying.client.getJob(id)).data.status).toBe('completed');
    expect(waits.some((ms) => ms >= 1_000)).toBe(true);
    expect(fake.calls('GET', `/v1/jobs/${id}`)).toHaveLength(2);

    fake.inject({ method: 'POST', path: '/v2/transcription', fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } });
    const error = await failure(retrying.client.createTranscription({ fileUrl: 'https://media.example.com/b.mp4', mediaType: 'video' }));
    expect([error.status, error.retryable]).toEqual([429, true]);
    expect(fake.calls('POST', /\/v2\/transcription$/)).toHaveLength(2); // one from completedTranscription, one here
  });

  it('4004 on the highlights POST is retried with backoff, then succeeds with one job', async () => {
    const id = await completedTranscription();
    fake.inject({ method: 'POST', path: '/highlights', fault: { kind: 'status', status: 400, body: ERROR_4004 }, times: 2 });
    const highlightsId = await pictory.client.createHighlights(id, { highlight_duration: 30 });
    expect(fake.jobs.get(highlightsId)?.kind).toBe('highlights');
    expect(fake.calls('POST', '/highlights')).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect([...fake.jobs.values()].filter((j) => j.kind === 'highlights' && j.transcriptionJobId === id)).toHaveLength(1);
  });

  it('4004 from the fake itself while the transcription runs, also as HTTP 200 success:false', async () => {
    const id = await transcription();
    const once = provider({ retry: { attempts: 1 } });
    const error = await failure(once.client.createHighlights(id, { highlight_duration: 30 }));
    expect([error.status, error.providerCode, error.retryable]).toEqual([400, '4004', true]);

    fake.inject({ method: 'POST', path: '/highlights', fault: { kind: 'body', body: ERROR_4004 } });
    fake.finish(id);
    expect(await pictory.client.createHighlights(id, { highlight_duration: 30 })).toEqual(expect.any(String));
    expect(fake.calls('POST', '/highlights')).toHaveLength(3);
  });

  it('other Pictory errors on the highlights POST are not retried', async () => {
    const id = await completedTranscription();
    fake.inject({ method: 'POST', path: '/highlights', fault: { kind: 'status', status: 503, body: { message: 'Service Unavailable' } } });
    const error = await failure(pictory.client.createHighlights(id, { highlight_duration: 30 }));
    expect([error.status, error.retryable]).toEqual([503, true]);
    expect(fake.calls('POST', '/highlights')).toHaveLength(1);
  });

  it('500 and 503: a GET is retried to success; a POST is sent once', async () => {
    const id = await completedTranscription();
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'status', status: 500, body: { message: 'Internal Server Error' } } });
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'status', status: 503 } });
    expect((await pictory.client.getJob(id)).data.status).toBe('completed');
    expect(fake.calls('GET', '/v1/jobs/')).toHaveLength(3);

    fake.inject({ method: 'POST', path: '/v2/transcription', fault: { kind: 'status', status: 500 } });
    const error = await failure(transcription());
    expect(error.status).toBe(500);
    expect(fake.calls('POST', /\/v2\/transcription$/)).toHaveLength(2);
  });

  it('a hanging answer times out: a GET tries again, a POST does not', async () => {
    const id = await completedTranscription();
    const impatient = provider({ timeoutMs: 400 });
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'hang' } });
    expect((await impatient.client.getJob(id)).data.status).toBe('completed');
    expect(fake.calls('GET', '/v1/jobs/')).toHaveLength(2);

    fake.inject({ method: 'POST', path: '/v2/transcription', fault: { kind: 'hang' } });
    const error = await failure(impatient.client.createTranscription({ fileUrl: 'https://media.example.com/c.mp4', mediaType: 'video' }));
    expect([error.code, error.retryable]).toEqual(['timeout', true]);
    expect(fake.calls('POST', /\/v2\/transcription$/)).toHaveLength(2);
  });

  it('truncated JSON is an error that says the answer was unreadable', async () => {
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'truncated' } });
    const error = await failure(pictory.client.getJob('abc'));
    expect(error.message).toMatch(/could not read/);
    expect(fake.calls('GET', '/v1/jobs/')).toHaveLength(1);
  });

  it('HTTP 200 with success:false is an error carrying Pictory code and message', async () => {
    fake.inject({ method: 'POST', path: '/v2/transcription', fault: { kind: 'body', body: { success: false, data: { error_code: '4021', error_message: 'Not enough credits.' } } } });
    const error = await failure(transcription());
    expect([error.status, error.providerCode, error.providerMessage, error.retryable]).toEqual([200, '4021', 'Not enough credits.', false]);
  });

  it('an answer of the wrong shape is an error, not a job without id', async () => {
    fake.inject({ method: 'POST', path: '/v2/transcription', fault: { kind: 'body', body: { success: true, data: {} } } });
    const error = await failure(transcription());
    expect(error.message).toMatch(/did not expect/);
  });

  it('a slow answer within the deadline is fine; one past it is retried for a GET', async () => {
    const id = await completedTranscription();
    const impatient = provider({ timeoutMs: 400 });
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'delay', ms: 50 } });
    expect((await impatient.client.getJob(id)).data.status).toBe('completed');
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'delay', ms: 1_000 } });
    expect((await impatient.client.getJob(id)).data.status).toBe('completed');
    expect(fake.calls('GET', '/v1/jobs/')).toHaveLength(3);
  });

  it('ECONNRESET: a GET is retried, a POST is not', async () => {
    const id = await completedTranscription();
    fake.inject({ method: 'GET', path: '/v1/jobs/', fault: { kind: 'reset' } });
    expect((await pictory.client.getJob(id)).data.status).toBe('completed');
    expect(fake.calls('GET', '/v1/jobs/')).toHaveLength(2);

    fake.inject({ method: 'POST', path: '/highlights', fault: { kind: 'reset' } });
    const error = await failure(pictory.client.createHighlights(id, { highlight_duration: 30 }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/could not reach Pictory/);
    expect(fake.calls('POST', '/highlights')).toHaveLength(1);
  });
});
