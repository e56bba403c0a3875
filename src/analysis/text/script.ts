/**
 * Writing-system tests shared by language detection and tokenization.
 */

/** Chinese characters (shared by Chinese and Japanese). */
export const HAN = /\p{Script=Han}/u;
/** Hiragana or katakana: only Japanese uses them. */
export const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Scripts written without spaces between words, which need a dictionary-based segmenter. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Counts of letters per script family in a text sample. */
export interface ScriptCounts {
  latin: number;
  han: number;
  kana: number;
  hangul: number;
  cyrillic: number;
  arabic: number;
  devanagari: number;
  other: number;
}

const FAMILIES: [keyof ScriptCounts, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

/** Counts the letters of `text` by script. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, devanagari: 0, other: 0 };
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x41) continue; // digits, spaces and ASCII punctuation say nothing about the script
    let family: keyof ScriptCounts = 'other';
    if (/[A-Za-z]/.test(ch)) family = 'latin';
    else if (/\p{L}/u.test(ch)) family = FAMILIES.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    else continue;
    counts[family]++;
  }
  return counts;
}
