/**
 * Key phrases: candidate runs of content words (see phrase-candidates.ts) scored by frequency, how specific
 * their words are (common words count less, names more), how early they first appear and how long they are;
 * then near-duplicates are dropped so each idea shows once.
 */
import type { KeyPhrase, TimeSpan } from '../domain/recap.ts';
import type { AnalysisDoc } from './document.ts';
import { collectCandidates, containsPhrase, phraseText, type Candidate } from './phrase-candidates.ts';

/** How many phrases a recap shows unless asked otherwise, and the most it ever shows. */
export const DEFAULT_KEY_PHRASES = 10;
export const MAX_KEY_PHRASES = 20;

// Languages where a capital letter mid-sentence marks a name (German capitalizes every noun; CJK has no case).
const CASED = new Set(['en', 'es', 'fr', 'it', 'pt', 'ru']);

/** Tuning knobs of {@link scorePhrase}, kept together so the bench can report what it ran with. */
export const PHRASE_WEIGHTS = {
  /** Exponent on the occurrence count: below 1 so one very frequent word cannot bury everything else. */
  frequency: 0.8,
  /** Extra weight for words mostly written with a capital mid-sentence (names, acronyms). */
  capital: 0.6,
  /** Extra weight for phrases that first appear at the very start (titles, opening statements). */
  position: 0.5,
  /** Multiplier per extra word in a phrase. */
  perExtraWord: 0.45,
};

/** Salience of a candidate that occurs `count` times, starting first at token `firstStart`. */
export function scorePhrase(doc: AnalysisDoc, terms: readonly number[], count: number, firstStart: number): number {
  const cased = CASED.has(doc.lang);
  let specificity = 0;
  for (const t of terms) {
    const term = doc.terms[t]!;
    specificity += term.weight * (1 + (cased ? PHRASE_WEIGHTS.capital * term.capitalRatio : 0));
  }
  specificity /= terms.length;
  const relative = doc.tokens.length > 0 ? firstStart / doc.tokens.length : 0;
  const position = 1 + PHRASE_WEIGHTS.position / (1 + 20 * relative);
  const length = 1 + PHRASE_WEIGHTS.perExtraWord * (terms.length - 1);
  return Math.pow(count, PHRASE_WEIGHTS.frequency) * specificity * position * length;
}

interface Scored {
  candidate: Candidate;
  score: number;
}

/** True when a multi-word candidate is said often enough to be a phrase rather than a coincidence. */
function isPhrase(c: Candidate, shortText: boolean): boolean {
  return c.terms.length === 1 || c.starts.length >= 2 || shortText;
}

/**
 * The top `limit` key phrases of `doc` (default {@link DEFAULT_KEY_PHRASES}, at most {@link MAX_KEY_PHRASES}),
 * best first, with every place they are said. Untimed transcripts get empty `timestamps`.
 */
export function extractKeyPhrases(doc: AnalysisDoc, limit = DEFAULT_KEY_PHRASES,
  candidates: Map<string, Candidate> = collectCandidates(doc)): KeyPhrase[] {
  const max = Math.max(0, Math.min(MAX_KEY_PHRASES, Math.floor(limit)));
  const shortText = doc.tokens.length < 150;
  const scored: Scored[] = [];
  for (const candidate of candidates.values()) {
    if (!isPhrase(candidate, shortText)) continue;
    scored.push({ candidate, score: scorePhrase(doc, candidate.terms, candidate.starts.length, candidate.starts[0]!) });
  }
  // Ties broken by first appearance so the order never depends on Map iteration details.
  scored.sort((a, b) => b.score - a.score || a.candidate.starts[0]! - b.candidate.starts[0]! ||
    a.candidate.terms.length - b.candidate.terms.length);
  const chosen: Scored[] = [];
  for (const s of scored) {
    if (chosen.length >= max) break;
    if (!isRedundant(s.candidate, chosen)) chosen.push(s);
  }
  const top = chosen[0]?.score ?? 1;
  return chosen.map(({ candidate, score }) => ({
    text: phraseText(doc, candidate.terms),
    count: candidate.starts.length,
    rank: Math.round((score / top) * 1000) / 1000,
    timestamps: doc.timed ? occurrenceSpans(doc, candidate) : [],
  }));
}

/**
 * A phrase adds nothing when it is part of a chosen one and rarely said without it ("Glen" after "Watkins
 * Glen"), or extends a chosen one but is said much less ("new remote control" after "remote control").
 */
function isRedundant(c: Candidate, chosen: readonly Scored[]): boolean {
  const count = c.starts.length;
  for (const { candidate: q } of chosen) {
    const qCount = q.starts.length;
    if (containsPhrase(q.terms, c.terms) && count < 2 * qCount) return true;
    if (containsPhrase(c.terms, q.terms) && count < 0.5 * qCount) return true;
  }
  return false;
}

/** The utterance span of every occurrence; occurrences inside the same utterances are listed once. */
function occurrenceSpans(doc: AnalysisDoc, c: Candidate): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let lastFirst = -1;
  for (const start of c.starts) {
    const first = doc.tokens[start]!.utterance;
    const last = doc.tokens[start + c.terms.length - 1]!.utterance;
    if (first === lastFirst) continue;
    lastFirst = first;
    spans.push({ startMs: doc.utterances[first]!.startMs, endMs: doc.utterances[last]!.endMs });
  }
  return spans;
}
