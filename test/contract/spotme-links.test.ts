/**
 * SpotMe's download links: they expire (6 h), so stale ones are read again (never regenerated); links on another
 * host (SpotMe's CDN) go through the safe fetcher, which the default address policy keeps off 127.0.0.1; and no
 * error ever carries a link's signed query string.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-provider-server.ts';
import { startSpotMeCdn, startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { clientFor, freshToken, LOOPBACK_DOWNLOADS, providerFor } from '../fakes/spotme/test-clients.ts';

const request = { want: ['summary' as const] };

describe('SpotMe links', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken(), stepMs: 20 });
    fake.addSession('sess-1', { vod: true });
    fake.seedRecording('sess-1');
  });
  afterEach(() => fake.close());
  const reads = () => fake.calls('GET', '/live-sessions/sess-1/recordings').length;

  it('re-reads links that have already expired, without regenerating, then downloads', async () => {
    fake.expireNextLinks(1);
    const provider = providerFor(fake);
    const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
    const poll = await provider.poll(job, request);
    expect(poll.status).toBe('done');
    expect(reads()).toBe(2);
    expect(fake.calls('POST', '/recordings')).toHaveLength(0);
    expect(fake.calls('GET', '/files/')).toHaveLength(1);
  });

  it('freshLinks keeps links valid for more than 5 minutes and re-reads those closer to expiry', async () => {
    const client = clientFor(fake);
    const first = await client.freshLinks('session', 'sess-1');
    expect(await client.freshLinks('session', 'sess-1')).toBe(first);
    expect(reads()).toBe(1);
    fake.setLinkTtl(4 * 60_000);
    const other = clientFor(fake); // its own cache: starts empty
    const near = await other.freshLinks('session', 'sess-1');
    expect(near!.expiresAtMs - Date.now()).toBeLessThan(5 * 60_000);
    expect(reads()).toBe(2);
    // Four minutes left is inside the 5-minute margin: read again every time.
    expect(await other.freshLinks('session', 'sess-1')).not.toBe(near);
    expect(reads()).toBe(3);
  });

  it('reads the links once more when a download is refused although the link looked valid (clock skew)', async () => {
    const provider = providerFor(fake);
    const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
    fake.world.files.clear(); // every signature handed out so far is now refused (403)
    const poll = await provider.poll(job, request);
    expect(poll.status).toBe('done');
    expect(reads()).toBe(2);
    expect(fake.calls('GET', '/files/')).toHaveLength(2);
  });

  describe('on a CDN host', () => {
    let cdn: FakeServer;
    beforeEach(async () => {
      cdn = await startSpotMeCdn(fake);
    });
    afterEach(() => cdn.close());

    it('fetches through the safe fetcher (test policy allows 127.0.0.1), without the API token', async () => {
      const provider = providerFor(fake, { download: LOOPBACK_DOWNLOADS });
      const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
      const poll = await provider.poll(job, request);
      expect(poll).toMatchObject({ status: 'done', result: { transcript: { timed: true } } });
      const [download] = cdn.calls('GET', '/files/transcript.vtt');
      expect(download?.headers.authorization).toBeUndefined();
      expect(download?.query.sig).toBeDefined();
      expect(fake.calls('GET', '/files/')).toHaveLength(0);
    });

    it('re-reads expired CDN links as well', async () => {
      fake.expireNextLinks(1);
      const provider = providerFor(fake, { download: LOOPBACK_DOWNLOADS });
      const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
      expect((await provider.poll(job, request)).status).toBe('done');
      expect(reads()).toBe(2);
      expect(cdn.calls('GET', '/files/')).toHaveLength(1);
    });

    it('is refused by the default policy (a CDN on a loopback address is not a public host)', async () => {
      const provider = providerFor(fake);
      const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
      const error = await provider.poll(job, request).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unsafe_url', message: expect.stringContaining("SpotMe's transcript of session sess-1") });
      expect(cdn.calls('GET', '/files/')).toHaveLength(0);
      expect(JSON.stringify({ m: (error as Error).message, h: (error as { hint?: string }).hint })).not.toMatch(/sig=|expires=/);
    });

    it('says what failed without the signed query string when the CDN errors', async () => {
      cdn.inject({ path: '/files/', fault: { kind: 'status', status: 503 }, times: 5 });
      const provider = providerFor(fake, { download: LOOPBACK_DOWNLOADS });
      const job = await provider.start({ kind: 'existing', id: 'sess-1', variant: 'session' }, request);
      const error = await provider.poll(job, request).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'fetch_failed', retryable: true });
      expect((error as Error).message).toContain('/files/transcript.vtt?…');
      expect((error as Error).message).not.toMatch(/sig=|expires=/);
    });
  });
});
