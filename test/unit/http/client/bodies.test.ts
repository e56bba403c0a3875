import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../src/http/http-client.ts';
import { startTestServer } from '../../../fakes/http-test-server.ts';
import { startProvider } from './support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recap-http-client-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('provider client request bodies', () => {
  it('sends JSON and urlencoded forms, dropping undefined form values', async () => {
    const { fake } = await startProvider((app) => app.post('/v2/form', (c) => c.json({ ok: true })));
    const client = createHttpClient({ provider: 'assemblyai', baseUrl: fake.url });
    await client.json('POST', '/v2/items', { json: { audio_url: 'https://x.test/a.mp3', speakers: true } });
    await client.json('POST', '/v2/form', { form: { grant_type: 'client_credentials', scope: undefined, name: 'a b&c' } });
    const [json, form] = fake.requests;
    expect(json!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(json!.body!)).toEqual({ audio_url: 'https://x.test/a.mp3', speakers: true });
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form!.body).toBe('grant_type=client_credentials&name=a+b%26c');
  });

  it('sends multipart fields and a file-backed Blob with its name and type, again on a retry', async () => {
    const { fake } = await startProvider((app) =>
      app.post('/v2/upload', async (c) => {
        const body = await c.req.parseBody();
        const file = body.file as File;
        return c.json({ title: body.title, skipped: 'skipped' in body, name: file.name, type: file.type, text: await file.text() });
      }),
    );
    const path = join(dir, 'small.txt');
    await writeFile(path, 'hello from disk');
    const blob = await openAsBlob(path);
    fake.inject({ path: '/v2/upload', fault: { kind: 'status', status: 503 } });
    const client = createHttpClient({ provider: 'memories', baseUrl: fake.url, sleep: async () => {} });
    const answer = await client.json('POST', '/v2/upload', {
      idempotent: true,
      multipart: { fields: { title: 'Weekly sync', skipped: undefined }, file: { field: 'file', filename: 'sync.txt', contentType: 'text/plain', blob } },
    });
    expect(answer).toEqual({ title: 'Weekly sync', skipped: false, name: 'sync.txt', type: 'text/plain', text: 'hello from disk' });
    expect(fake.calls('POST', '/v2/upload')).toHaveLength(2);
  });

  it('streams an AsyncIterable body and sends bytes and strings as they are', async () => {
    const target = await startTestServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: Buffer.concat(chunks).toString() })));
    });
    try {
      const client = createHttpClient({ provider: 'pictory', baseUrl: target.origin });
      async function* parts(): AsyncIterable<Uint8Array> {
        yield Buffer.from('one,');
        yield Buffer.from('two');
      }
      expect(await client.json('PUT', '/raw', { body: parts() })).toEqual({ got: 'one,two' });
      expect(await client.json('PUT', '/raw', { body: new TextEncoder().encode('bytes') })).toEqual({ got: 'bytes' });
      expect(await client.json('PUT', '/raw', { body: 'text', headers: { 'Content-Type': 'text/plain' } })).toEqual({ got: 'text' });
      expect(target.requests[2]!.headers['content-type']).toBe('text/plain');
    } finally {
      await target.close();
    }
  });

  it('uploads a 200 MB file-backed Blob in constant memory (RSS grows by < 40 MB)', async () => {
    const size = 200 * 1024 * 1024;
    const path = join(dir, 'big.bin');
    await writeFile(path, '');
    await truncate(path, size); // sparse: instant to create, but read back as 200 MB of zeros like any file
    let received = 0;
    const target = await startTestServer((req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.byteLength));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received })));
    });
    try {
      const client = createHttpClient({ provider: 'assemblyai', baseUrl: target.origin, timeoutMs: 60_000 });
      const upload = (blob: Blob) =>
        client.json<{ received: number }>('POST', '/upload', {
          multipart: { fields: { speech_model: 'best' }, file: { field: 'file', filename: 'big.bin', contentType: 'application/octet-stream', blob } },
        });
      const cold = process.memoryUsage().rss;
      await upload((await openAsBlob(path)).slice(0, 32 * 1024 * 1024));
      console.info(`warm-up 32 MB: RSS grew by ${((process.memoryUsage().rss - cold) / 1048576).toFixed(1)} MB`);
      received = 0;
      const blob = await openAsBlob(path);
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const answer = await upload(blob);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const grewMb = (peak - baseline) / 1024 / 1024;
      console.info(`200 MB multipart upload: RSS grew by ${grewMb.toFixed(1)} MB (peak ${(peak / 1024 / 1024).toFixed(0)} MB)`);
      expect(answer.received).toBe(received);
      expect(received).toBeGreaterThan(size); // the file plus multipart framing
      expect(received).toBeLessThan(size + 2048);
      expect(grewMb).toBeLessThan(40);
    } finally {
      await target.close();
    }
  });
});
