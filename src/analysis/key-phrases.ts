/**
 * Key phrases: candidate runs of content words (see phrase-candidates.ts) scored by frequency, how specific
 * their words are (common and short words count less) and how early they first appear;
 * then near-duplicates are dropped so each idea shows once. Pieces of longer names ("Katy" of "Katy Perry") count
 * a little less, and a word said mostly next to a chosen one is left to it.
 */
import type { KeyPhrase, TimeSpan } from '../domain/recap.ts';
import type { AnalysisDoc } from './document.ts';
import { candidateWidth, collectCandidates, containsPhrase, nearDuplicate, phraseText, type Candidate } from './phrase-candidates.ts';

/** How many phrases a recap shows unless asked otherwise, and the most it ever shows. */
export const DEFAULT_KEY_PHRASES = 10;
export const MAX_KEY_PHRASES = 20;

/** Tuning knobs of {@link scorePhrase}, kept together so the bench can report what it ran with. */
export const PHRASE_WEIGHTS = {
  /** Exponent on the occurrence count: below 1 so one very frequent word cannot bury everything else. */
  frequency: 0.7,
  /** Extra weight for phrases that first appear at the very start (titles, opening statements). */
  position: 1,
  /** How fast the position bonus fades over the text (20: gone after the first tenth). */
  positionDecay: 10,
  /** Exponent of the word-length factor (0 turns it off). */
  wordLength: 1,
  /** Weight multiplier of words on the stopword-adjacent "common" list. */
  common: 0.5,
  /** A part of a chosen phrase is dropped unless said this many times more often than the phrase. */
  partRatio: 3,
  /** Only a phrase said this often is a settled term that may replace its parts ("remote control"). */
  settledPhrase: 8,
  /**
   * A prepositional phrase said at least 3 times whose every word is said fewer than this many times its count is
   * bound: its words are rarely said apart ("Banco de Portugal", "taxa de desemprego"), so it counts as settled.
   */
  bound: 1.5,
  /** Multiplier of multi-word phrases' scores. */
  multiWord: 0.2,
  /** Texts shorter than this many words keep multi-word phrases said once. */
  shortText: 300,
  /** Multiplier of phrases holding a hyphenated modifier ("10-year-old"). */
  modifier: 0.2,
  /** Letters an acronym counts as: short but specific ("LCD", "FDA"). */
  acronymLength: 5,
  /** Added to single words' frequency exponent in texts shorter than `shortText`, where a repeat stands out. */
  shortFrequency: 0.3,
  /**
   * Multiplier of a word always said inside a longer name ("Katy" of "Katy Perry"); a word said so only some of
   * the time gets that share of the cut.
   */
  namePart: 0.8,
  /**
   * A word said fewer than this many times as often as a pair it forms with a chosen word ("Katy" beside
   * "Perry") is covered by that word (0 turns it off).
   */
  tied: 1.5,
};

/**
 * Salience of a candidate that occurs `count` times, starting first at token `firstStart`. `multiWord` scales
 * phrases said too seldom to be settled terms; titles pass 1, because a title reads better as a phrase.
 */
export function scorePhrase(doc: AnalysisDoc, terms: readonly number[], count: number, firstStart: number,
  multiWord = PHRASE_WEIGHTS.multiWord): number {
  let specificity = 0;
  let longest = 0;
  let letters = 0;
  for (const t of terms) {
    const term = doc.terms[t]!;
    specificity += term.weight < 1 ? PHRASE_WEIGHTS.common : 1;
    // Acronyms are short but specific, so they count as long words.
    const n = isAcronym(term.display) ? PHRASE_WEIGHTS.acronymLength : term.key.length;
    letters += n;
    longest = Math.max(longest, n);
  }
  specificity /= terms.length;
  // Longer words are rarer in general language (Zipf): length stands in for the corpus IDF we do not have.
  // A phrase counts its longest word plus half the others ("cash flow" ≈ a six-letter word). Scripts without
  // spaces pack a word into a few characters, so there length is left out.
  const effective = longest + (letters - longest) / 2;
  if (doc.joiner === ' ') specificity *= Math.pow(Math.min(1.25, (effective - 1) / 8), PHRASE_WEIGHTS.wordLength);
  // A word pair said a few times is usually a coincidence of wording; said often, it is a term of its own. In
  // scripts without spaces the "words" are the segmenter's pieces of one compound (採用計画), so no penalty there.
  if (terms.length > 1 && count < PHRASE_WEIGHTS.settledPhrase && doc.joiner === ' ') specificity *= multiWord;
  if (doc.lang === 'en' && terms.some((t) => isModifierCompound(doc.terms[t]!.display))) specificity *= PHRASE_WEIGHTS.modifier;
  const relative = doc.tokens.length > 0 ? firstStart / doc.tokens.length : 0;
  const position = 1 + PHRASE_WEIGHTS.position / (1 + PHRASE_WEIGHTS.positionDecay * relative);
  return Math.pow(count, PHRASE_WEIGHTS.frequency) * specificity * position;
}

