import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { fixture, recapError } from './helpers.ts';

const texts = (input: string | Uint8Array) => readTranscript(input).utterances.map((u) => u.text);

describe('WebVTT: real exports', () => {
  it('Zoom: numbered cues with "Name: text" give speakers, ms times and text without the name', () => {
    const t = readTranscript(fixture('zoom.vtt'), { filename: 'zoom.vtt' });
    expect(t.timed).toBe(true);
    expect(t.utterances).toHaveLength(8);
    expect(t.utterances[0]).toEqual({
      startMs: 2350,
      endMs: 6120,
      speaker: 'Dana Whitfield',
      text: "Okay, I think everyone's here. Let's get started with the sprint review.",
    });
    expect(new Set(t.utterances.map((u) => u.speaker))).toEqual(new Set(['Dana Whitfield', 'Marcus Oyelaran', 'Li Wei']));
    // A clock time and a URL inside the text do not create speakers.
    expect(t.utterances[2]!.text).toContain('at 10:30 on Thursday');
    expect(t.utterances[3]!.text).toContain('https://wiki.example.com/billing/runbook');
    // Two-line cue text is joined with a space.
    expect(t.utterances[7]!.text).toBe('Sure. The iOS release is in review; Android shipped Monday with the new onboarding flow.');
    expect(t.durationMs).toBe(45_810);
    expect(t.language).toBeUndefined();
  });

  it('Teams: GUID cue ids are not text, <v Name> gives the speaker, entities are decoded', () => {
    const t = readTranscript(fixture('teams.vtt'));
    expect(t.utterances.map((u) => u.speaker)).toEqual([
      'Priya Raman',
      'Priya Raman',
      'Tomás García-Núñez',
      'Tomás García-Núñez',
      'Priya Raman',
    ]);
    // Consecutive cues by one speaker stay separate.
    expect(t.utterances[0]).toEqual({ startMs: 3120, endMs: 5480, speaker: 'Priya Raman', text: "Okay, let's get started." });
    expect(t.utterances[2]!.text).toBe("I'd like two more engineers for the data platform team & one SRE.");
    expect(t.utterances[3]!.text).toBe("Budget-wise that's within what finance approved.");
    expect(t.utterances.some((u) => u.text.includes('3b1f0c5e') || u.text.includes('</v>'))).toBe(false);
  });

  it('YouTube: header metadata, cue settings and <c> word timings are dropped, rolling repeats removed', () => {
    const t = readTranscript(fixture('youtube.vtt'));
    expect(t.utterances.map((u) => u.text)).toEqual([
      'welcome back to the channel',
      "today we're looking at sourdough",
      'starters and how to feed them',
    ]);
    expect(t.utterances.map((u) => [u.startMs, u.endMs])).toEqual([
      [0, 2310],
      [2320, 5190],
      [5200, 8030],
    ]);
    expect(t.utterances.every((u) => u.speaker === undefined)).toBe(true);
  });

  it('NOTE, STYLE and REGION blocks are skipped; hour-less times, settings and broken cues handled', () => {
    const t = readTranscript(fixture('blocks.vtt'));
    expect(t.utterances).toEqual([
      { startMs: 1000, endMs: 4500, speaker: 'Ana Souza', text: 'Welcome, everyone!' },
      { startMs: 4500, endMs: 8250, speaker: 'Ben', text: 'Thanks. I have two things: the colour tokens & the <Button> API.' },
      { startMs: 9000, endMs: 12_750, speaker: 'Ana Souza', text: "Let's start with tokens, then." },
      { startMs: 62_500, endMs: 65_000, speaker: 'Ben', text: 'One more thing before we wrap up.' },
    ]);
    expect(t.durationMs).toBe(65_000);
  });

  it('Spanish text keeps its accents and punctuation', () => {
    const t = readTranscript(fixture('spanish.vtt'));
    expect(t.utterances.map((u) => u.speaker)).toEqual(['Lucía Fernández', 'Andrés Muñoz', 'Lucía Fernández']);
    expect(t.utterances[0]!.text).toBe('¡Buenos días a todos! ¿Empezamos con el presupuesto?');
  });

  it('Japanese: text without spaces is kept whole; a full-width colon marks a speaker', () => {
    const t = readTranscript(fixture('japanese.vtt'));
    expect(t.utterances.map((u) => u.speaker)).toEqual(['田中', '佐藤', '田中']);
    expect(t.utterances[0]!.text).toBe('皆さん、おはようございます。今日は新製品の発売日程について話します。');
    expect(t.utterances[2]!.text).toBe('工場の準備は来月末に終わる予定です。');
  });
});

