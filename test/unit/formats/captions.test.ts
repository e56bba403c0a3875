import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCaptions } from '../../../src/analysis/captions.ts';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import type { Transcript, Utterance } from '../../../src/domain/transcript.ts';
import { fixture, recapError } from './helpers.ts';

const meeting: Transcript = {
  timed: true,
  durationMs: 75_000,
  utterances: [
    { startMs: 1000, endMs: 4000, speaker: 'Ana Souza', text: 'Welcome & thanks for joining <everyone>.' },
    { startMs: 4000, endMs: 9500, text: 'Music plays --> then fades.' },
    { startMs: 62_000, endMs: 75_000, speaker: 'Ben', text: 'One more thing before we wrap up today, everybody.' },
  ],
};

describe('renderCaptions', () => {
  it('writes WebVTT with voice tags and escaped text', () => {
    expect(renderCaptions(meeting, 'vtt')).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:01.000 --> 00:00:04.000',
        '<v Ana Souza>Welcome &amp; thanks for joining &lt;everyone&gt;.',
        '',
        '2',
        '00:00:04.000 --> 00:00:09.500',
        'Music plays --&gt; then fades.',
        '',
        '3',
        '00:01:02.000 --> 00:01:15.000',
        '<v Ben>One more thing before we wrap up today, everybody.',
        '',
      ].join('\n'),
    );
  });

  it('writes SRT numbered from 1 with "," before the milliseconds and "Name:" speakers', () => {
    const srt = renderCaptions(meeting, 'srt');
    expect(srt.split('\n').slice(0, 4)).toEqual(['1', '00:00:01,000 --> 00:00:04,000', 'Ana Souza: Welcome & thanks for joining &lt;everyone>.', '']);
    expect(srt).toContain('\n3\n00:01:02,000 --> 00:01:15,000\nBen: One more thing');
    expect(srt.match(/-->/g)).toHaveLength(3);
  });

  it('writes text as "[mm:ss] Speaker: text", and just the words when untimed', () => {
    expect(renderCaptions(meeting, 'txt')).toBe(
      '[00:01] Ana Souza: Welcome & thanks for joining <everyone>.\n[00:04] Music plays --> then fades.\n[01:02] Ben: One more thing before we wrap up today, everybody.\n',
    );
    const untimed = readTranscript(fixture('untimed.txt'));
    const txt = renderCaptions(untimed, 'txt');
    expect(txt.split('\n')[0]).toBe('City council approves new bike lanes downtown');
    expect(txt).not.toMatch(/\[\d/);
  });

  it('refuses VTT and SRT for an untimed transcript with a clear message', () => {
    const untimed = readTranscript(fixture('untimed.txt'));
    for (const format of ['vtt', 'srt'] as const) {
      const e = recapError(() => renderCaptions(untimed, format));
      expect(e.code).toBe('unsupported');
      expect(e.message).toMatch(/need times/);
      expect(e.hint).toMatch(/txt/);
    }
  });

  it('splits long utterances into captions of at most N characters on word boundaries, sharing time by characters', () => {
    const vtt = renderCaptions(meeting, 'vtt', { charsPerCaption: 20 });
    const back = readTranscript(vtt);
    const ben = back.utterances.filter((u) => u.speaker === 'Ben');
    expect(ben.map((u) => u.text)).toEqual(['One more thing', 'before we wrap up', 'today, everybody.']);
    expect(ben.every((u) => u.text.length <= 20)).toBe(true);
    expect(ben[0]!.startMs).toBe(62_000);
    expect(ben[2]!.endMs).toBe(75_000);
    for (let i = 1; i < ben.length; i++) expect(ben[i]!.startMs).toBe(ben[i - 1]!.endMs);
    // 14 of 48 characters → 14/48 of 13 s.
    expect(ben[0]!.endMs).toBe(62_000 + Math.round((13_000 * 14) / 48));
  });

  it('breaks text without spaces (Japanese) within the limit', () => {
    const ja = readTranscript(fixture('japanese.vtt'));
    const back = readTranscript(renderCaptions(ja, 'srt', { charsPerCaption: 10 }));
    expect(back.utterances.every((u) => u.text.length <= 10)).toBe(true);
    expect(back.utterances.filter((u) => u.startMs < 4000).map((u) => u.text).join('')).toBe(ja.utterances[0]!.text);
  });

  it('rejects a charsPerCaption that is not a positive whole number', () => {
    expect(recapError(() => renderCaptions(meeting, 'vtt', { charsPerCaption: 0 })).code).toBe('bad_command');
    expect(recapError(() => renderCaptions(meeting, 'srt', { charsPerCaption: 2.5 })).code).toBe('bad_command');
  });

  it('never writes "-->" inside a cue, even from a speaker name ending in dashes', () => {
    const t: Transcript = { timed: true, utterances: [{ startMs: 0, endMs: 1000, speaker: 'Crew --', text: '--> a <-- b ->' }] };
    const vtt = renderCaptions(t, 'vtt');
    expect(vtt.match(/-->/g)).toHaveLength(1);
    expect(readTranscript(vtt).utterances).toEqual(t.utterances);
    expect(renderCaptions(t, 'srt').match(/-->/g)).toHaveLength(1);
  });

  it('never lets a text without a speaker read back as "Name: text"', () => {
    const t: Transcript = { timed: true, utterances: [{ startMs: 0, endMs: 1000, text: 'Agenda: budget and hiring' }] };
    for (const format of ['vtt', 'srt'] as const) {
      expect(readTranscript(renderCaptions(t, format)).utterances).toEqual(t.utterances);
    }
  });
});

