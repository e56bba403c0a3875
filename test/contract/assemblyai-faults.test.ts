/**
 * AssemblyAI contract under faults injected by the shared harness: rate limits with Retry-After, server errors,
 * answers that never come, cut-off JSON, slow bodies and dropped connections. Reads are retried; creating a
 * transcript (a POST that starts billed work) and uploads (a stream) never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/http/provider-error.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { fakeProvider, waitDone } from '../fakes/assemblyai/test-support.ts';

let fake: AssemblyAiFake;
let id: string;
const MEDIA = 'https://media.example.com/standup.mp3';

beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 20 });
  id = fake.seed().id;
});
afterAll(() => fake.close());

/** Requests made to `path` while `run` ran. */
async function countDuring(method: string, path: RegExp, run: () => Promise<unknown>): Promise<number> {
  const before = fake.calls(method, path).length;
  await run().catch(() => undefined);
  return fake.calls(method, path).length - before;
}
const GET_ONE = /^\/v2\/transcript\/[^/]+$/;
const CREATE = /^\/v2\/transcript$/;

describe('AssemblyAI under faults', () => {
  it('429 with Retry-After: a GET waits as long as asked, then succeeds', async () => {
    // The wait cap must allow the 1 s the server asks for; tiny backoff otherwise.
    const { client } = fakeProvider(fake, { client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 } } });
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'status', status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': '1' } } });
    const started = Date.now();
    const calls = await countDuring('GET', GET_ONE, async () => expect((await client.getTranscript(id)).status).toBe('completed'));
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('429 with a Retry-After beyond the cap fails at once and says when to come back', async () => {
    const { client } = fakeProvider(fake);
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'status', status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': '120' } } });
    const error = await client.getTranscript(id).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryable: true, hint: expect.stringMatching(/about 2 min/) });
  });

  it('429 on create is not retried, whatever Retry-After says', async () => {
    const { client } = fakeProvider(fake, { client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 } } });
    fake.inject({ method: 'POST', path: CREATE, fault: { kind: 'status', status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': '1' } } });
    const before = fake.transcripts.size;
    const calls = await countDuring('POST', CREATE, () =>
      expect(client.createTranscript(MEDIA, { want: ['summary'] })).rejects.toMatchObject({ status: 429 }),
    );
    expect(calls).toBe(1);
    expect(fake.transcripts.size).toBe(before);
  });

  it('500 and 503: GETs are retried; a create is sent once; a lasting outage ends after the tries', async () => {
    const { client } = fakeProvider(fake);
    fake.inject({ method: 'GET', path: /sentences$/, fault: { kind: 'status', status: 500, body: { error: 'Internal error' } } });
    fake.inject({ method: 'GET', path: /sentences$/, fault: { kind: 'status', status: 503, body: { error: 'Service unavailable' } } });
    expect(await countDuring('GET', /sentences$/, () => client.sentences(id))).toBe(3);

    fake.inject({ method: 'POST', path: CREATE, fault: { kind: 'status', status: 503 } });
    const creates = await countDuring('POST', CREATE, () =>
      expect(client.createTranscript(MEDIA, { want: [] })).rejects.toMatchObject({ status: 503, retryable: true }),
    );
    expect(creates).toBe(1);

    // Exactly as many as the client tries (4), so nothing is left queued for the next test.
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'status', status: 503 }, times: 4 });
    const tries = await countDuring('GET', GET_ONE, () => expect(client.getTranscript(id)).rejects.toMatchObject({ status: 503 }));
    expect(tries).toBe(4);
  });

  it('a hanging answer times out: the GET is tried again, the create is not', async () => {
    const { client } = fakeProvider(fake, { client: { timeoutMs: 250 } });
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'hang' } });
    expect(await countDuring('GET', GET_ONE, async () => expect((await client.getTranscript(id)).id).toBe(id))).toBe(2);

    fake.inject({ method: 'POST', path: CREATE, fault: { kind: 'hang' } });
    const creates = await countDuring('POST', CREATE, () =>
      expect(client.createTranscript(MEDIA, { want: [] })).rejects.toMatchObject({ code: 'timeout', retryable: true }),
    );
    expect(creates).toBe(1);
  });

  it('truncated JSON is a readable error, not a crash', async () => {
    const { client } = fakeProvider(fake);
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'truncated' } });
    const error = await client.getTranscript(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/could not read/);
  });

  it('slow bodies: one that arrives within the deadline is read; one that does not is tried again', async () => {
    const { client } = fakeProvider(fake, { client: { timeoutMs: 400 } });
    fake.slowBody({ path: '/sentences', chunkDelayMs: 15 });
    expect(await countDuring('GET', /sentences$/, async () => expect((await client.sentences(id)).sentences).toHaveLength(12))).toBe(1);

    fake.slowBody({ path: '/sentences', chunkDelayMs: 100 });
    expect(await countDuring('GET', /sentences$/, async () => expect((await client.sentences(id)).sentences).toHaveLength(12))).toBe(2);
  });

  it('ECONNRESET: a GET is tried again; a create and an upload are not', async () => {
    const { client } = fakeProvider(fake);
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'reset' } });
    expect(await countDuring('GET', GET_ONE, async () => expect((await client.getTranscript(id)).id).toBe(id))).toBe(2);

    fake.inject({ method: 'POST', path: CREATE, fault: { kind: 'reset' } });
    const creates = await countDuring('POST', CREATE, () =>
      expect(client.createTranscript(MEDIA, { want: [] })).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/could not reach/) }),
    );
    expect(creates).toBe(1);

    fake.inject({ method: 'POST', path: '/v2/upload', fault: { kind: 'reset' } });
    const uploads = await countDuring('POST', /^\/v2\/upload$/, () => expect(client.upload(new Blob([new Uint8Array(1024)]))).rejects.toBeInstanceOf(ProviderError));
    expect(uploads).toBe(1);
  });

  it('the poller rides out an outage longer than one call’s retries', async () => {
    const provider = fakeProvider(fake);
    const job = await provider.start({ kind: 'media-url', url: MEDIA }, { want: ['chapters'] });
    // Two whole polls fail (4 tries each), the third gets through.
    fake.inject({ method: 'GET', path: GET_ONE, fault: { kind: 'status', status: 503 }, times: 8 });
    const result = await waitDone(provider, job, { want: ['chapters'] });
    expect(result.analysis.chapters).toHaveLength(3);
  });
});