/**
 * Hyphenated descriptions ("10-year-old", "long-awaited", "Albuquerque-based", "camel-colored") say what
 * something is like, not what the text is about; compound nouns ("e-commerce", "re-election") are not matched.
 */
function isModifierCompound(word: string): boolean {
  return word.includes('-') && (/\d/.test(word) || /-(?:\p{L}+(?:ed|ing|ish|esque|like|old|based|style|length|looking|sized|term|time|long|wide))$/iu.test(word));
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

interface Scored {
  candidate: Candidate;
  score: number;
}

/**
 * True when a multi-word candidate is said often enough to be a phrase rather than a coincidence. In a short text
 * (a headline, a note) nothing is said twice, so there a phrase said once counts.
 */
function isPhrase(doc: AnalysisDoc, c: Candidate): boolean {
  return c.terms.length === 1 || c.starts.length >= 2 || doc.tokens.length < PHRASE_WEIGHTS.shortText;
}

/**
 * The top `limit` key phrases of `doc` (default {@link DEFAULT_KEY_PHRASES}, at most {@link MAX_KEY_PHRASES}),
 * best first, with every place they are said. Untimed transcripts get empty `timestamps`.
 */
export function extractKeyPhrases(doc: AnalysisDoc, limit = DEFAULT_KEY_PHRASES,
  candidates: Map<string, Candidate> = collectCandidates(doc)): KeyPhrase[] {
  const max = Math.max(0, Math.min(MAX_KEY_PHRASES, Math.floor(limit)));
  const scored: Scored[] = [];
  const nameShare = namePartShare(doc);
  const short = doc.tokens.length < PHRASE_WEIGHTS.shortText;
  for (const candidate of candidates.values()) {
    if (!isPhrase(doc, candidate)) continue;
    const count = candidate.starts.length;
    let score = scorePhrase(doc, candidate.terms, count, candidate.starts[0]!);
    if (candidate.terms.length === 1) {
      // In a short text nearly every word is said once, so a repeat says more than it would in a long one.
      // (Multi-word phrases have their own count rule, settledPhrase.)
      if (short) score *= Math.pow(count, PHRASE_WEIGHTS.shortFrequency);
      score *= 1 - (1 - PHRASE_WEIGHTS.namePart) * nameShare[candidate.terms[0]!]!;
    }
    scored.push({ candidate, score });
  }
  // Ties broken by first appearance so the order never depends on Map iteration details.
  scored.sort((a, b) => b.score - a.score || a.candidate.starts[0]! - b.candidate.starts[0]! ||
    a.candidate.terms.length - b.candidate.terms.length);
  const bound = [...candidates.values()].filter((c) => isBound(doc, c));
  const chosen: Scored[] = [];
  for (let s of scored) {
    if (chosen.length >= max) break;
    // A word seldom said outside a bound phrase stands for it, at the word's rank: "desemprego" → "taxa de desemprego".
    const whole = bestWhole(doc, s.candidate, bound);
    if (whole) s = { candidate: whole, score: s.score };
    // A phrase that contains chosen words said mostly inside it takes their place: "remote control" replaces
    // "remote" rather than standing next to it.
    const parts = chosen.filter((q) => isPartOf(doc, q.candidate, s.candidate));
    if (parts.length > 0) {
      const first = chosen.indexOf(parts[0]!);
      chosen[first] = { candidate: s.candidate, score: parts[0]!.score };
      for (const p of parts.slice(1)) chosen.splice(chosen.indexOf(p), 1);
      continue;
    }
    if (!isRedundant(doc, s.candidate, chosen) && !isTiedToChosen(doc, s.candidate, chosen, candidates)) chosen.push(s);
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
 * Share of each term's occurrences that sit inside a run of capitalized words, that is, in a longer name: "Katy"
 * and "Perry" in "Katy Perry", "Medical" in "Baptist Medical Center". A piece of a name says less on its own than
 * a word that stands alone; a person is named by the full name or the surname, hardly by the first name alone.
 */
function namePartShare(doc: AnalysisDoc): Float64Array {
  const share = new Float64Array(doc.terms.length);
  const tokens = doc.tokens;
  const isName = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.term >= 0 && doc.terms[t.term]!.capitalRatio > 0.5;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(i)) continue;
    const joinedLeft = !tokens[i]!.breakBefore && isName(i - 1);
    const joinedRight = i + 1 < tokens.length && !tokens[i + 1]!.breakBefore && isName(i + 1);
    if (joinedLeft || joinedRight) share[tokens[i]!.term]! += 1;
  }
  for (let t = 0; t < share.length; t++) share[t] = share[t]! / doc.terms[t]!.count;
  return share;
}

/**
 * True when single word `c` is said mostly next to a chosen single word, as a pair said at least twice ("Katy"
 * when "Perry" is chosen, "Wall" when "Street" is): that word already stands for it, and a second slot would
 * show the same thing twice. A word often said apart from the pair ("Perry" after "Katy") still counts.
 */
function isTiedToChosen(doc: AnalysisDoc, c: Candidate, chosen: readonly Scored[],
  candidates: Map<string, Candidate>): boolean {
  if (PHRASE_WEIGHTS.tied <= 0 || c.terms.length !== 1) return false;
  const a = c.terms[0]!;
  for (const { candidate: q } of chosen) {
    if (q.terms.length !== 1) continue;
    const b = q.terms[0]!;
    const pair = candidates.get(`${a} ${b}`) ?? candidates.get(`${b} ${a}`);
    if (pair && pair.starts.length >= 2 && doc.terms[a]!.count < PHRASE_WEIGHTS.tied * pair.starts.length) return true;
  }
  return false;
}

/** The most said bound phrase that `part` is seldom said without, if any. */
function bestWhole(doc: AnalysisDoc, part: Candidate, bound: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const b of bound) if (isPartOf(doc, part, b) && (!best || b.starts.length > best.starts.length)) best = b;
  return best;
}

