/**
 * The shared, tokenized view of a transcript that every part of the analysis reads: sentences rebuilt across
 * caption cues, words with their sentence and utterance, and a vocabulary of content terms. Built once per
 * analysis in linear time.
 */
import type { Transcript, Utterance } from '../domain/transcript.ts';
import { isWordFragment, normalizeSpoken } from './text/clean.ts';
import { stemKey } from './text/stem.ts';
import { wordsFor, type LanguageWords } from './text/stopwords/index.ts';
import { splitSentences, splitWords } from './text/tokenize.ts';

/** One word of the transcript. */
export interface Token {
  /** Content term id (index into {@link AnalysisDoc.terms}), or -1 for stopwords, numbers and fragments. */
  term: number;
  sentence: number;
  utterance: number;
  /** True when punctuation or a sentence start separates this word from the previous one: phrases stop here. */
  breakBefore: boolean;
}

/** A sentence as spoken, possibly spread over several caption cues of one speaker. */
export interface Sentence {
  text: string;
  speaker: string | undefined;
  firstUtterance: number;
  lastUtterance: number;
  /** `[tokenStart, tokenEnd)` in {@link AnalysisDoc.tokens}. */
  tokenStart: number;
  tokenEnd: number;
}

/** A content word, plural forms folded together. */
export interface Term {
  key: string;
  /** How the word is best written: its most frequent form, capitalized when the speakers treat it as a name. */
  display: string;
  count: number;
  /** 1 for ordinary content words, less for words too common to be a topic. */
  weight: number;
  /** Share of mid-sentence uses that are capitalized: names and acronyms score near 1. */
  capitalRatio: number;
  firstToken: number;
}

export interface AnalysisDoc {
  lang: string;
  words: LanguageWords;
  timed: boolean;
  utterances: readonly Utterance[];
  /** Media length in ms (0 when untimed). */
  durationMs: number;
  sentences: Sentence[];
  tokens: Token[];
  terms: Term[];
  /** Index of the first token of each utterance, plus one final entry equal to the number of tokens. */
  utteranceTokenStart: Int32Array;
  /** Joins words of a phrase: '' for Japanese and Chinese, ' ' elsewhere. */
  joiner: string;
}

/** Longest sentence kept whole; longer ones (unpunctuated ASR) are cut at cue boundaries. */
const MAX_SENTENCE_WORDS = 50;
/** Cues of one speaker closer than this are one turn, so sentences split across cues are rebuilt. */
const TURN_GAP_MS = 2000;

interface TermStats {
  key: string;
  count: number;
  capital: number;
  lower: number;
  forms: Map<string, number>;
  firstToken: number;
}

/** Builds the analysis view of `transcript` in language `lang`. */
export function buildDocument(transcript: Transcript, lang: string): AnalysisDoc {
  const words = wordsFor(lang);
  const utterances = transcript.utterances;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const stats: TermStats[] = [];
  const termIds = new Map<string, number>();
  const texts = utterances.map((u) => normalizeSpoken(u.text));

  for (let first = 0; first < utterances.length; ) {
    let last = first;
    while (last + 1 < utterances.length && sameTurn(utterances[last]!, utterances[last + 1]!, texts, last, transcript.timed)) last++;
    // Rebuild the turn's text, remembering where each utterance starts in it.
    const offsets: number[] = [];
    let text = '';
    for (let u = first; u <= last; u++) {
      if (text !== '') text += ' ';
      offsets.push(text.length);
      text += texts[u];
    }
    const utteranceAt = (offset: number): number => first + lastAtOrBefore(offsets, offset);
    for (const span of splitSentences(text)) {
      const spans = splitWords(text.slice(span.start, span.end), lang);
      const pieceStarts = cutLongSentence(spans.map((w) => utteranceAt(span.start + w.start)));
      for (let p = 0; p < pieceStarts.length; p++) {
        const from = pieceStarts[p]!;
        const to = pieceStarts[p + 1] ?? spans.length;
        const startOffset = p === 0 ? span.start : span.start + spans[from]!.start;
        const endOffset = to < spans.length ? span.start + spans[to]!.start : span.end;
        const sentence: Sentence = {
          text: text.slice(startOffset, endOffset).trim(),
          speaker: utterances[first]!.speaker,
          firstUtterance: utteranceAt(startOffset),
          lastUtterance: utteranceAt(Math.max(startOffset, endOffset - 1)),
          tokenStart: tokens.length,
          tokenEnd: tokens.length + (to - from),
        };
        const index = sentences.length;
        sentences.push(sentence);
        for (let w = from; w < to; w++) {
          const word = spans[w]!;
          const prevEnd = w === from ? -1 : spans[w - 1]!.end;
          const gap = prevEnd < 0 ? '' : text.slice(span.start + prevEnd, span.start + word.start);
          const after = w + 1 < to ? spans[w + 1]! : undefined;
          const bare = after !== undefined && /^\s+$/u.test(text.slice(span.start + word.end, span.start + after.start));
          const term = isWordFragment(word.text, bare ? after.text : '', lang) ? -1
            : addTerm(word.text, w === from, tokens.length, lang, words, stats, termIds);
          tokens.push({
            term,
            sentence: index,
            utterance: utteranceAt(span.start + word.start),
            breakBefore: w === from || /[^\s]/u.test(gap),
          });
        }
      }
    }
    first = last + 1;
  }

  const utteranceTokenStart = new Int32Array(utterances.length + 1);
  let t = 0;
  for (let u = 0; u <= utterances.length; u++) {
    while (t < tokens.length && tokens[t]!.utterance < u) t++;
    utteranceTokenStart[u] = t;
  }
  const lastEnd = utterances.length > 0 ? utterances[utterances.length - 1]!.endMs : 0;
  return {
    lang,
    words,
    timed: transcript.timed,
    utterances,
    durationMs: transcript.timed ? Math.max(transcript.durationMs ?? 0, lastEnd) : 0,
    sentences,
    tokens,
    terms: stats.map((s) => finishTerm(s, words, lang)),
    utteranceTokenStart,
    joiner: lang === 'ja' || lang === 'zh' ? '' : ' ',
  };
}

