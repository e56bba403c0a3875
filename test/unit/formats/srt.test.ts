import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { fixture } from './helpers.ts';

describe('SRT', () => {
  it('reads a CRLF file with a BOM, tags, a missing index and extra blank lines', () => {
    const t = readTranscript(fixture('crlf-bom.srt'), { filename: 'episode.srt' });
    expect(t.timed).toBe(true);
    expect(t.utterances).toEqual([
      { startMs: 1000, endMs: 4000, speaker: 'Narrator', text: 'Previously, on the project...' },
      { startMs: 4500, endMs: 7250, speaker: 'SAM', text: 'We need the numbers by Friday.' },
      { startMs: 7500, endMs: 9000, speaker: 'JO', text: "Then let's meet Thursday." },
      { startMs: 9100, endMs: 12_000, speaker: 'SAM', text: 'Fine. Thursday at 2:30.' },
    ]);
    expect(t.durationMs).toBe(12_000);
  });

  it('is recognised by content, whatever the file is called', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:02,500 --> 00:00:03,000\nWorld\n';
    for (const filename of ['a.srt', 'a.txt', 'a.vtt', 'noext']) {
      expect(readTranscript(srt, { filename }).utterances.map((u) => u.text)).toEqual(['Hello', 'World']);
    }
  });

  it('accepts "." before the milliseconds and short fractions', () => {
    const t = readTranscript('1\n00:00:01.5 --> 00:00:02.25\nHi\n');
    expect(t.utterances[0]).toMatchObject({ startMs: 1500, endMs: 2250 });
  });

  it('keeps subtitles without speakers as plain text', () => {
    const t = readTranscript('1\n00:00:01,000 --> 00:00:02,000\n<i>(door slams)</i>\n\n2\n00:00:03,000 --> 00:00:04,000\nWho is there?\n');
    expect(t.utterances.map((u) => [u.speaker, u.text])).toEqual([
      [undefined, '(door slams)'],
      [undefined, 'Who is there?'],
    ]);
  });

  it('treats lines of spaces as the blank lines between cues', () => {
    const t = readTranscript('1\n00:00:01,000 --> 00:00:02,000\nHello  \n   \n2\n00:00:03,000 --> 00:00:04,000\nWorld\n \n \n3\n00:00:05,000 --> 00:00:06,000\nAgain\n');
    expect(t.utterances.map((u) => [u.startMs, u.text])).toEqual([
      [1000, 'Hello'],
      [3000, 'World'],
      [5000, 'Again'],
    ]);
  });

  it('skips broken blocks and keeps the good ones', () => {
    const t = readTranscript('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:0x,000 --> 00:00:03,000\nbroken\n\n3\n00:00:05,000 --> 00:00:04,000\nbackwards\n\n4\n00:00:06,000 --> 00:00:07,000\nalso ok\n');
    expect(t.utterances.map((u) => u.text)).toEqual(['ok', 'also ok']);
  });
});
