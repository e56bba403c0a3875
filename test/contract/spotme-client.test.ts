/**
 * SpotMe client vs the fake, over real HTTP: every endpoint at the paths providers.md assumes, with Bearer auth.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/http/provider-error.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { clientFor, freshToken } from '../fakes/spotme/test-clients.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SpotMe client endpoints', () => {
  let fake: SpotMeFake;
  beforeEach(async () => {
    fake = await startSpotMeFake({ token: freshToken(), stepMs: 40, pageSize: 2 });
  });
  afterEach(() => fake.close());

  it('triggers generation for a session with Bearer auth and a JSON body, at the assumed path', async () => {
    fake.addSession('sess-1', { vod: true });
    const job = await clientFor(fake).triggerGeneration({ kind: 'session', id: 'sess-1' }, { glossaryId: 'gl-9', languageCode: 'de' });
    expect(job).toEqual({ id: 'job_0001', status: 'pending', step: { kind: 'pending', stage: 'queued' } });
    const [post] = fake.calls('POST', '/recordings');
    expect(post?.path).toBe(`/api/v2/workspace/${fake.workspaceId}/live-sessions/sess-1/recordings`);
    expect(post?.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(post?.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(post?.body ?? '')).toEqual({ glossaryId: 'gl-9', languageCode: 'de' });
  });

  it('triggers a breakout with an empty body when nothing optional is asked for', async () => {
    fake.addBreakout('b-1', { ended: true });
    await clientFor(fake).triggerGeneration({ kind: 'breakout', id: 'b-1' });
    const [post] = fake.calls('POST', '/recordings');
    expect(post?.path).toBe(`/api/v2/workspace/${fake.workspaceId}/breakouts/b-1/recordings`);
    expect(JSON.parse(post?.body ?? '')).toEqual({});
  });

  it('reads a job as it moves pending → processing → completed', async () => {
    fake.addSession('sess-1', { vod: true });
    const client = clientFor(fake);
    const { id } = await client.triggerGeneration({ kind: 'session', id: 'sess-1' });
    const seen: string[] = [];
    for (let i = 0; i < 40 && seen.at(-1) !== 'completed'; i += 1) {
      const job = await client.getJob(id);
      if (seen.at(-1) !== job.status) seen.push(job.status);
      await sleep(15);
    }
    expect(seen).toEqual(['pending', 'processing', 'completed']);
    expect(fake.calls('GET', `/jobs/${id}`)[0]?.path).toBe(`/api/v2/workspace/${fake.workspaceId}/jobs/${id}`);
  });

  it('reads a failed job with its error', async () => {
    fake.addSession('sess-x', { vod: true, broken: true });
    const client = clientFor(fake);
    const { id } = await client.triggerGeneration({ kind: 'session', id: 'sess-x' });
    await sleep(100);
    expect((await client.getJob(id)).step).toEqual({ kind: 'failed', reason: 'Transcription failed: the recording has no audio track' });
  });

  it('answers undefined for recordings while nothing was generated (404), then the links and metadata', async () => {
    fake.addSession('sess-1', { vod: true });
    const client = clientFor(fake);
    expect(await client.getRecordings('session', 'sess-1')).toBeUndefined();
    fake.seedRecording('sess-1', { glossaryId: 'gl-1' });
    const before = Date.now();
    const recordings = await client.getRecordings('session', 'sess-1');
    expect(recordings).toMatchObject({
      vttUrl: expect.stringMatching(new RegExp(`^${fake.url}/files/transcript\\.vtt\\?expires=\\d+&sig=`)),
      txtUrl: expect.stringContaining('/files/transcript.txt?'),
      mp4Url: expect.stringContaining('/files/recording.mp4?'),
      glossaryId: 'gl-1',
    });
    // Six hours ahead, give or take the test's own run time (ISO text has ms precision).
    expect(recordings!.expiresAtMs - before).toBeGreaterThan(6 * 3600_000 - 5000);
    expect(recordings!.expiresAtMs - before).toBeLessThanOrEqual(6 * 3600_000 + 5000);
    expect(fake.calls('GET', '/live-sessions/sess-1/recordings')).toHaveLength(2);
  });

  it('downloads a VTT and a TXT link on its own origin through the HttpClient (authenticated, paced)', async () => {
    fake.addSession('sess-1', { vod: true });
    fake.seedRecording('sess-1');
    const client = clientFor(fake);
    const recordings = await client.getRecordings('session', 'sess-1');
    expect(String(await client.download(recordings!.vttUrl!, 'vtt'))).toMatch(/^WEBVTT/);
    expect(String(await client.download(recordings!.txtUrl!, 'txt'))).toContain('roadmap');
    const files = fake.calls('GET', '/files/');
    expect(files).toHaveLength(2);
    expect(files[0]?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  it('lists ended sessions and breakouts page by page (assumed endpoint)', async () => {
    fake.addSession('s1', { vod: true, title: 'Keynote' });
    fake.addSession('s2', { vod: false, title: 'Panel' });
    fake.addSession('s3', { vod: true, ended: true });
    fake.addSession('live', { vod: false, ended: false });
    fake.addBreakout('b1', { ended: true, title: 'Room A' });
    fake.addBreakout('b2', { ended: false });
    const client = clientFor(fake);
    const first = await client.listEnded('session');
    expect(first.items.map((i) => [i.id, i.title, i.vodAvailable])).toEqual([
      ['s1', 'Keynote', true],
      ['s2', 'Panel', false],
    ]);
    expect(first.items[0]?.endedAtMs).toBeTypeOf('number');
    expect(first.nextCursor).toBeDefined();
    const second = await client.listEnded('session', first.nextCursor);
    expect(second).toEqual({ items: [expect.objectContaining({ id: 's3' })] });
    expect(await client.listEnded('breakout')).toEqual({ items: [expect.objectContaining({ id: 'b1', title: 'Room A', vodAvailable: true })] });
    const lists = fake.calls('GET', /\/(live-sessions|breakouts)$/);
    expect(lists.map((r) => r.query)).toEqual([{ status: 'ended' }, { status: 'ended', cursor: first.nextCursor }, { status: 'ended' }]);
  });

  it('surfaces 401 as a ProviderError naming SPOTME_API_TOKEN, without retrying or leaking the token', async () => {
    const client = clientFor(fake, { token: 'wrong-token-value' });
    const error = await client.getJob('job_0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 401, retryable: false, hint: expect.stringContaining('SPOTME_API_TOKEN') });
    expect(JSON.stringify({ m: (error as Error).message, d: (error as ProviderError).describe() })).not.toContain('wrong-token-value');
    expect(fake.calls('GET', '/jobs/')).toHaveLength(1);
  });

  it('surfaces 404 for an unknown job and a trigger without a VOD', async () => {
    fake.addSession('no-vod', { vod: false });
    const client = clientFor(fake);
    await expect(client.getJob('job_9999')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(client.triggerGeneration({ kind: 'session', id: 'no-vod' })).rejects.toMatchObject({ status: 404, providerCode: 'vod_not_available' });
    expect(fake.calls('POST', '/recordings')).toHaveLength(1);
  });

  it('sends nothing without a workspace id and names SPOTME_WORKSPACE_ID', async () => {
    await expect(clientFor(fake, { workspaceId: null }).getRecordings('session', 's')).rejects.toMatchObject({
      code: 'not_configured',
      message: expect.stringContaining('SPOTME_WORKSPACE_ID'),
    });
    expect(fake.requests).toHaveLength(0);
  });
});
