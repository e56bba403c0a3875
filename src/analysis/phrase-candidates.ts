/**
 * Candidate key phrases: every run of up to {@link MAX_PHRASE_WORDS} content words that no stopword or
 * punctuation interrupts (the RAKE idea), with where each occurrence is. Shared by key phrases (ranked over the
 * whole meeting) and chapter titles (ranked within a chapter).
 */
import type { AnalysisDoc } from './document.ts';

/** Longest candidate, in words. Longer runs are almost always two phrases side by side. */
export const MAX_PHRASE_WORDS = 3;

export interface Candidate {
  /** Term ids in order. */
  terms: number[];
  /** Token index where each occurrence starts, ascending. */
  starts: number[];
}

/** Collects all candidates of `doc`, keyed by their term ids joined with spaces. */
export function collectCandidates(doc: AnalysisDoc): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  const tokens = doc.tokens;
  let runStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const ends = token === undefined || token.term < 0 || token.breakBefore;
    if (!ends) continue;
    // tokens[runStart, i) is a run of content words (possibly empty).
    for (let s = runStart; s < i; s++) {
      let key = '';
      for (let n = 1; n <= MAX_PHRASE_WORDS && s + n <= i; n++) {
        const term = tokens[s + n - 1]!.term;
        key = n === 1 ? String(term) : `${key} ${term}`;
        let c = out.get(key);
        if (!c) {
          c = { terms: tokens.slice(s, s + n).map((t) => t.term), starts: [] };
          out.set(key, c);
        }
        c.starts.push(s);
      }
    }
    runStart = token !== undefined && token.term >= 0 ? i : i + 1;
  }
  return out;
}

/** A phrase's text as a person would write it, from its terms' preferred forms. */
export function phraseText(doc: AnalysisDoc, terms: readonly number[]): string {
  return terms.map((t) => doc.terms[t]!.display).join(doc.joiner);
}

/** True when `inner` occurs as a contiguous part of `outer`. */
export function containsPhrase(outer: readonly number[], inner: readonly number[]): boolean {
  if (inner.length > outer.length) return false;
  for (let s = 0; s + inner.length <= outer.length; s++) {
    let same = true;
    for (let k = 0; k < inner.length && same; k++) same = outer[s + k] === inner[k];
    if (same) return true;
  }
  return false;
}

/** True when two words share their first six letters (or all of the shorter one): "highlight"/"highlighter". */
export function sameStem(a: string, b: string): boolean {
  const n = Math.min(6, a.length, b.length);
  return n >= 4 && a.slice(0, n) === b.slice(0, n);
}

/** True when two phrases say the same thing in different forms: same length, every word the same stem. */
export function nearDuplicate(doc: AnalysisDoc, a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((t, i) => t === b[i] || sameWord(doc.terms[t]!.key, doc.terms[b[i]!]!.key));
}

/**
 * True when two words are inflections of one ("design"/"designed"/"designing"), unlike {@link sameStem}, which
 * also joins derived words that name different things ("design"/"designer", "nation"/"national").
 */
export function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const base = short.endsWith('e') ? short.slice(0, -1) : short;
  return short.length >= 3 && long.startsWith(base) && /^(?:e|s|es|d|ed|ing|\p{L}?ed|\p{L}?ing)$/u.test(long.slice(base.length));
}
