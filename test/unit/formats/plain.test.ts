import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { fixture } from './helpers.ts';

describe('plain text with time stamps', () => {
  it('reads "[hh:mm:ss] Speaker: text" lines; each ends where the next starts', () => {
    const t = readTranscript(fixture('stamped.txt'), { filename: 'call.txt' });
    expect(t.timed).toBe(true);
    expect(t.utterances.map((u) => [u.startMs, u.endMs, u.speaker])).toEqual([
      [4000, 7000, 'Alice Moreau'],
      [7000, 9000, 'Raj Patel'],
      [9000, 75_000, 'Alice Moreau'],
      [75_000, 3_723_000, 'Raj Patel'],
      // Last one: 8 words at 2.5 words/s = 3.2 s.
      [3_723_000, 3_726_200, 'Alice Moreau'],
    ]);
    // The title line above the first stamp is not speech; an unstamped line continues the utterance above it.
    expect(t.utterances[3]!.text).toBe('On pricing, the experiment ended Friday. The annual plan won by a wide margin.');
    expect(t.durationMs).toBe(3_726_200);
  });

  it('reads [mm:ss] stamps and bare hh:mm:ss stamps, with or without speakers', () => {
    const t = readTranscript('[00:05] hello there\n[01:10] Bob: second\n');
    expect(t.utterances.map((u) => [u.startMs, u.endMs, u.speaker, u.text])).toEqual([
      [5000, 70_000, undefined, 'hello there'],
      [70_000, 70_400, 'Bob', 'second'],
    ]);
    const bare = readTranscript('00:00:01 Ann: one\n00:00:03 Ben: two\n');
    expect(bare.utterances.map((u) => [u.startMs, u.speaker])).toEqual([
      [1000, 'Ann'],
      [3000, 'Ben'],
    ]);
  });

  it('reads "Alice (00:01:02): text"', () => {
    const t = readTranscript('Alice (00:01:02): hello\nBob (00:01:05): hi Alice\n');
    expect(t.utterances.map((u) => [u.startMs, u.speaker, u.text])).toEqual([
      [62_000, 'Alice', 'hello'],
      [65_000, 'Bob', 'hi Alice'],
    ]);
  });

  it('reads Otter exports: "Name  0:05" on its own line, words below', () => {
    const otter = 'Speaker 1  0:00\nSo the first thing is the budget.\n\nJane Doe  0:12\nRight, and the timeline.\nWe are late.\n\nSpeaker 1  1:02:03\nOkay.\n';
    const t = readTranscript(otter, { filename: 'otter.txt' });
    expect(t.utterances).toEqual([
      { startMs: 0, endMs: 12_000, speaker: 'Speaker 1', text: 'So the first thing is the budget.' },
      { startMs: 12_000, endMs: 3_723_000, speaker: 'Jane Doe', text: 'Right, and the timeline. We are late.' },
      { startMs: 3_723_000, endMs: 3_723_400, speaker: 'Speaker 1', text: 'Okay.' },
    ]);
  });
});

describe('plain text without time stamps', () => {
  it('accepts a news article as an untimed transcript, one utterance per paragraph', () => {
    const t = readTranscript(fixture('untimed.txt'), { filename: 'article.txt' });
    expect(t.timed).toBe(false);
    expect(t.durationMs).toBeUndefined();
    expect(t.utterances).toHaveLength(4);
    expect(t.utterances.every((u) => u.startMs === 0 && u.endMs === 0 && u.speaker === undefined)).toBe(true);
    expect(t.utterances[0]!.text).toBe('City council approves new bike lanes downtown');
  });

  it('joins hard-wrapped lines of a paragraph', () => {
    const t = readTranscript('The committee met on Monday to discuss\nthe new budget, which was approved\nafter a long debate.\n\nNext year looks better.\n');
    expect(t.utterances.map((u) => u.text)).toEqual([
      'The committee met on Monday to discuss the new budget, which was approved after a long debate.',
      'Next year looks better.',
    ]);
  });

  it('reads "Speaker: text" lines of an untimed transcript', () => {
    const t = readTranscript('Alice: Shall we start?\nBob: Yes, go ahead.\nAlice: Great.\n');
    expect(t.timed).toBe(false);
    expect(t.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Alice', 'Shall we start?'],
      ['Bob', 'Yes, go ahead.'],
      ['Alice', 'Great.'],
    ]);
  });

  it('does not make speakers out of a stray "Note:" in prose or a time at the start of a line', () => {
    const t = readTranscript('Note: the figures are preliminary.\nRevenue grew in every region.\nCosts fell slightly.\nMargins improved.\n');
    expect(t.utterances.every((u) => u.speaker === undefined)).toBe(true);
    expect(t.utterances[0]!.text).toBe('Note: the figures are preliminary.');
    const times = readTranscript('The talks resumed.\nThey went on all day.\nNobody left early.\n10:30 was when the vote came.\nIt passed.\nEveryone went home.\n');
    expect(times.timed).toBe(false);
  });

  it('splits a very long paragraph into sentences', () => {
    const sentence = 'This sentence is part of a very long paragraph that never seems to end. ';
    const t = readTranscript(sentence.repeat(30));
    expect(t.utterances.length).toBe(30);
    expect(t.utterances[0]!.text).toBe(sentence.trim());
  });
});
