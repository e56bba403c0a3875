import { describe, expect, it } from 'vitest';
import { toSearchMatches } from '../../../../src/providers/assemblyai/map.ts';
import { sentencesSchema, wordSearchSchema } from '../../../../src/providers/assemblyai/schemas.ts';
import { fixture } from './fixtures.ts';

describe('AssemblyAI word-search mapping', () => {
  it('turns each place a term is said into the sentence around it, once per sentence, in time order', () => {
    const search = fixture('word-search.json', wordSearchSchema);
    const { sentences } = fixture('sentences.json', sentencesSchema);
    expect(toSearchMatches(search, sentences)).toEqual([
      // "smoke" at 250 and "air quality" at 3978 are in the same sentence: one moment.
      { startMs: 250, endMs: 6350, speaker: 'Speaker A', text: 'Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US.' },
      { startMs: 11300, endMs: 16000, speaker: 'Speaker B', text: 'And in some places, the air quality warnings include the warning to stay inside.' },
      // Past the last sentence the fixture has: the nearest earlier line (no speaker there).
      { startMs: 16400, endMs: 19900, text: "We wanted to better understand what's happening here and why." },
    ]);
  });

  it('keeps the term itself when there are no sentences, and caps the moments', () => {
    const search = fixture('word-search.json', wordSearchSchema);
    expect(toSearchMatches(search, [])).toEqual([
      { startMs: 250, endMs: 650, text: 'smoke' },
      { startMs: 3978, endMs: 4500, text: 'air quality' },
      { startMs: 12100, endMs: 12800, text: 'air quality' },
      { startMs: 49168, endMs: 49398, text: 'smoke' },
    ]);
    expect(toSearchMatches(search, [], 2)).toHaveLength(2);
  });
});
