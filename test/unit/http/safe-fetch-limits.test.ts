import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { safeFetch, safeFetchStream, type SafeFetchOptions } from '../../../src/http/safe-fetch.ts';
import { startTestServer, trickle, writeForever } from '../../fakes/http-test-server.ts';
import { rejection, serverPerTest } from './fetch-test-support.ts';

const local: SafeFetchOptions = { addressPolicy: (a) => a === '127.0.0.1', allowedPort: () => true, timeoutMs: 2000 };

const server = serverPerTest();

const media = (res: ServerResponse, headers: Record<string, string> = {}): ServerResponse =>
  res.writeHead(200, { 'content-type': 'video/mp4', ...headers });

describe('safeFetch limits', () => {
  it('U-14 refuses an announced 5 GB body before reading it', async () => {
    const target = await server((_req, res) => media(res, { 'content-length': String(5 * 1024 ** 3) }).write('x'));
    const started = Date.now();
    const error = await rejection(safeFetch(`${target.origin}/huge.mp4`, { ...local, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/5\.0 GiB, over the 1\.0 MiB limit/);
    expect(Date.now() - started).toBeLessThan(5000);
    await target.firstResponseClosed; // the connection was dropped, not drained
    expect((await rejection(safeFetchStream(`${target.origin}/huge.mp4`, { ...local, maxBytes: 1024 * 1024 }))).code).toBe('too_large');
  });

  it('U-15 aborts an endless body without Content-Length at the byte cap and closes the connection', async () => {
    const target = await server((_req, res) => writeForever(media(res), Buffer.alloc(16 * 1024, 1)));
    const error = await rejection(safeFetch(`${target.origin}/endless`, { ...local, maxBytes: 256 * 1024 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/larger than the 256\.0 KiB limit/);
    await target.firstResponseClosed;
  });

  it('U-15 enforces the cap while a stream is iterated, and never yields more than the cap', async () => {
    const target = await server((_req, res) => writeForever(media(res), Buffer.alloc(16 * 1024, 1)));
    const response = await safeFetchStream(`${target.origin}/endless`, { ...local, maxBytes: 100_000 });
    expect(response.contentLength).toBeUndefined();
    let received = 0;
    const error = await rejection(
      (async () => {
        for await (const chunk of response.body) received += chunk.byteLength;
      })(),
    );
    expect(error.code).toBe('too_large');
    expect(received).toBeLessThanOrEqual(100_000);
    await target.firstResponseClosed;
  });

  it('streams a body in chunks and releases the connection on close() when it is not read', async () => {
    const payload = Buffer.alloc(300_000, 7);
    const target = await server((req, res) => (req.url === '/endless' ? writeForever(media(res), payload) : media(res).end(payload)));
    const streamed = await safeFetchStream(`${target.origin}/file.mp4`, local);
    expect(streamed.contentType).toBe('video/mp4');
    let total = 0;
    for await (const chunk of streamed.body) total += chunk.byteLength;
    expect(total).toBe(payload.length);
    const abandoned = await safeFetchStream(`${target.origin}/endless`, local);
    abandoned.close();
    abandoned.close();
    await target.firstResponseClosed;
  });

  it('U-16 times out when headers do not arrive', async () => {
    const target = await server((_req, res) => {
      const timer = setTimeout(() => media(res).end('late'), 5000);
      res.once('close', () => clearTimeout(timer));
    });
    const error = await rejection(safeFetch(`${target.origin}/slow`, { ...local, headersTimeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toMatch(/did not answer within 150 ms/);
  });

  it('U-16 times out when the body trickles slower than the idle limit', async () => {
    // undici runs its headers and body timers on a ~0.5 s tick, so a 150 ms idle limit fires within about
    // a second; the trickle interval sits well above that to keep the test deterministic.
    const target = await server((_req, res) => {
      media(res).write('x');
      trickle(res, 2500);
    });
    const error = await rejection(safeFetch(`${target.origin}/trickle`, { ...local, bodyTimeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toMatch(/stopped sending data for more than 150 ms/);
  });

  it('U-16 enforces the overall deadline on a body that trickles just fast enough', async () => {
    const target = await server((_req, res) => trickle(media(res), 20));
    const started = Date.now();
    const error = await rejection(safeFetch(`${target.origin}/trickle?token=SECRET`, { ...local, bodyTimeoutMs: 10_000, timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toMatch(/took longer than 0\.3 s/);
    expect(error.message).not.toContain('SECRET');
    expect(Date.now() - started).toBeLessThan(5000);
    await target.firstResponseClosed;
  });

  it("U-16 stops when the caller's signal aborts, with the caller's reason", async () => {
    const target = await server((_req, res) => trickle(media(res), 20));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('job cancelled')), 100);
    const error = await safeFetch(`${target.origin}/trickle`, { ...local, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('job cancelled'));
    await target.firstResponseClosed;
  });

  it('U-17 asks for identity and refuses a gzip bomb instead of decompressing it', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024)); // 20 MiB of zeros, about 20 KB on the wire
    expect(bomb.length).toBeLessThan(30_000);
    const target = await server((_req, res) => res.writeHead(200, { 'content-type': 'text/vtt', 'content-encoding': 'gzip' }).end(bomb));
    const error = await rejection(safeFetch(`${target.origin}/bomb.vtt`, { ...local, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/compressed \(gzip\), which Recap does not unpack/);
    expect(target.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('U-18 refuses a web page where a file was expected, with a clear message', async () => {
    const target = await server((req, res) =>
      res.writeHead(200, { 'content-type': req.url === '/json' ? 'application/json' : 'text/html; charset=utf-8' }).end('<html></html>'),
    );
    const page = await rejection(safeFetch(`${target.origin}/share/abc`, local));
    expect(page.code).toBe('bad_input');
    expect(page.message).toBe('The link returned a web page (text/html), not a transcript or media file.');
    const seen: Array<string | undefined> = [];
    const onlyVtt = (type: string | undefined): boolean => (seen.push(type), type?.startsWith('text/vtt') === true);
    const json = await rejection(safeFetch(`${target.origin}/json`, { ...local, acceptContentType: onlyVtt }));
    expect(json.message).toMatch(/content of type application\/json/);
    expect(seen).toEqual(['application/json']);
  });

  it('turns non-2xx answers into fetch_failed, retryable only for 429 and 5xx, without the query string', async () => {
    const target = await server((req, res) => res.writeHead(Number(req.url?.slice(1, 4))).end());
    const missing = await rejection(safeFetch(`${target.origin}/404?X-Amz-Signature=SECRET`, local));
    expect(missing).toMatchObject({ code: 'fetch_failed', retryable: false });
    expect(missing.message).toBe(`The link answered HTTP 404 (Not Found) for ${target.origin}/404?….`);
    expect((await rejection(safeFetch(`${target.origin}/403`, local))).hint).toMatch(/private/);
    expect(await rejection(safeFetch(`${target.origin}/503`, local))).toMatchObject({ code: 'fetch_failed', retryable: true });
    expect(await rejection(safeFetch(`${target.origin}/429`, local))).toMatchObject({ retryable: true });
  });

  it('reports a refused connection as a retryable fetch_failed', async () => {
    const gone = await startTestServer(() => {});
    await gone.close();
    const error = await rejection(safeFetch(`${gone.origin}/a.vtt`, local));
    expect(error).toMatchObject({ code: 'fetch_failed', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
