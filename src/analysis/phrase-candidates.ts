/**
 * Candidate key phrases: every run of up to {@link MAX_PHRASE_WORDS} content words that no stopword or
 * punctuation interrupts (the RAKE idea), with where each occurrence is. Shared by key phrases (ranked over the
 * whole meeting) and chapter titles (ranked within a chapter).
 */
import type { AnalysisDoc } from './document.ts';
import { splitWords } from './text/tokenize.ts';

/** Longest candidate, in words. Longer runs are almost always two phrases side by side. */
export const MAX_PHRASE_WORDS = 3;

export interface Candidate {
  /** Term ids in order. */
  terms: number[];
  /** Token index where each occurrence starts, ascending. */
  starts: number[];
  /**
   * Words said between consecutive terms, for phrases joined by a preposition ("taxa de desemprego": `['de']`);
   * absent when the terms are adjacent.
   */
  joins?: string[];
}

/** Tokens one occurrence of `c` spans: its terms plus any joining words. */
export function candidateWidth(c: Candidate): number {
  let width = c.terms.length;
  if (c.joins) for (const j of c.joins) if (j !== '') width += j.split(' ').length;
  return width;
}

/**
 * Prepositions that hold a noun phrase together in Romance languages, where English would stack nouns
 * ("taxa de desemprego", "Banco de Portugal", "Ministerio de la Presidencia"): the preposition, then articles that
 * may follow it. Only these may sit inside a phrase; any other stopword still ends it.
 */
const JOINERS: Readonly<Record<string, { heads: ReadonlySet<string>; articles: ReadonlySet<string> }>> = {
  pt: { heads: new Set(['de', 'da', 'do', 'das', 'dos']), articles: new Set() },
  es: { heads: new Set(['de', 'del']), articles: new Set(['la', 'las', 'los']) },
};

/** Joining words of candidates, by their terms array, so {@link phraseText} can write them back. */
const JOINS_OF = new WeakMap<readonly number[], readonly string[]>();

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
  const joiners = JOINERS[doc.lang];
  if (joiners) collectJoined(doc, joiners, out);
  return out;
}

/**
 * Adds the candidates that run through one joining preposition: up to {@link MAX_PHRASE_WORDS} content words in
 * all, taken from the content runs on either side ("novo orçamento do Estado"). The preposition's spelling comes
 * from re-splitting the sentence, which happens only for sentences where a stopword sits between content words.
 */
function collectJoined(doc: AnalysisDoc, joiners: (typeof JOINERS)[string], out: Map<string, Candidate>): void {
  const tokens = doc.tokens;
  const n = tokens.length;
  const sentenceWords = new Map<number, string[] | null>();
  const wordAt = (i: number): string | undefined => {
    const sentence = tokens[i]!.sentence;
    const s = doc.sentences[sentence]!;
    let words = sentenceWords.get(sentence);
    if (words === undefined) {
      const spans = splitWords(s.text, doc.lang);
      // The document was split the same way; if the counts disagree, leave the sentence alone.
      words = spans.length === s.tokenEnd - s.tokenStart ? spans.map((w) => w.text.toLowerCase()) : null;
      sentenceWords.set(sentence, words);
    }
    return words?.[i - s.tokenStart];
  };
  const inPhrase = (i: number): boolean => i < n && tokens[i]!.term >= 0 && !tokens[i]!.breakBefore;
  for (let j = 1; j < n - 1; j++) {
    const t = tokens[j]!;
    if (t.term >= 0 || t.breakBefore || tokens[j - 1]!.term < 0) continue;
    const head = wordAt(j);
    if (head === undefined || !joiners.heads.has(head)) continue;
    let k = j + 1;
    const joined = [head];
    if (k < n && tokens[k]!.term < 0 && !tokens[k]!.breakBefore) {
      const article = wordAt(k);
      if (article === undefined || !joiners.articles.has(article)) continue;
      joined.push(article);
      k++;
    }
    if (!inPhrase(k)) continue;
    const join = joined.join(' ');
    // Left part: tokens[left, j); right part: tokens[k, right].
    for (let a = 1; a < MAX_PHRASE_WORDS; a++) {
      const left = j - a;
      if (left < 0 || tokens[left]!.term < 0 || tokens[left + 1]!.breakBefore) break;
      for (let b = 1; a + b <= MAX_PHRASE_WORDS; b++) {
        const right = k + b - 1;
        if (b > 1 && !inPhrase(right)) break;
        const terms: number[] = [];
        for (let m = left; m < j; m++) terms.push(tokens[m]!.term);
        for (let m = k; m <= right; m++) terms.push(tokens[m]!.term);
        const key = `${terms.slice(0, a).join(' ')} ~${join}~ ${terms.slice(a).join(' ')}`;
        let c = out.get(key);
        if (!c) {
          const joins = terms.slice(1).map((_, m) => (m === a - 1 ? join : ''));
          c = { terms, starts: [], joins };
          JOINS_OF.set(terms, joins);
          out.set(key, c);
        }
        c.starts.push(left);
      }
    }
  }
}

/** A phrase's text as a person would write it, from its terms' preferred forms. */
export function phraseText(doc: AnalysisDoc, terms: readonly number[]): string {
  const joins = JOINS_OF.get(terms);
  if (!joins) return terms.map((t) => doc.terms[t]!.display).join(doc.joiner);
  let text = doc.terms[terms[0]!]!.display;
  for (let i = 1; i < terms.length; i++) text += `${doc.joiner}${joins[i - 1] ? joins[i - 1] + doc.joiner : ''}${doc.terms[terms[i]!]!.display}`;
  return text;
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
