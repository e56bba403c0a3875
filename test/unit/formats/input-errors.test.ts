import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { fixture, recapError } from './helpers.ts';

describe('inputs that are not transcripts', () => {
  it('refuses an empty or whitespace-only file', () => {
    for (const input of [fixture('empty.txt'), fixture('blank.vtt'), '', ' \n\t\r\n', new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const e = recapError(() => readTranscript(input));
      expect(e.code).toBe('bad_input');
      expect(e.message).toBe('The file is empty.');
      expect(e.hint).toBeTruthy();
    }
  });

  it('refuses an MP4 and says to use a provider for audio or video', () => {
    const e = recapError(() => readTranscript(fixture('binary.mp4'), { filename: 'meeting.vtt' }));
    expect(e.code).toBe('bad_input');
    expect(e.message).toMatch(/MP4/);
    expect(e.hint).toMatch(/transcript or caption file/);
    expect(e.hint).toMatch(/provider/);
  });

  it('refuses a PDF, NUL bytes and random bytes', () => {
    expect(recapError(() => readTranscript(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).message).toMatch(/PDF/);
    expect(recapError(() => readTranscript(new Uint8Array([0x41, 0x42, 0, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49]))).message).toMatch(/binary/);
    const noise = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24 | 0x80;
    expect(recapError(() => readTranscript(noise)).message).toMatch(/not a transcript/);
    expect(recapError(() => readTranscript('hello\u0000world')).code).toBe('bad_input');
  });

  it('refuses an HTML page and JSON, saying what to send instead', () => {
    const html = recapError(() => readTranscript(fixture('page.html'), { filename: 'page.html', contentType: 'text/html' }));
    expect(html.message).toMatch(/HTML web page/);
    expect(html.hint).toMatch(/\.vtt or \.srt/);
    const json = recapError(() => readTranscript('{"results": {"transcripts": [{"transcript": "hello"}]}}'));
    expect(json.message).toMatch(/JSON/);
    expect(json.hint).toMatch(/WebVTT/);
    expect(recapError(() => readTranscript('[{"text": "hi", "start": 0}]')).message).toMatch(/JSON/);
  });

  it('says a .vtt or .srt without any cue has no usable cues', () => {
    const e = recapError(() => readTranscript('just some words', { filename: 'talk.srt' }));
    expect(e.message).toMatch(/SRT file has no usable cues: it has no cue timing lines/);
    expect(recapError(() => readTranscript('just some words', { contentType: 'text/vtt' })).message).toMatch(/WebVTT/);
  });
});

describe('text encodings', () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v José>¿Qué tal? 日本語\n';
  const expected = { startMs: 1000, endMs: 2000, speaker: 'José', text: '¿Qué tal? 日本語' };

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array(2 + vtt.length * 2);
    const be = new Uint8Array(2 + vtt.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < vtt.length; i++) {
      const c = vtt.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
      be[2 + i * 2] = c >> 8;
      be[3 + i * 2] = c & 0xff;
    }
    expect(readTranscript(le).utterances).toEqual([expected]);
    expect(readTranscript(be).utterances).toEqual([expected]);
  });

  it('reads UTF-16 LE without a BOM instead of calling it binary', () => {
    const bytes = new Uint8Array(Buffer.from(vtt, 'utf16le'));
    expect(readTranscript(bytes).utterances).toEqual([expected]);
  });

  it('falls back to Windows-1252 for old files that are not UTF-8', () => {
    const bytes = Uint8Array.from('1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9 cr\xe8me\n', (c) => c.charCodeAt(0));
    expect(readTranscript(bytes).utterances[0]!.text).toBe('Café crème');
  });
});