/** True when `part` occurs inside `whole`, a settled or bound phrase, and is seldom said without it. */
function isPartOf(doc: AnalysisDoc, part: Candidate, whole: Candidate): boolean {
  return whole.terms.length > part.terms.length &&
    (whole.starts.length >= PHRASE_WEIGHTS.settledPhrase || isBound(doc, whole)) &&
    containsPhrase(whole.terms, part.terms) && part.starts.length < PHRASE_WEIGHTS.partRatio * whole.starts.length;
}

/**
 * True when a phrase held together by a preposition ("taxa de desemprego") is said at least 3 times (twice can be
 * a coincidence of wording) and its words
 * mostly inside it (see PHRASE_WEIGHTS.bound). Adjacent words are left to the usual rules: in English news, names
 * and compounds that always occur together still made worse key phrases than their words.
 */
function isBound(doc: AnalysisDoc, c: Candidate): boolean {
  const count = c.starts.length;
  return c.joins !== undefined && count >= 3 && c.terms.every((t) => doc.terms[t]!.count < PHRASE_WEIGHTS.bound * count);
}

/**
 * A phrase adds nothing when it is part of a chosen one and rarely said without it ("Glen" after "Watkins
 * Glen"), is another form of one ("window highlighter" after "window highlight"), or extends a chosen one but is said much less ("new remote control" after "remote control").
 */
function isRedundant(doc: AnalysisDoc, c: Candidate, chosen: readonly Scored[]): boolean {
  const count = c.starts.length;
  for (const { candidate: q } of chosen) {
    const qCount = q.starts.length;
    if (isPartOf(doc, c, q) || nearDuplicate(doc, c.terms, q.terms)) return true;
    if (containsPhrase(c.terms, q.terms) && count < 0.25 * qCount) return true;
  }
  return false;
}

/** The utterance span of every occurrence; occurrences inside the same utterances are listed once. */
function occurrenceSpans(doc: AnalysisDoc, c: Candidate): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let lastFirst = -1;
  const width = candidateWidth(c);
  for (const start of c.starts) {
    const first = doc.tokens[start]!.utterance;
    const last = doc.tokens[start + width - 1]!.utterance;
    if (first === lastFirst) continue;
    lastFirst = first;
    spans.push({ startMs: doc.utterances[first]!.startMs, endMs: doc.utterances[last]!.endMs });
  }
  return spans;
}
