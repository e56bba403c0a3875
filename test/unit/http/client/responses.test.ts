import { stream as honoStream } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { defaultParseError, readCapped } from '../../../../src/http/provider-error-body.ts';
import { providerError, recordingSleep, startProvider } from './support.ts';

// Memories.ai answers HTTP 200 with `code` other than '0000' on failure; '0429' is its rate limit.
const memoriesBodyError = (body: unknown) => {
  const { code, msg } = body as { code?: string; msg?: string };
  return code === undefined || code === '0000' ? undefined : { code, message: msg, retryable: code === '0429' };
};

describe('provider client responses', () => {
  it('parses JSON, returns text, and sends the client headers', async () => {
    const { fake } = await startProvider();
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, headers: { Authorization: 'key-123456' } });
    expect(await client.json('GET', '/v2/items/a')).toEqual({ id: 'a', status: 'completed' });
    expect(await client.text('GET', '/v2/text')).toBe('plain words');
    expect(fake.requests[0]!.headers.authorization).toBe('key-123456');
    expect(fake.requests[0]!.headers.accept).toBe('application/json');
  });

  it('truncated JSON is a non-retryable "could not read" error, sent once', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'truncated' } });
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url });
    const error = await providerError(client.json('GET', '/v2/items/a'));
    expect(error.message).toBe('AssemblyAI sent a response Recap could not read.');
    expect(error.code).toBe('provider_error');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(200);
    expect(error.cause).toBeUndefined(); // V8's SyntaxError quotes the body
    expect(fake.requests).toHaveLength(1);
  });

  it('HTTP 200 with a retryable provider code (Memories.ai 0429) is retried', async () => {
    const { fake, served } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'body', body: { code: '0429', msg: 'too many requests' } } });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ provider: 'memories', baseUrl: fake.url, bodyError: memoriesBodyError, sleep, random: () => 0.5 });
    expect(await client.json('POST', '/v2/items', { json: {}, idempotent: true })).toEqual({ id: 'new', status: 'queued' });
    expect(waits).toEqual([250]);
    expect(served.create).toBe(1);
  });

  it('HTTP 200 with a non-retryable provider code fails at once with the code', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'body', body: { code: '0001', msg: 'video not found' } } });
    const client = createHttpClient({ provider: 'memories', baseUrl: fake.url, bodyError: memoriesBodyError });
    const error = await providerError(client.json('GET', '/v2/items/a'));
    expect(error).toMatchObject({ status: 200, providerCode: '0001', providerMessage: 'video not found', retryable: false });
    expect(error.message).toBe('Memories.ai reported an error (code 0001).');
    expect(fake.requests).toHaveLength(1);
  });

  it('a retryable provider code that never clears ends retryable (Pictory 4004, still processing)', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 400, body: { success: false, code: 4004, message: 'processing' } }, times: 3 });
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({
      provider: 'pictory',
      baseUrl: fake.url,
      retry: { attempts: 3 },
      sleep,
      parseError: (body) => {
        const info = defaultParseError(body);
        return info.code === '4004' ? { ...info, retryable: true } : info;
      },
    });
    const error = await providerError(client.json('GET', '/v2/items/a'));
    expect(waits).toHaveLength(2);
    expect(error).toMatchObject({ status: 400, providerCode: '4004', providerMessage: 'processing', retryable: true });
  });

  it('a schema mismatch names the provider and the path, never the body', async () => {
    const { fake } = await startProvider((app) =>
      app.get('/v2/meeting', (c) => c.json({ id: 4242, text: 'CONFIDENTIAL board meeting', words: [{ start: 'soon' }] })),
    );
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url });
    const schema = z.object({ id: z.string(), text: z.string(), words: z.array(z.object({ start: z.number() })) });
    const error = await providerError(client.json('GET', '/v2/meeting', { schema }));
    expect(error.message).toBe('AssemblyAI sent a response Recap did not expect.');
    expect(error.providerMessage).toBe('id: expected string; words.0.start: expected number');
    expect(JSON.stringify({ ...error, m: error.message, d: error.describe() })).not.toMatch(/CONFIDENTIAL|4242|soon/);
    // A matching schema returns the parsed (and typed) value.
    const ok = await client.json('GET', '/v2/items/a', { schema: z.object({ id: z.string() }) });
    expect(ok.id).toBe('a');
  });

  it.each([
    [401, { error: 'invalid key' }, "AssemblyAI rejected Recap's API key.", 'Ask whoever runs Recap to check ASSEMBLYAI_API_KEY.', false, 'provider_error'],
    [403, { message: 'forbidden' }, "AssemblyAI rejected Recap's API key.", 'Ask whoever runs Recap to check ASSEMBLYAI_API_KEY.', false, 'provider_error'],
    [404, { error: 'no transcript' }, 'AssemblyAI has no such item.', undefined, false, 'not_found'],
    [429, { error: 'slow down' }, 'AssemblyAI is busy right now (too many requests).', 'Try again in a few minutes.', true, 'provider_error'],
    [500, { error: 'boom' }, 'AssemblyAI is having trouble right now (HTTP 500 Internal Server Error).', 'Try again in a few minutes.', true, 'provider_error'],
    [422, { error: 'bad audio_url' }, 'AssemblyAI refused the request (HTTP 422).', undefined, false, 'provider_error'],
  ] as const)('HTTP %i becomes a ProviderError a user can act on', async (status, body, message, hint, retryable, code) => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status, body }, times: 10 });
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, retry: { attempts: 1 } });
    const error = await providerError(client.json('GET', '/v2/items/abc', { query: { page: 2 } }));
    expect(error).toMatchObject({ status, message, retryable, code, provider: 'assemblyai', method: 'GET' });
    if (hint) expect(error.hint).toBe(hint);
    expect(error.providerMessage).toBe(Object.values(body)[0]);
    expect(error.url).toBe(`${fake.url}/v2/items/abc?…`);
    expect(error.describe()).toBe(`assemblyai GET ${fake.url}/v2/items/abc?… → ${status}: ${Object.values(body)[0]}`);
  });

  it('names the right credential variable: SpotMe uses a token, and an override wins', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'status', status: 401 }, times: 3 });
    const spotme = createHttpClient({ provider: 'spotme', baseUrl: fake.url });
    expect((await providerError(spotme.json('GET', '/v2/items/a'))).hint).toBe('Ask whoever runs Recap to check SPOTME_API_TOKEN.');
    const memories = createHttpClient({ provider: 'memories', baseUrl: fake.url });
    const error = await providerError(memories.json('GET', '/v2/items/a'));
    expect(error.message).toBe("Memories.ai rejected Recap's API key.");
    expect(error.hint).toBe('Ask whoever runs Recap to check MEMORIES_API_KEY.');
    const custom = createHttpClient({ provider: 'pictory', baseUrl: fake.url, credentialVariable: 'PICTORY_CLIENT_SECRET' });
    expect((await providerError(custom.json('GET', '/v2/items/a'))).hint).toBe('Ask whoever runs Recap to check PICTORY_CLIENT_SECRET.');
  });

  it('default parseError understands the common shapes', () => {
    expect(defaultParseError({ error: 'x' })).toEqual({ message: 'x' });
    expect(defaultParseError({ message: 'y', code: 'E1' })).toEqual({ message: 'y', code: 'E1' });
    expect(defaultParseError({ code: 1001, msg: 'bad' })).toEqual({ code: '1001', message: 'bad' });
    expect(defaultParseError({ errors: [{ message: 'a', code: 'c' }, { message: 'b' }] })).toEqual({ message: 'a; b', code: 'c' });
    expect(defaultParseError({ error: { message: 'nested', code: 'n1' } })).toEqual({ message: 'nested', code: 'n1' });
    expect(defaultParseError('<!DOCTYPE html><html>502</html>')).toEqual({});
    expect(defaultParseError('Bad Gateway')).toEqual({ message: 'Bad Gateway' });
  });

  it('reads at most 64 KB of an error body', async () => {
    let pulled = 0;
    async function* endless(): AsyncIterable<Uint8Array> {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(16 * 1024).fill(65);
      }
    }
    const text = await readCapped(endless());
    expect(text).toHaveLength(64 * 1024);
    expect(pulled).toBe(4);

    const { fake } = await startProvider((app) => app.get('/v2/huge', (c) => c.text('x'.repeat(5_000_000), 500)));
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, retry: { attempts: 1 } });
    const error = await providerError(client.text('GET', '/v2/huge'));
    expect(error.providerMessage!.length).toBeLessThan(1000);
  });

  it('a hanging server becomes a timeout error within the per-attempt limit', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'hang' }, times: 2 });
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, timeoutMs: 150, retry: { attempts: 1 } });
    const started = Date.now();
    const error = await providerError(client.json('GET', '/v2/items/a'));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'timeout', retryable: true, message: 'AssemblyAI did not answer within 0.2 s.' });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(3000);
    // Per request override, and each retry gets its own deadline.
    const retrying = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, timeoutMs: 10_000, sleep: recordingSleep().sleep });
    expect(await retrying.json('GET', '/v2/items/b', { timeoutMs: 100 })).toEqual({ id: 'b', status: 'completed' });
  });

  it('the deadline covers a body that trickles in', async () => {
    const { fake } = await startProvider((app) =>
      app.get('/v2/slow', (c) =>
        honoStream(c, async (s) => {
          for (let i = 0; i < 50; i += 1) {
            await s.write('{"a":1,');
            await s.sleep(20);
          }
        }),
      ),
    );
    const client = createHttpClient({ provider: 'pictory', baseUrl: fake.url, timeoutMs: 200, retry: { attempts: 1 } });
    const started = Date.now();
    expect((await providerError(client.json('GET', '/v2/slow'))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(950);
  });

  it('a caller abort mid-request rejects with its reason, not a timeout', async () => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { kind: 'hang' } });
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url, timeoutMs: 5000 });
    const controller = new AbortController();
    const reason = new Error('gone');
    setTimeout(() => controller.abort(reason), 30);
    await expect(client.json('GET', '/v2/items/a', { signal: controller.signal })).rejects.toBe(reason);
    const aborted = AbortSignal.abort(reason);
    await expect(client.json('GET', '/v2/items/a', { signal: aborted })).rejects.toBe(reason);
    expect(fake.requests).toHaveLength(1);
  });

  it('stream() hands back the body before it has all arrived', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fake } = await startProvider((app) =>
      app.get('/v2/media', (c) =>
        honoStream(c, async (s) => {
          await s.write('first chunk;');
          await gate;
          await s.write('second chunk');
        }),
      ),
    );
    const client = createHttpClient({ provider: 'spotme', baseUrl: fake.url, timeoutMs: 2000 });
    const response = await client.stream('GET', '/v2/media');
    expect(response.status).toBe(200);
    const iterator = response.body[Symbol.asyncIterator]();
    expect(Buffer.from((await iterator.next()).value as Uint8Array).toString()).toBe('first chunk;');
    release();
    let rest = '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest += Buffer.from(next.value).toString();
    expect(rest).toBe('second chunk');
  });
});
