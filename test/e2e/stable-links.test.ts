/**
 * Stable links (issue #7): `/media/<token>` and `/captions/<token>.srt|vtt|txt` keep working for the user however
 * long after the recap they are clicked. A running Recap (in-process, real HTTP) against the SpotMe and AssemblyAI
 * fakes; the SpotMe fake's clock and Recap's move together, hours ahead, and the fake refuses signed URLs that
 * have expired, as SpotMe's CDN does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefContext } from '../../commands/parse-ref.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import type { RecapReply, Reply } from '../../src/domain/reply.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { MEETING_SENTENCES } from '../fakes/assemblyai/meeting.ts';
import { captionsOf } from '../fakes/assemblyai/results.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { freshToken } from '../fakes/spotme/test-clients.ts';

const HOUR_MS = 60 * 60 * 1000;
const ctx: RefContext = { allowFiles: false };
const loopback = { addressPolicy: (a: string) => a === '127.0.0.1', allowedPort: () => true };

let spotme: SpotMeFake;
let aai: AssemblyAiFake;
let recap: RunningRecap;
/** How far the shared clock runs ahead of real time. */
let offsetMs = 0;
const clock = () => Date.now() + offsetMs;
const logs: string[] = [];

beforeAll(async () => {
  // No rate limit in the fake: Recap's budget runs on the shifted clock, and pacing is not what is tested here.
  spotme = await startSpotMeFake({ token: freshToken(), stepMs: 20, rate: false });
  spotme.world.now = clock;
  aai = await startAssemblyAiFake({ stepMs: 20 });
  const config = loadConfig({
    PORT: '0',
    ASSEMBLYAI_API_KEY: aai.apiKey,
    ASSEMBLYAI_BASE_URL: aai.url,
    SPOTME_API_TOKEN: spotme.token,
    SPOTME_BASE_URL: spotme.baseUrl,
    SPOTME_WORKSPACE_ID: spotme.workspaceId,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    memory: true,
    hostname: '127.0.0.1',
    now: clock,
    overrides: {
      fetchOptions: loopback,
      providerOverrides: {
        pacing: { initialMs: 20, maxMs: 60 },
        client: { retry: { baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000, now: clock },
        download: loopback,
      },
    },
  });
});
afterAll(async () => {
  await recap?.stop();
  await spotme?.close();
  await aai?.close();
});

function asRecap(reply: Reply): RecapReply {
  if (reply.kind !== 'recap') throw new Error(`expected a recap, got ${JSON.stringify(reply)}`);
  return reply;
}
const captionUrl = (reply: RecapReply, format: 'srt' | 'vtt' | 'txt') => reply.recap.captions!.find((c) => c.format === format)!.url;
const tokenOf = (url: string) => /\/(?:media|captions)\/([^./?#]+)/.exec(url)![1]!;
/** A click that does not follow the redirect, as a test can see what the browser would be sent to. */
const click = (url: string) => fetch(url, { redirect: 'manual' });
const recordingReads = (id: string) => spotme.calls('GET', `/live-sessions/${id}/recordings`).length;

async function spotmeRecap(id: string): Promise<RecapReply> {
  spotme.addSession(id, { vod: true, title: `Review ${id}` });
  spotme.seedRecording(id);
  return asRecap(await recap.run(`session:${id}`, ctx));
}

describe('SpotMe media links', () => {
  it('a recap links its recording through Recap; 7 hours later the link still leads to a URL that works, and clicks while that URL is good cost one SpotMe read', async () => {
    const reply = await spotmeRecap('s-media');
    expect(reply.mediaUrl).toMatch(new RegExp(`^${recap.linkBase()}/media/[A-Za-z0-9_-]{24}$`));
    const mediaUrl = reply.mediaUrl!;

    const first = await click(mediaUrl);
    expect(first.status).toBe(302);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const then = first.headers.get('location')!;
    const video = await fetch(then);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');

    offsetMs += 7 * HOUR_MS;
    // What a link to SpotMe's own URL would have done for the user by now.
    expect((await fetch(then)).status).toBe(403);
    const before = recordingReads('s-media');
    // A burst (a chat unfurl and a few people clicking at once) while SpotMe takes its time, then more clicks.
    spotme.inject({ method: 'GET', path: '/live-sessions/s-media/recordings', fault: { kind: 'delay', ms: 300 } });
    const clicks = [...(await Promise.all([1, 2, 3].map(() => click(mediaUrl)))), await click(mediaUrl), await click(mediaUrl)];
    expect(clicks.map((c) => c.status)).toEqual([302, 302, 302, 302, 302]);
    const now = clicks[0]!.headers.get('location')!;
    expect(new Set(clicks.map((c) => c.headers.get('location')))).toEqual(new Set([now]));
    expect(now).not.toBe(then);
    expect(recordingReads('s-media') - before).toBe(1);
    const fresh = await fetch(now);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-type')).toBe('video/mp4');
  });

  it('when SpotMe no longer has the recording the link says so (404), and never shows a dead SpotMe URL', async () => {
    const reply = await spotmeRecap('s-gone');
    expect((await click(reply.mediaUrl!)).status).toBe(302);
    delete spotme.world.require('s-gone').recording;
    offsetMs += 7 * HOUR_MS;
    const gone = await click(reply.mediaUrl!);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('location')).toBeNull();
    expect(await gone.text()).toMatch(/^SpotMe no longer has this recording/);
  });

  it('tokens are ≥ 128 bits and unlisted; a wrong or truncated token is 404', async () => {
    const a = await spotmeRecap('s-token-a');
    const b = await spotmeRecap('s-token-b');
    const tokens = [a.mediaUrl!, b.mediaUrl!, captionUrl(a, 'srt'), captionUrl(b, 'srt')].map(tokenOf);
    for (const token of tokens) expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(new Set(tokens).size).toBe(4);

    const base = recap.linkBase();
    const [media, captions] = [tokenOf(a.mediaUrl!), tokenOf(captionUrl(a, 'srt'))];
    const wrong = 'A'.repeat(24);
    for (const path of [`/media/${wrong}`, `/media/${media.slice(0, -1)}`, `/media/${media}x`, `/media/${captions}`]) {
      const response = await click(base + path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toMatch(/No recording at this link/);
    }
    for (const path of [`/captions/${wrong}.srt`, `/captions/${captions.slice(0, -1)}.srt`, `/captions/${media}.srt`]) {
      expect((await fetch(base + path)).status, path).toBe(404);
    }
    for (const path of ['/media', '/media/', '/captions', '/captions/']) {
      const response = await click(base + path);
      expect(response.status, path).toBe(404);
      const body = await response.text();
      for (const token of tokens) expect(body, path).not.toContain(token);
    }
  });

  it('when SpotMe fails, a URL with life left is still used; once it is dead the user gets 502 "try again"; tokens and URLs stay out of the logs', async () => {
    const reply = await spotmeRecap('s-fail');
    const first = await click(reply.mediaUrl!);
    const url = first.headers.get('location')!;
    // Past the 5-minute refresh margin, 2 minutes before SpotMe's URL dies.
    offsetMs += 6 * HOUR_MS - 2 * 60_000;
    spotme.inject({ method: 'GET', path: '/live-sessions/s-fail/recordings', fault: { kind: 'status', status: 503, body: { error: 'unavailable' } }, times: 100 });
    const late = await click(reply.mediaUrl!);
    expect(late.status).toBe(302);
    expect(late.headers.get('location')).toBe(url);
    expect((await fetch(url)).status).toBe(200);

    offsetMs += 5 * 60_000;
    const failed = await click(reply.mediaUrl!);
    expect(failed.status).toBe(502);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(await failed.text()).toMatch(/try again in a minute/);

    const text = logs.join('\n');
    expect(text).toMatch(/media link: the provider gave no URL/);
    expect(text).not.toContain(tokenOf(reply.mediaUrl!));
    expect(text).not.toContain('/files/');
  });
});

describe('AssemblyAI caption links', () => {
  const srtCalls = (id: string) => aai.calls('GET', `/v2/transcript/${id}/srt`);

  it("serve AssemblyAI's own SRT with chars_per_caption passed through; TXT comes from the store", async () => {
    const t = aai.seed();
    const reply = asRecap(await recap.run(`assemblyai:${t.id} captions`, ctx));
    const srt = await fetch(`${captionUrl(reply, 'srt')}?chars_per_caption=32`);
    expect(srt.status).toBe(200);
    expect(srt.headers.get('content-type')).toBe('application/x-subrip; charset=utf-8');
    expect(await srt.text()).toBe(captionsOf('srt', 32));
    expect(srtCalls(t.id).at(-1)!.query).toEqual({ chars_per_caption: '32' });

    const vtt = await fetch(captionUrl(reply, 'vtt'));
    expect(await vtt.text()).toBe(captionsOf('vtt', undefined));
    expect(aai.calls('GET', `/v2/transcript/${t.id}/vtt`).at(-1)!.query).toEqual({});

    const asked = aai.requests.length;
    const txt = await fetch(captionUrl(reply, 'txt'));
    expect(await txt.text()).toContain(MEETING_SENTENCES[0]!.text);
    expect(aai.requests.length).toBe(asked);
  });

  it('keep working from the store after the transcript is deleted at AssemblyAI, or gone altogether, or AssemblyAI fails', async () => {
    const t = aai.seed();
    const reply = asRecap(await recap.run(`assemblyai:${t.id} captions`, ctx));
    const link = `${captionUrl(reply, 'srt')}?chars_per_caption=32`;
    const deleted = await fetch(`${aai.url}/v2/transcript/${t.id}`, { method: 'DELETE', headers: { authorization: aai.apiKey } });
    expect(deleted.status).toBe(200);

    const storedCopy = async () => {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/);
      expect(text).toContain(MEETING_SENTENCES[0]!.words[0]!.text);
      return text;
    };
    const before = srtCalls(t.id).length;
    const afterDelete = await storedCopy();
    // AssemblyAI was asked, answered with no cue (the words are gone), and the stored transcript filled in.
    expect(srtCalls(t.id).length).toBe(before + 1);
    expect(srtCalls(t.id).at(-1)!.query).toEqual({ chars_per_caption: '32' });

    aai.transcripts.delete(t.id);
    expect(await storedCopy()).toBe(afterDelete);
    expect(srtCalls(t.id).at(-1)!.status).toBe(404);

    aai.inject({ method: 'GET', path: `/v2/transcript/${t.id}/srt`, fault: { kind: 'status', status: 500, body: { error: 'Internal server error' } }, times: 100 });
    expect(await storedCopy()).toBe(afterDelete);
  });
});
