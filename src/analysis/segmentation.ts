/**
 * Topic segmentation of a transcript into utterance ranges: local boundary evidence at every utterance gap
 * (boundary-scores.ts) feeds a global dynamic program over half-minute blocks (segment-dp.ts) that decides how
 * many chapters there are and where. The count is not fixed per minute: a boundary survives only when splitting
 * there explains the words better than the price of one more chapter, so a meeting that stays on one subject
 * keeps one chapter and a committee that walks through an agenda gets one per item.
 */
import { boundaryScores } from './boundary-scores.ts';
import type { AnalysisDoc } from './document.ts';
import { blockStarts, segmentBlocks, type DpOptions } from './segment-dp.ts';

/**
 * Tuning of the dynamic program, kept together so the bench can report what it ran with. `penalty` and `bonus`
 * were tuned on the dev meetings (the same optimum on either half of them); the others are fixed by design.
 */
export const SEGMENTATION: DpOptions = {
  /** ≈ 30 s of speech at 150 words a minute. */
  blockWords: 75,
  /** ≈ 4 minutes: shorter chapters are not worth a line in a recap. */
  minBlocks: 8,
  /** ≈ 40 minutes: longer chapters are not skimmable, and the cap keeps the program linear. */
  maxBlocks: 80,
  penalty: 15,
  bonus: 20,
};

/** Start utterance index of every chapter; the first is always 0. Empty for an empty transcript. */
export function segment(doc: AnalysisDoc): number[] {
  const n = doc.utterances.length;
  if (n === 0) return [];
  if (n < 4) return [0];
  const starts = blockStarts(doc.utteranceTokenStart, SEGMENTATION.blockWords);
  if (starts.length < 2) return [0];
  const blockTerms: number[][] = starts.map(() => []);
  let block = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const token = doc.tokens[i]!;
    while (block + 1 < starts.length && token.utterance >= starts[block + 1]!) block++;
    if (token.term >= 0) blockTerms[block]!.push(token.term);
  }
  const local = boundaryScores(doc);
  return [0, ...segmentBlocks(starts, blockTerms, doc.terms.length, local, n, SEGMENTATION)];
}