describe('round trip: readTranscript(renderCaptions(t)) gives t back', () => {
  // Characters that stress escaping: markup, entities, arrows, colons, braces, accents, CJK, emoji.
  const chars = [...'abcdefghijklmnopqrstuvwxyz ABCDEFXYZ 0123456789 &<>-:;./\\{}[]()#?!"\'', 'é', 'ñ', 'ß', '日', '本', '語', '😀', '\u00a0', '\t'];
  const text = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 60 });
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
  const hasWords = (s: string) => fold(s) !== '';

  const times = fc.tuple(fc.integer({ min: 0, max: 36_000_000 }), fc.integer({ min: 0, max: 600_000 }));
  const utterance = (speaker: fc.Arbitrary<string | undefined>): fc.Arbitrary<Utterance> =>
    fc.record({ times, speaker, text: text.filter(hasWords) }).map(({ times: [start, length], speaker, text }) => {
      const u: Utterance = { startMs: start, endMs: start + length, text: fold(text) };
      if (speaker !== undefined) u.speaker = speaker;
      return u;
    });
  const transcript = (u: fc.Arbitrary<Utterance>): fc.Arbitrary<Transcript> =>
    fc.array(u, { minLength: 1, maxLength: 20 }).map((utterances) => ({ timed: true, utterances }));

  const same = (a: Transcript, b: Transcript) => {
    expect(b.utterances).toEqual(a.utterances);
    expect(b.timed).toBe(true);
    expect(b.durationMs).toBe(Math.max(...a.utterances.map((u) => u.endMs)));
  };

  it('WebVTT, with any speaker names', () => {
    const speaker = fc.option(fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 20 }).filter(hasWords).map(fold), {
      nil: undefined,
    });
    fc.assert(
      fc.property(transcript(utterance(speaker)), (t) => same(t, readTranscript(renderCaptions(t, 'vtt')))),
      { numRuns: 300 },
    );
  });

  it('SRT, with realistic names on every utterance or on none', () => {
    const names = ['Alice', 'Bob Smith', 'Speaker 1', 'María José', 'Dr. Jane Doe', 'O’Brien', '田中', 'van der Berg'.replace('van', 'Jan van')];
    const withNames = transcript(utterance(fc.constantFrom(...names)));
    const withoutNames = transcript(utterance(fc.constant(undefined)));
    fc.assert(
      fc.property(fc.oneof(withNames, withoutNames), (t) => same(t, readTranscript(renderCaptions(t, 'srt')))),
      { numRuns: 300 },
    );
  });

  it('every fixture survives VTT and SRT', () => {
    for (const name of ['zoom.vtt', 'teams.vtt', 'youtube.vtt', 'blocks.vtt', 'spanish.vtt', 'japanese.vtt', 'crlf-bom.srt', 'stamped.txt']) {
      const t = readTranscript(fixture(name));
      expect(readTranscript(renderCaptions(t, 'vtt')).utterances, name).toEqual(t.utterances);
      expect(readTranscript(renderCaptions(t, 'srt')).utterances, name).toEqual(t.utterances);
    }
  });
});
