import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startRecapShell } from '../support/spawn-recap.ts';

const STANDUP = resolve(ROOT, 'test/fixtures/e2e/standup.vtt');
const BED002 = resolve(ROOT, '../shared/bench/meetings/dev/Bed002.vtt');

describe('the shell, end to end (npm start with piped input)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recap-shell-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('recaps a VTT file and serves its caption links while running, then exits at the end of input', async () => {
    const recap = startRecapShell({ PORT: '0', DATA_DIR: dataDir });
    recap.child.stdin.write(`/recap ${STANDUP}\n`);
    const [, vttUrl] = await recap.waitFor(/VTT\s+(http:\/\/localhost:\d+\/captions\/[A-Za-z0-9_-]{24}\.vtt)/);
    const out = recap.stdout();
    expect(out).toContain('Recap of standup.vtt');
    expect(out).toMatch(/Summary\n {2}\S/);
    expect(out).toMatch(/Chapters\n\s+00:00 {2}\S/);
    expect(out).toMatch(/Key phrases\n {2}• \S/);
    expect(out).toMatch(/SRT\s+http:\/\/localhost:\d+\/captions\/[A-Za-z0-9_-]{24}\.srt/);

    const vtt = await fetch(vttUrl!);
    expect(vtt.status).toBe(200);
    const body = await vtt.text();
    expect(body.startsWith('WEBVTT')).toBe(true);
    expect(body).toContain('00:00:06.500 --> 00:00:13.000');
    expect(body).toContain('payment service migration');

    recap.child.stdin.write('/recap ./no-such-meeting.vtt\n');
    await recap.waitFor(/✗ There is no file at \.\/no-such-meeting\.vtt\./);
    recap.child.stdin.write('/recap help\n');
    await recap.waitFor(/\/recap search <link or id> <words…>/);
    recap.child.stdin.end();
    expect(await recap.exited).toBe(0);
    expect(recap.stderr()).toBe('');
  });

  it.runIf(existsSync(BED002))('answers /recap ../shared/bench/meetings/dev/Bed002.vtt as the README shows', async () => {
    const recap = startRecapShell({ PORT: '0', DATA_DIR: dataDir, PUBLIC_URL: 'https://recap.example.com' });
    recap.child.stdin.end('/recap ../shared/bench/meetings/dev/Bed002.vtt highlights captions\n');
    expect(await recap.exited).toBe(0);
    const out = recap.stdout();
    expect(out).toMatch(/Recap of Bed002\.vtt · \d+(:\d\d)+ · \d+ speakers · en/);
    expect(out).toMatch(/Highlights \((\d+) s\)/);
    const seconds = Number(/Highlights \((\d+) s\)/.exec(out)![1]);
    expect(seconds).toBeGreaterThanOrEqual(48);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(out).toMatch(/VTT\s+https:\/\/recap\.example\.com\/captions\/[A-Za-z0-9_-]{24}\.vtt/);
  });

  it('stops gracefully on SIGTERM, closing the server', async () => {
    const recap = startRecapShell({ PORT: '0', DATA_DIR: dataDir });
    recap.child.stdin.write(`/recap ${STANDUP} summary captions\n`);
    const [, txtUrl] = await recap.waitFor(/TXT\s+(http:\/\/localhost:\d+\/captions\/\S+\.txt)/);
    recap.child.kill('SIGTERM');
    expect(await recap.exited).toBe(0);
    await expect(fetch(txtUrl!)).rejects.toThrow();
  });

  it('refuses to start on bad configuration, naming every variable', async () => {
    const recap = startRecapShell({ PORT: 'eighty', REDIS_URL: 'http://x' });
    recap.child.stdin.end();
    expect(await recap.exited).toBe(1);
    expect(recap.stderr()).toContain('PORT');
    expect(recap.stderr()).toContain('REDIS_URL');
    expect(recap.stderr()).not.toMatch(/\n\s+at /);
  });
});
