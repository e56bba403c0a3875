import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CaptionLinks } from '../../../src/captions/caption-links.ts';
import { createLogger } from '../../../src/log.ts';
import { createApp } from '../../../src/server/app.ts';
import { startServer } from '../../../src/server/start-server.ts';
import { memoryStore } from '../../../src/store.ts';

function app() {
  const { store } = memoryStore();
  return createApp({ store, captions: new CaptionLinks(store, () => 'http://x'), log: createLogger({ level: 'silent' }) });
}

function post(port: number, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/healthz', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP server', () => {
  it('S-17 answers 411 to a chunked body without Content-Length, over a real socket', async () => {
    const server = await startServer(app(), 0, '127.0.0.1');
    try {
      expect(await post(server.port, { 'transfer-encoding': 'chunked' }, 'x'.repeat(1000))).toBe(411);
      expect(await post(server.port, { 'content-length': String(20 * 1024 * 1024) }, '')).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('says which port is taken instead of crashing', async () => {
    const first = await startServer(app(), 0, '127.0.0.1');
    try {
      await expect(startServer(app(), first.port, '127.0.0.1')).rejects.toMatchObject({
        message: `Port ${first.port} is already in use.`,
        hint: expect.stringContaining('PORT'),
      });
    } finally {
      await first.close();
    }
  });
});