/** Index of the last entry of ascending `values` that is ≤ `x` (0 when none is). */
function lastAtOrBefore(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether utterance `b` continues the turn that `a` belongs to. */
function sameTurn(a: Utterance, b: Utterance, texts: string[], ia: number, timed: boolean): boolean {
  if (a.speaker !== b.speaker) return false;
  if (timed) return b.startMs - a.endMs <= TURN_GAP_MS;
  // Plain-text lines are paragraphs; only a line that clearly breaks mid-sentence continues on the next.
  return !/[.!?。！？:"”]$/u.test(texts[ia]!) && /^\p{Ll}/u.test(texts[ia + 1]!);
}

/** Start indexes of the pieces a sentence is cut into: whole when short, else at utterance changes. */
function cutLongSentence(wordUtterances: number[]): number[] {
  const starts = [0];
  if (wordUtterances.length <= MAX_SENTENCE_WORDS) return starts;
  for (let w = 1; w < wordUtterances.length; w++) {
    const pieceLength = w - starts[starts.length - 1]!;
    const remaining = wordUtterances.length - w;
    if (wordUtterances[w] !== wordUtterances[w - 1] && pieceLength >= MAX_SENTENCE_WORDS / 2 && remaining >= 8) starts.push(w);
  }
  return starts;
}

/** Registers one word; returns its term id or -1 when it is not content. */
function addTerm(surface: string, sentenceStart: boolean, position: number, lang: string, words: LanguageWords,
  stats: TermStats[], ids: Map<string, number>): number {
  let form = surface.replace(/’/g, "'");
  if (lang === 'en') form = form.replace(/'s$/i, '');
  // Portuguese joins object pronouns to the verb ("disse-lhe", "trata-se"): the verb is the word.
  if (lang === 'pt') form = form.replace(/-(?:se|lhes?|me|te|nos|vos|l[oa]s?|n[oa]s?|[oa]s?)$/iu, '');
  const lower = form.toLowerCase();
  if (lower.length < 2 || words.stopwords.has(lower) || !/\p{L}/u.test(lower)) return -1;
  const key = stemKey(lower, lang);
  let id = ids.get(key);
  if (id === undefined) {
    id = stats.length;
    ids.set(key, id);
    stats.push({ key, count: 0, capital: 0, lower: 0, forms: new Map(), firstToken: position });
  }
  const s = stats[id]!;
  s.count++;
  const upper = /^\p{Lu}/u.test(form);
  const acronym = form.length > 1 && form === form.toUpperCase() && form !== lower;
  if (!sentenceStart) {
    if (upper) s.capital++;
    else s.lower++;
  }
  // Sentence-initial capitals say nothing about names, so those uses count as lowercase forms.
  const shown = acronym || (upper && !sentenceStart) ? form : lower;
  s.forms.set(shown, (s.forms.get(shown) ?? 0) + 1);
  return id;
}

// Nouns that end like adverbs.
const LY_NOUNS = new Set(['family', 'supply', 'assembly', 'italy', 'july', 'rally', 'reply', 'apply', 'anomaly',
  'monopoly', 'butterfly', 'ally', 'belly', 'jelly', 'bully', 'holly', 'lily', 'emily', 'kelly', 'sally', 'molly']);

/** "-ly" words are adverbs ("basically", "automatically"): how something was said, not what about. */
function isEnglishAdverb(word: string): boolean {
  return word.length > 5 && word.endsWith('ly') && !LY_NOUNS.has(word);
}

function finishTerm(s: TermStats, words: LanguageWords, lang: string): Term {
  const name = s.capital > s.lower;
  let display = s.key;
  let best = -1;
  for (const [form, n] of s.forms) {
    const score = n + (name && form !== form.toLowerCase() ? s.count : 0);
    if (score > best || (score === best && form < display)) {
      best = score;
      display = form;
    }
  }
  const lower = display.toLowerCase();
  const common = words.common.has(lower) || words.common.has(s.key) || (lang === 'en' && isEnglishAdverb(lower));
  return {
    key: s.key,
    display,
    count: s.count,
    weight: common ? 0.35 : 1,
    capitalRatio: s.capital + s.lower === 0 ? 0 : s.capital / (s.capital + s.lower),
    firstToken: s.firstToken,
  };
}
