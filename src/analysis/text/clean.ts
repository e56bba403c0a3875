/**
 * Turns spoken sentences into readable ones: hesitations ("uh", "um"), stutters ("th the"), repeated words
 * ("the the", "how much how much") and leading discourse markers ("Okay, so") go; the words that carry meaning
 * stay in their order. Used for every sentence the user reads (summary, chapter summaries, highlights).
 */
import { rarity } from './rarity.ts';
import type { LanguageWords } from './stopwords/index.ts';

/** The markup escapes that survive in text copied out of web pages ("H&amp;M"), and what they stand for. */
const BASIC_ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' };

/**
 * Fixes transcript conventions that would otherwise split words: AMI spells letters as "V_C_R_", and text scraped
 * from web pages keeps escapes such as "H&amp;M" (caption readers decode those already; this catches plain text).
 */
export function normalizeSpoken(text: string): string {
  const unescaped = text.includes('&') ? text.replace(/&(amp|quot|apos|#39|lt|gt);/g, (_m, e: string) => BASIC_ENTITIES[e]!) : text;
  return unescaped.replace(/\b(?:\p{L}_){2,}/gu, (m) => m.replace(/_/g, '')).replace(/\s+/g, ' ').trim();
}

// English fillers that are whole phrases; removed only where commas or the sentence edge set them apart, because
// "you know the answer" and "I mean it" are not fillers.
const EN_PHRASE_FILLERS = /(^|,\s*)(?:you know|i mean|sort of|kind of|like)\s*,\s*/giu;
const EN_PHRASE_FILLERS_END = /,\s*(?:you know|i mean|or something|or whatever)(?=[.!?]?$)/giu;

// Words that open spoken sentences without adding meaning ("Okay, so the budget…" → "The budget…").
const LEADING_MARKERS: Record<string, ReadonlySet<string>> = {
  en: new Set(['so', 'okay', 'ok', 'well', 'yeah', 'yes', 'right', 'alright', 'and', 'but', 'oh', 'now', 'anyway',
    'um', 'uh', 'hmm', 'mm', 'cool', 'great', 'sure', 'no', 'then', 'also', 'basically', 'actually', 'like']),
  es: new Set(['bueno', 'pues', 'entonces', 'vale', 'y', 'pero', 'sí', 'no', 'o sea']),
  fr: new Set(['alors', 'donc', 'bon', 'ben', 'et', 'mais', 'oui', 'voilà', 'bah']),
  de: new Set(['also', 'ja', 'und', 'aber', 'naja', 'gut', 'okay']),
  it: new Set(['allora', 'quindi', 'e', 'ma', 'sì', 'ecco', 'bene']),
  pt: new Set(['então', 'bom', 'e', 'mas', 'sim', 'tipo', 'olha']),
};

const UNSPACED_LANGS = new Set(['ja', 'zh']);

/** Strips punctuation from both ends of a whitespace-separated chunk. */
function core(chunk: string): string {
  return chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Trailing punctuation of a chunk ("," in "um,"). */
function trailing(chunk: string): string {
  return /[^\p{L}\p{N}]*$/u.exec(chunk)?.[0] ?? '';
}

/**
 * A readable version of one spoken sentence in `lang`. Returns '' when nothing but fillers was said.
 */
export function cleanSentence(text: string, lang: string, words: LanguageWords): string {
  let s = text;
  if (UNSPACED_LANGS.has(lang)) {
    // No spaces to split on: remove the fillers as substrings, with the comma that usually follows them.
    // Longest first, so "えーと" goes whole rather than leaving "と" behind after "えー".
    const fillers = [...words.fillers].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const f of fillers) s = s.split(f + '、').join('').split(f + '，').join('').split(f).join('');
    return s.replace(/^[、，,\s]+/u, '').trim();
  }
  if (lang === 'en') s = s.replace(EN_PHRASE_FILLERS, (_m, lead: string) => (lead ? ' ' : '')).replace(EN_PHRASE_FILLERS_END, '');
  const chunks = s.split(/\s+/).filter((c) => c.length > 0);
  const kept: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const word = core(chunk).toLowerCase();
    if (word === '' || words.fillers.has(word)) {
      carryPunctuation(kept, trailing(chunk));
      continue;
    }
    const next = chunks[i + 1];
    const nextWord = next === undefined ? '' : core(next).toLowerCase();
    const bare = trailing(chunk) === '';
    // "th the", "the the": a bare fragment or repeat of the next word is a stutter.
    if (bare && nextWord !== '' && (word === nextWord || (!words.stopwords.has(word) && isFragmentOf(word, nextWord)))) continue;
    // "how much how much": a repeated pair.
    if (bare && i + 3 < chunks.length && trailing(chunks[i + 1]!) === '' &&
      word === core(chunks[i + 2]!).toLowerCase() && nextWord === core(chunks[i + 3]!).toLowerCase()) {
      i++;
      continue;
    }
    // A cut-off English word ("money we had to s just").
    if (lang === 'en' && bare && word.length === 1 && word !== 'a' && word !== 'i' && /\p{Ll}/u.test(chunk)) continue;
    kept.push(chunk);
  }
  dropLeadingMarkers(kept, LEADING_MARKERS[lang]);
  return finish(kept.join(' '));
}

/**
 * True when a spoken word is a disfluency fragment rather than a word: a false start of the word after it ("th
 * the", "bec because"; `next` is '' when punctuation or the sentence end follows), or, in English, a lowercase
 * one- or two-letter piece without a vowel ("th", "wh", "sh"). Fragments never count as content.
 */
export function isWordFragment(word: string, next: string, lang: string): boolean {
  const lower = word.toLowerCase();
  // Acronyms ("TV", "PC") are words; a capital at the start of a sentence ("Wh what") is not a sign of one.
  const acronym = word.length > 1 && word === word.toUpperCase();
  if (lang === 'en' && !acronym && lower.length <= 2 && !/[aeiouy]/u.test(lower)) return true;
  // A real short word may begin the next one ("new news"); the general-English list tells those apart.
  return next !== '' && !acronym && isFragmentOf(lower, next.toLowerCase()) &&
    rarity([lower], lang) === 1;
}

/**
 * True when `word` is a short false start of `next` ("th" → "the", "bec-" → "because"). Callers exclude real
 * function words, which are prefixes of many words ("de desarrollo", "in inside").
 */
function isFragmentOf(word: string, next: string): boolean {
  const w = word.replace(/-$/, '');
  return w.length > 0 && w.length <= 3 && next.length > w.length && next.startsWith(w) && w !== 'a' && w !== 'i';
}

/** Keeps the sentence-final mark of a dropped last chunk ("it's fine um." → "it's fine."). */
function carryPunctuation(kept: string[], punct: string): void {
  const mark = /[.!?]/.exec(punct)?.[0];
  const last = kept.length - 1;
  if (mark && last >= 0 && trailing(kept[last]!) === '') kept[last] = kept[last]! + mark;
}

function dropLeadingMarkers(kept: string[], markers: ReadonlySet<string> | undefined): void {
  if (!markers) return;
  // Keep at least a few words: "Okay." alone stays "Okay." rather than becoming empty.
  while (kept.length > 3 && markers.has(core(kept[0]!).toLowerCase())) kept.shift();
}

/** Tidies spacing and punctuation, capitalizes the first letter and ends with a full stop. */
function finish(s: string): string {
  let out = s
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/^[\s,;:.\-–—]+/u, '')
    .replace(/[\s,;:\-–—]+$/u, '')
    .trim();
  if (out === '') return '';
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (!/[.!?…"'”’)।؟]$/u.test(out)) out += '.';
  return out;
}
