import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import { blockStarts, segmentBlocks, type DpOptions } from '../../../src/analysis/segment-dp.ts';
import { cueStrength, isBackchannel } from '../../../src/analysis/topic-cues.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';
import { BUDGET, HIRING, topicUtterances } from './fixtures.ts';

const OPTIONS: DpOptions = { blockWords: 10, minBlocks: 2, maxBlocks: 50, penalty: 1, bonus: 0 };

describe('segmentBlocks (global dynamic program)', () => {
  it('splits where the vocabulary changes, and only there', () => {
    // 12 blocks: words 0-4 in the first six, words 5-9 in the last six.
    const terms = Array.from({ length: 12 }, (_, b) => Array.from({ length: 10 }, (_, i) => (b < 6 ? 0 : 5) + (i % 5)));
    const starts = terms.map((_, b) => b * 3);
    expect(segmentBlocks(starts, terms, 10, new Float64Array(37), 36, OPTIONS)).toEqual([18]);
  });

  it('keeps one chapter when nothing changes', () => {
    const terms = Array.from({ length: 12 }, () => [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(segmentBlocks(terms.map((_, b) => b * 3), terms, 5, new Float64Array(37), 36, OPTIONS)).toEqual([]);
  });

  it('cuts blocks at utterance boundaries once they hold enough words', () => {
    expect(blockStarts(Int32Array.from([0, 4, 8, 12, 16, 20]), 8)).toEqual([0, 2, 4]);
  });
});

describe('chapter count', () => {
  it('is set by the evidence, not by the clock: a long single-topic meeting stays one or two chapters', () => {
    const t: Transcript = { timed: true, utterances: topicUtterances(BUDGET, 400, 0, 3) };
    expect(analyzeTranscript(t, { want: ['chapters'] }).chapters!.length).toBeLessThanOrEqual(2);
  });

  it('finds a topic change that no cue announces', () => {
    const utterances = [...topicUtterances(BUDGET, 150, 0, 5), ...topicUtterances(HIRING, 150, 900_000, 6)];
    const chapters = analyzeTranscript({ timed: true, utterances }, { want: ['chapters'] }).chapters!;
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...chapters.slice(1).map((c) => Math.abs(c.startMs! - 900_000)))).toBeLessThanOrEqual(60_000);
  });
});

describe('topic cues', () => {
  it('recognizes agenda moves, openers and acknowledgements', () => {
    expect(cueStrength("Okay, we'll now go to Ms. Harder.", 'en')).toBe(1);
    expect(cueStrength('Okay so the next thing', 'en')).toBe(1);
    expect(cueStrength('Okay, so I tried the filter', 'en')).toBe(0.5);
    expect(cueStrength('The filter works.', 'en')).toBe(0);
    expect(cueStrength('Bom, agora vamos passar ao desporto.', 'pt')).toBe(1);
    expect(isBackchannel('Mm-hmm. Yeah.', 'en')).toBe(true);
    expect(isBackchannel('Yeah, the battery is fine.', 'en')).toBe(false);
  });
});
