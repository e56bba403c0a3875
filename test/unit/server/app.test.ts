import { describe, expect, it } from 'vitest';
import { CaptionLinks } from '../../../src/captions/caption-links.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';
import { createLogger } from '../../../src/log.ts';
import { createApp } from '../../../src/server/app.ts';
import { memoryStore } from '../../../src/store.ts';

const meeting: Transcript = {
  timed: true,
  durationMs: 9000,
  utterances: [
    { startMs: 0, endMs: 4000, speaker: 'Ana', text: 'Welcome to the budget review.' },
    { startMs: 4500, endMs: 9000, speaker: 'Ben', text: 'Revenue is up & costs < plan.' },
  ],
};

function setup() {
  const { store } = memoryStore();
  const captions = new CaptionLinks(store, () => 'https://recap.example.com');
  const app = createApp({ store, captions, log: createLogger({ level: 'silent' }) });
  return { app, captions, store };
}

describe('server', () => {
  it('answers health and readiness', async () => {
    const { app } = setup();
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('reports not ready when the store fails', async () => {
    const { app, store } = setup();
    store.set = async () => {
      throw new Error('disk full');
    };
    expect((await app.request('/readyz')).status).toBe(503);
  });

  it('serves the published captions as VTT, SRT and TXT under links starting with PUBLIC_URL', async () => {
    const { app, captions } = setup();
    const links = await captions.publish(meeting);
    expect(links.map((l) => l.format)).toEqual(['vtt', 'srt', 'txt']);
    for (const link of links) expect(link.url).toMatch(/^https:\/\/recap\.example\.com\/captions\/[A-Za-z0-9_-]{24}\.(vtt|srt|txt)$/);
    const path = (format: string) => new URL(links.find((l) => l.format === format)!.url).pathname;

    const vtt = await app.request(path('vtt'));
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const vttText = await vtt.text();
    expect(vttText.startsWith('WEBVTT')).toBe(true);
    expect(vttText).toContain('00:00:04.500 --> 00:00:09.000');
    expect(vttText).toContain('&amp;');

    const srt = await (await app.request(path('srt'))).text();
    expect(srt).toContain('00:00:04,500 --> 00:00:09,000');
    const txt = await (await app.request(path('txt'))).text();
    expect(txt).toContain('Ben');
  });

  it('gives an untimed transcript a TXT link only, and 404 for VTT', async () => {
    const { app, captions } = setup();
    const links = await captions.publish({ timed: false, utterances: [{ startMs: 0, endMs: 0, text: 'No clock here.' }] });
    expect(links.map((l) => l.format)).toEqual(['txt']);
    const token = /captions\/([^.]+)\.txt/.exec(links[0]!.url)![1];
    expect((await app.request(`/captions/${token}.vtt`)).status).toBe(404);
    expect((await app.request(`/captions/${token}.txt`)).status).toBe(200);
  });

  it('answers 404 for unknown, malformed and listing requests', async () => {
    const { app } = setup();
    expect((await app.request('/captions/AAAAAAAAAAAAAAAAAAAAAAAA.vtt')).status).toBe(404);
    expect((await app.request('/captions/../../etc/passwd')).status).toBe(404);
    expect((await app.request('/captions/')).status).toBe(404);
    expect((await app.request('/captions/abc.exe')).status).toBe(404);
  });

  it('S-16 refuses a declared 10 MB body with 413 before reading it', async () => {
    const { app } = setup();
    const response = await app.request('/healthz', { method: 'POST', headers: { 'content-length': String(10 * 1024 * 1024) }, body: 'x' });
    expect(response.status).toBe(413);
  });
});
