/**
 * The meeting summary: whole sentences picked by centroid score with maximal marginal relevance (each pick
 * must add words the summary does not have yet), cleaned of fillers, within a word budget, in spoken order.
 */
import type { AnalysisDoc } from './document.ts';
import {
  MAX_SENTENCE_WORDS, MIN_SENTENCE_WORDS, centroid, overlap, readableSentence, scoreSentence, sentenceTerms, wordCount,
} from './sentence-scores.ts';

/** Longest summary, in words: a chat message people actually read. */
export const SUMMARY_MAX_WORDS = 150;

/** Balance between a sentence's own score (1) and its novelty against the summary so far (0). */
const MMR_LAMBDA = 0.7;

interface Pick {
  index: number;
  score: number;
  words: number;
  terms: Set<number>;
}

/** Chooses sentences for a summary of at most `maxWords` words; returns their indexes in spoken order. */
export function pickSentences(doc: AnalysisDoc, maxWords: number, sentenceIndexes?: readonly number[],
  weights: Float64Array = centroid(doc), minWords = MIN_SENTENCE_WORDS): number[] {
  const pool: Pick[] = [];
  const indexes = sentenceIndexes ?? doc.sentences.map((_, i) => i);
  for (const index of indexes) {
    const sentence = doc.sentences[index]!;
    const words = wordCount(doc, readableSentence(doc, index));
    if (words < minWords || words > Math.min(MAX_SENTENCE_WORDS, maxWords)) continue;
    const score = scoreSentence(doc, sentence, weights);
    if (score > 0) pool.push({ index, score, words, terms: sentenceTerms(doc, sentence) });
  }
  // Only the strongest candidates can win; this keeps MMR linear in practice on four-hour meetings.
  pool.sort((a, b) => b.score - a.score || a.index - b.index);
  const shortlist = pool.slice(0, 200);
  const top = shortlist[0]?.score ?? 1;
  const chosen: Pick[] = [];
  let used = 0;
  while (shortlist.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < shortlist.length; i++) {
      const p = shortlist[i]!;
      if (used + p.words > maxWords) continue;
      let redundancy = 0;
      for (const c of chosen) redundancy = Math.max(redundancy, overlap(p.terms, c.terms));
      const value = MMR_LAMBDA * (p.score / top) - (1 - MMR_LAMBDA) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    const [p] = shortlist.splice(best, 1);
    chosen.push(p!);
    used += p!.words;
  }
  return chosen.map((p) => p.index).sort((a, b) => a - b);
}

/**
 * An extractive summary of `doc` in at most {@link SUMMARY_MAX_WORDS} words. Falls back to the start of the
 * longest sentence when no sentence fits (one unpunctuated monologue), and to '' for an empty transcript.
 */
export function summarize(doc: AnalysisDoc, maxWords = SUMMARY_MAX_WORDS): string {
  const picked = pickSentences(doc, maxWords);
  if (picked.length > 0) return picked.map((i) => readableSentence(doc, i)).join(doc.joiner === '' ? '' : ' ');
  let longest = '';
  for (let i = 0; i < doc.sentences.length; i++) {
    const text = readableSentence(doc, i);
    if (text.length > longest.length) longest = text;
  }
  return truncateWords(doc, longest, maxWords);
}

/** The first `maxWords` words of `text`, with an ellipsis when something was cut. */
export function truncateWords(doc: AnalysisDoc, text: string, maxWords: number): string {
  if (wordCount(doc, text) <= maxWords) return text;
  if (doc.joiner === '') return text.slice(0, maxWords * 2) + '…';
  return text.split(/\s+/).slice(0, maxWords).join(' ').replace(/[,;:.]$/, '') + '…';
}