describe('WebVTT: syntax quirks', () => {
  const cue = (body: string, times = '00:00:01.000 --> 00:00:02.000') => `WEBVTT\n\n${times}\n${body}\n`;

  it('accepts a BOM, CRLF and lone CR line endings alike', () => {
    const lf = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello there\n\n2\n00:00:03.000 --> 00:00:04.000\nGeneral Kenobi\n';
    const expected = readTranscript(lf);
    expect(expected.utterances).toHaveLength(2);
    expect(readTranscript('\ufeff' + lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(readTranscript(lf.replace(/\n/g, '\r'))).toEqual(expected);
    expect(readTranscript(new TextEncoder().encode('\ufeff' + lf))).toEqual(expected);
  });

  it('reads hour-less, hour and long-hour times to integer ms', () => {
    expect(readTranscript(cue('a', '01:02.500 --> 01:03.000')).utterances[0]).toMatchObject({ startMs: 62_500, endMs: 63_000 });
    expect(readTranscript(cue('a', '01:00:00.001 --> 01:00:01.000')).utterances[0]).toMatchObject({ startMs: 3_600_001 });
    expect(readTranscript(cue('a', '123:00:00.000 --> 123:00:01.000')).utterances[0]).toMatchObject({ startMs: 442_800_000 });
  });

  it('ignores text after WEBVTT and cue settings after the end time', () => {
    const t = readTranscript('WEBVTT Kind: captions\n\n00:01.000 --> 00:02.000 align:start position:10% line:90%\nHi\n');
    expect(t.utterances).toEqual([{ startMs: 1000, endMs: 2000, text: 'Hi' }]);
  });

  it('takes the speaker from <v.loud Speaker Name> and strips every other tag', () => {
    const t = readTranscript(cue('<v.loud.x Mary Ann Lee><b>Stop</b> <i>right</i> <u>there</u><00:00:01.500> <c.red>now</c> <lang en>please</lang></v>'));
    expect(t.utterances).toEqual([{ startMs: 1000, endMs: 2000, speaker: 'Mary Ann Lee', text: 'Stop right there now please' }]);
  });

  it('decodes entities, including numeric ones, and leaves unknown ones alone', () => {
    expect(texts(cue('Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; a&nbsp;b &#233; &#x2014; &bogus;'))).toEqual([
      'Tom & Jerry <3 > "x" a b é — &bogus;',
    ]);
  });

  it('splits a cue with two voices into two utterances sharing its time', () => {
    const t = readTranscript(cue('<v Ann>Are you there?</v>\n<v Bob>Yes.</v>', '00:00:00.000 --> 00:00:02.000'));
    expect(t.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Ann', 'Are you there?'],
      ['Bob', 'Yes.'],
    ]);
    expect(t.utterances[0]!.startMs).toBe(0);
    expect(t.utterances[0]!.endMs).toBe(t.utterances[1]!.startMs);
    expect(t.utterances[1]!.endMs).toBe(2000);
  });

  it('skips cues with broken timing lines or end before start, keeping the rest', () => {
    const file = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'good one',
      '',
      '00:00:03 --> 00:00:04.000 x',
      '',
      'aa:bb:cc.ddd --> 00:00:05.000',
      'bad digits',
      '',
      '00:00:07.000 --> 00:00:06.000',
      'backwards',
      '',
      '00:00:01:61.000 --> 00:00:09.000',
      'too many parts',
      '',
      '00:00:08.000 --> 00:00:09.000',
      'good two',
    ].join('\n');
    expect(texts(file)).toEqual(['good one', 'good two']);
  });

  it('starts a new cue when a blank line is missing, and does not keep the glued cue number as text', () => {
    const t = readTranscript('WEBVTT\n00:00:01.000 --> 00:00:02.000\nfirst\n2\n00:00:02.000 --> 00:00:03.000\nsecond\n');
    expect(t.utterances.map((u) => [u.startMs, u.text])).toEqual([
      [1000, 'first'],
      [2000, 'second'],
    ]);
  });

  it('does not take a lone "Warning:" line as a speaker, but believes a name that comes back', () => {
    const oneOff = readTranscript(
      cue('Warning: loud noises', '00:00:00.000 --> 00:00:01.000') +
        '\n00:00:01.000 --> 00:00:02.000\nthen music\n\n00:00:02.000 --> 00:00:03.000\nand more\n\n00:00:03.000 --> 00:00:04.000\nthe end\n',
    );
    expect(oneOff.utterances[0]).toEqual({ startMs: 0, endMs: 1000, text: 'Warning: loud noises' });
    const lowercaseSentence = readTranscript(cue('so the plan is: ship it'));
    expect(lowercaseSentence.utterances[0]!.speaker).toBeUndefined();
  });

  it('throws bad_input when no cue is usable', () => {
    const noCues = recapError(() => readTranscript('WEBVTT\n\nNOTE nothing here\n'));
    expect(noCues.code).toBe('bad_input');
    expect(noCues.message).toMatch(/WebVTT file has no usable cues/);
    expect(noCues.hint).toMatch(/00:00:01\.000 --> 00:00:04\.000/);
    const broken = recapError(() => readTranscript('WEBVTT\n\n00:01 -> 00:02\nhi\n\n00:05.000 --> 00:04.000\nbackwards\n'));
    expect(broken.message).toMatch(/1 timing line/);
    const emptyCues = recapError(() => readTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<c></c>\n'));
    expect(emptyCues.code).toBe('bad_input');
  });
});
