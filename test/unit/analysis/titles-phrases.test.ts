import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';
import { twoTopicMeeting } from './fixtures.ts';

const FRAGMENTS = /\b(?:th|wh|sh|uh|um|mm|bec)\b/i;

/** A meeting full of false starts: "th the", "bec because", "wh what". */
function stutteringMeeting(): Transcript {
  const lines = [
    'Um so th the vulnerable children need the new safeguarding policy.',
    'Uh bec because the safeguarding policy th the policy covers vulnerable children.',
    'Wh what about the school inspection report?',
    'The school inspection report says th the safeguarding policy is weak.',
    'Mm, vulnerable children and the inspection report, th that is the agenda.',
  ];
  const utterances = Array.from({ length: 60 }, (_, i) => ({
    startMs: i * 5000, endMs: i * 5000 + 4000, speaker: i % 2 ? 'A' : 'B', text: lines[i % lines.length]!,
  }));
  return { timed: true, utterances };
}

describe('titles and key phrases', () => {
  it('never contain disfluency fragments', () => {
    const r = analyzeTranscript(stutteringMeeting(), { want: ['chapters', 'phrases'] });
    for (const c of r.chapters!) expect(c.title).not.toMatch(FRAGMENTS);
    for (const p of r.keyPhrases!) expect(p.text).not.toMatch(FRAGMENTS);
    expect(r.keyPhrases!.map((p) => p.text.toLowerCase())).toContain('safeguarding policy');
  });

  it('titles chapters with noun phrases said in the chapter, not with adjectives', () => {
    const r = analyzeTranscript(stutteringMeeting(), { want: ['chapters'] });
    for (const c of r.chapters!) {
      expect(c.title).not.toMatch(/\bVulnerable$/);
      expect(c.title).not.toMatch(/^(?:and|of|the)\b|\b(?:and|of|the)$/i);
    }
    const meeting = twoTopicMeeting();
    const text = meeting.utterances.map((u) => u.text.toLowerCase()).join(' ');
    for (const c of analyzeTranscript(meeting, { want: ['chapters'] }).chapters!) {
      for (const word of c.title.toLowerCase().split(' ').filter((w) => w !== 'and')) expect(text).toContain(word.replace(/s$/, ''));
    }
  });

  it('prefers topic words to dates, quantities and hyphenated descriptions', () => {
    const lines = ['On Friday the 10-year-old reactor reported a radiation leak.', 'The radiation leak cost a million euros.',
      'Engineers said the long-awaited reactor inspection found the leak on Friday.', 'The reactor radiation worried a million people.'];
    const t: Transcript = { timed: false, utterances: lines.map((text) => ({ startMs: 0, endMs: 0, text })) };
    const texts = analyzeTranscript(t, { want: ['phrases'] }).keyPhrases!.map((p) => p.text.toLowerCase());
    expect(texts.slice(0, 3)).toEqual(expect.arrayContaining(['reactor', 'radiation']));
    for (const dull of ['friday', 'million', '10-year-old', 'long-awaited']) expect(texts.slice(0, 5)).not.toContain(dull);
  });

  it('names a person once, by the surname, rather than by each piece of the name', () => {
    const lines = ['Katy Perry released a new video on Monday.', 'Critics say the video copies an older video.',
      'Katy Perry denied it, and Perry said the video was her own idea.', 'Perry will tour with the video in June.',
      'The video premiered in London, where Perry lives.'];
    const t: Transcript = { timed: false, utterances: lines.map((text) => ({ startMs: 0, endMs: 0, text })) };
    const texts = analyzeTranscript(t, { want: ['phrases'] }).keyPhrases!.map((p) => p.text);
    expect(texts.slice(0, 2)).toEqual(expect.arrayContaining(['video', 'Perry']));
    // "Katy" is only ever said next to "Perry", which already stands for her.
    expect(texts).not.toContain('Katy');
  });
});
