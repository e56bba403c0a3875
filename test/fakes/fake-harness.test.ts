import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';

describe('fake provider harness', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    const app = new Hono();
    app.get('/ping', (c) => c.json({ ok: true }));
    fake = await startFakeServer(app);
  });
  afterAll(() => fake.close());

  it('serves, logs, and applies each injected fault once', async () => {
    fake.inject({ path: '/ping', fault: { kind: 'status', status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '2' } } });
    const limited = await fetch(`${fake.url}/ping?x=1`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await (await fetch(`${fake.url}/ping`)).json()).toEqual({ ok: true });
    fake.inject({ path: '/ping', fault: { kind: 'truncated' } });
    await expect((await fetch(`${fake.url}/ping`)).json()).rejects.toThrow();
    fake.inject({ path: '/ping', fault: { kind: 'reset' } });
    await expect(fetch(`${fake.url}/ping`)).rejects.toThrow();
    expect(fake.calls('GET', '/ping')).toHaveLength(4);
    expect(fake.requests[0]!.query).toEqual({ x: '1' });
  });
});
