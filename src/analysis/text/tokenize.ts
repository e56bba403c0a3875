/**
 * Word and sentence splitting for every supported language.
 *
 * Space-delimited scripts are split with one Unicode regex; runs of Han, kana or Thai go through `Intl.Segmenter`,
 * which has the dictionaries those scripts need. Sending everything through the segmenter would be simpler but
 * it costs ~60 ms per 33k words on short strings and grows quadratically on long ones (11 s for a 33k-word string
 * in Node 20), far over the analyzer's budget.
 */
import { UNSPACED } from './script.ts';

/** A word and where it sits in the text it came from. */
export interface WordSpan {
  text: string;
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
}

/** A sentence as a `[start, end)` range of the text it came from, trimmed of surrounding spaces. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Letters, marks and digits, joined through inner apostrophes and hyphens ("don't", "cost-wise", "3-day"), and
// through an ampersand between capitals, the way company names and initialisms are written ("H&M", "AT&T", "R&D").
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’\-]|(?<=\p{Lu})&(?=\p{Lu}))[\p{L}\p{M}\p{N}]+)*/gu;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, seg);
  }
  return seg;
}

/** Splits `text` into words; punctuation and spaces are dropped. `lang` picks the CJK/Thai dictionary. */
export function splitWords(text: string, lang: string): WordSpan[] {
  const out: WordSpan[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    if (!UNSPACED.test(word)) {
      out.push({ text: word, start: m.index, end: m.index + word.length });
      continue;
    }
    // Only the unspaced run is segmented, so a long transcript never reaches the segmenter as one string.
    for (const seg of segmenterFor(lang).segment(word)) {
      if (!seg.isWordLike) continue;
      const start = m.index + seg.index;
      out.push({ text: seg.segment, start, end: start + seg.segment.length });
    }
  }
  return out;
}

// A run of terminal punctuation plus closing quotes/brackets, followed by space or the end (Latin style), or
// CJK full-width terminators, which need no space after them.
const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)|[。！？!?]+["'”’」』)\]]*/gu;

// A period after these does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'jr', 'sr', 'no', 'fig', 'approx',
  'dept', 'sra', 'sr', 'srta', 'm', 'mme', 'hr', 'nr', 'bzw', 'z.b', 'ca', 'u.s', 'a.m', 'p.m',
]);

/** True when the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[i]!)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/**
 * Splits `text` into sentences at terminal punctuation (Latin and CJK), keeping abbreviations and initials
 * inside their sentence. Text without punctuation is one sentence; callers cut those at utterance boundaries.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    if (m[0] === '.' && isAbbreviation(text, m.index)) continue;
    pushTrimmed(text, from, m.index + m[0].length, out);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  // A lone punctuation mark ("?" or "...") is not a sentence.
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end });
}
