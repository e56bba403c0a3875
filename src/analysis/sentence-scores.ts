/**
 * Centroid scoring of sentences, shared by the summary, chapter summaries and highlights: a sentence matters when
 * it says many of the words that a stretch of the meeting keeps coming back to, per word spoken.
 */
import type { AnalysisDoc, Sentence } from './document.ts';
import { cleanSentence } from './text/clean.ts';

/** Sentences shorter than this (after cleaning) are acknowledgements, not content. */
export const MIN_SENTENCE_WORDS = 6;
/** Sentences longer than this are rambles nobody wants to read in a recap. */
export const MAX_SENTENCE_WORDS = 45;

/** How many of the most frequent terms make the centroid; the long tail only adds noise. */
const CENTROID_TERMS = 60;
/** Added to a sentence's length when dividing, so short sentences do not win on density alone. */
const LENGTH_SMOOTHING = 12;

const cleaned = new WeakMap<AnalysisDoc, (string | undefined)[]>();

/** The readable (cleaned) text of sentence `index`, computed once per document. */
export function readableSentence(doc: AnalysisDoc, index: number): string {
  let cache = cleaned.get(doc);
  if (!cache) {
    cache = new Array<string | undefined>(doc.sentences.length);
    cleaned.set(doc, cache);
  }
  let text = cache[index];
  if (text === undefined) {
    text = cleanSentence(doc.sentences[index]!.text, doc.lang, doc.words);
    cache[index] = text;
  }
  return text;
}

/** Words in a readable sentence; characters for Japanese and Chinese, where two count as about one word. */
export function wordCount(doc: AnalysisDoc, text: string): number {
  if (doc.joiner === '') return Math.ceil(text.replace(/[\s\p{P}]/gu, '').length / 2);
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/**
 * Centroid weights over the tokens `[from, to)`: each term's count times its specificity weight, for the
 * {@link CENTROID_TERMS} strongest terms; 0 elsewhere.
 */
export function centroid(doc: AnalysisDoc, from = 0, to = doc.tokens.length): Float64Array {
  const weights = new Float64Array(doc.terms.length);
  const seen: number[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!.term;
    if (t < 0) continue;
    if (weights[t] === 0) seen.push(t);
    weights[t]! += doc.terms[t]!.weight;
  }
  if (seen.length > CENTROID_TERMS) {
    const sorted = seen.map((t) => weights[t]!).sort((a, b) => b - a);
    const cutoff = sorted[CENTROID_TERMS - 1]!;
    // Terms tied with the cutoff stay in, so the result does not depend on sort stability.
    for (const t of seen) if (weights[t]! < cutoff) weights[t] = 0;
  }
  return weights;
}

/** Score of one sentence against `weights`: the weight of its distinct terms per (smoothed) word. */
export function scoreSentence(doc: AnalysisDoc, sentence: Sentence, weights: Float64Array): number {
  let sum = 0;
  const seen = new Set<number>();
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = doc.tokens[i]!.term;
    if (t < 0 || seen.has(t)) continue;
    seen.add(t);
    sum += weights[t]!;
  }
  return sum / (sentence.tokenEnd - sentence.tokenStart + LENGTH_SMOOTHING);
}

/** The distinct content terms of a sentence, for redundancy checks. */
export function sentenceTerms(doc: AnalysisDoc, sentence: Sentence): Set<number> {
  const out = new Set<number>();
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = doc.tokens[i]!.term;
    if (t >= 0) out.add(t);
  }
  return out;
}

/** Cosine-style overlap of two term sets: 1 for the same words, 0 for none shared. */
export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
