import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { buildProviderUrl } from '../../../../src/http/provider-url.ts';
import { everythingSaid, providerError, recordingSleep, startProvider } from './support.ts';

const context = { provider: 'pictory', method: 'GET' };

describe('provider client URLs', () => {
  it('appends paths to a base URL that has a path of its own, with exactly one slash', () => {
    for (const base of ['https://api.pictory.ai/pictoryapis', 'https://api.pictory.ai/pictoryapis/']) {
      for (const path of ['/v2/transcription', 'v2/transcription']) {
        expect(buildProviderUrl(new URL(base), path, undefined, context).href).toBe('https://api.pictory.ai/pictoryapis/v2/transcription');
      }
    }
    expect(buildProviderUrl(new URL('https://api.assemblyai.com'), '/v2/transcript', undefined, context).href).toBe('https://api.assemblyai.com/v2/transcript');
  });

  it('encodes query values and leaves out undefined ones', () => {
    const url = buildProviderUrl(new URL('https://x.test/api'), '/search?fixed=1', { q: 'a b&c=d', n: 3, all: true, skip: undefined }, context);
    expect(url.href).toBe('https://x.test/api/search?fixed=1&q=a+b%26c%3Dd&n=3&all=true');
  });

  it('follows an absolute link on the same origin, and refuses any other origin without sending anything', async () => {
    const { fake } = await startProvider();
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: `${fake.url}/v2`, headers: { authorization: 'secret-key-1' } });
    expect(await client.json('GET', `${fake.url}/v2/items/next?after=5`)).toEqual({ id: 'next', status: 'completed' });
    expect(fake.requests[0]!.query).toEqual({ after: '5' });

    const elsewhere = ['http://evil.test/v2/items/x?token=abc', '//evil.test/v2/items/x', `http://localhost:${fake.port}/v2/items/x`, 'ftp://x/y'];
    for (const path of elsewhere) {
      const error = await providerError(client.json('GET', path));
      expect(error.code).toBe('unsafe_url');
      expect(error.retryable).toBe(false);
      expect(everythingSaid(error)).not.toContain('abc');
    }
    expect(fake.requests).toHaveLength(1);
  });
});

describe('L-3 provider errors never carry credentials or query values', () => {
  const apiKey = 'sk_live_9f8e7d6c5b4a';
  const extraSecret = 'partner-secret-0042';
  const queryToken = 'qtok-77a1b2c3d4';

  it.each([
    ['a 401 whose body quotes the key', { kind: 'status', status: 401, body: { error: `invalid key ${apiKey} (Bearer ${apiKey})` } }],
    ['a 500 quoting the partner secret and query', { kind: 'status', status: 500, body: { message: `failed for ${extraSecret} url=?token=${queryToken}` } }],
    ['a 200 with an error code', { kind: 'body', body: { code: '9999', msg: `denied ${apiKey} ${queryToken}` } }],
    ['a reset connection', { kind: 'reset' }],
    ['a timeout', { kind: 'hang' }],
  ] as const)('%s', async (_name, fault) => {
    const { fake } = await startProvider();
    fake.inject({ path: '/v2/items', fault: { ...fault }, times: 5 });
    const client = createHttpClient({
      provider: 'memories',
      baseUrl: fake.url,
      headers: { Authorization: `Bearer ${apiKey}` },
      secrets: [extraSecret],
      timeoutMs: 100,
      retry: { attempts: 2 },
      sleep: recordingSleep().sleep,
      bodyError: (body) => {
        const { code, msg } = body as { code?: string; msg?: string };
        return code ? { code, message: msg } : undefined;
      },
    });
    const error = await providerError(client.json('GET', '/v2/items/a', { query: { token: queryToken, page: 1 } }));
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    const said = everythingSaid(error);
    expect(said).not.toContain(apiKey);
    expect(said).not.toContain(extraSecret);
    expect(said).not.toContain(queryToken);
    expect(said).not.toMatch(/authorization/i);
    expect(error.url).toBe(`${fake.url}/v2/items/a?…`);
    if (error.providerMessage) expect(error.providerMessage).toMatch(/\[redacted\]/);
  });
});
