/**
 * Word lists per supported language, built once per language and shared by every analysis.
 */
import { AR_FILLERS, AR_STOPWORDS } from './ar.ts';
import { DE_FILLERS, DE_STOPWORDS } from './de.ts';
import { EN_COMMON, EN_FILLERS, EN_STOPWORDS } from './en.ts';
import { ES_FILLERS, ES_STOPWORDS } from './es.ts';
import { FR_FILLERS, FR_STOPWORDS } from './fr.ts';
import { HI_FILLERS, HI_STOPWORDS } from './hi.ts';
import { IT_FILLERS, IT_STOPWORDS } from './it.ts';
import { JA_FILLERS, JA_STOPWORDS } from './ja.ts';
import { KO_FILLERS, KO_STOPWORDS } from './ko.ts';
import { PT_COMMON, PT_FILLERS, PT_STOPWORDS } from './pt.ts';
import { RU_FILLERS, RU_STOPWORDS } from './ru.ts';
import { ZH_FILLERS, ZH_STOPWORDS } from './zh.ts';

/** Languages the analyzer has word lists for (BCP 47 primary codes). */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ja', 'zh', 'ko', 'ar', 'hi', 'ru'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** The word lists of one language, all lowercase. */
export interface LanguageWords {
  /** Words that never carry a topic; fillers included. */
  readonly stopwords: ReadonlySet<string>;
  /** Hesitation sounds that can be deleted from a sentence without changing what it says. */
  readonly fillers: ReadonlySet<string>;
  /** Content words too common to be a topic on their own (weighted down, not dropped). */
  readonly common: ReadonlySet<string>;
}

const LISTS: Record<SupportedLanguage, [readonly string[], readonly string[], readonly string[]]> = {
  en: [EN_STOPWORDS, EN_FILLERS, EN_COMMON],
  es: [ES_STOPWORDS, ES_FILLERS, []],
  fr: [FR_STOPWORDS, FR_FILLERS, []],
  de: [DE_STOPWORDS, DE_FILLERS, []],
  it: [IT_STOPWORDS, IT_FILLERS, []],
  pt: [PT_STOPWORDS, PT_FILLERS, PT_COMMON],
  ja: [JA_STOPWORDS, JA_FILLERS, []],
  zh: [ZH_STOPWORDS, ZH_FILLERS, []],
  ko: [KO_STOPWORDS, KO_FILLERS, []],
  ar: [AR_STOPWORDS, AR_FILLERS, []],
  hi: [HI_STOPWORDS, HI_FILLERS, []],
  ru: [RU_STOPWORDS, RU_FILLERS, []],
};

const cache = new Map<SupportedLanguage, LanguageWords>();

/** True when `lang` is one of {@link SUPPORTED_LANGUAGES}. */
export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

/**
 * The word lists for `lang`. Unsupported languages get the English lists: most transcripts Recap sees in an
 * unlisted language still mix in English, and empty lists would make every word a key phrase.
 */
export function wordsFor(lang: string): LanguageWords {
  const code: SupportedLanguage = isSupportedLanguage(lang) ? lang : 'en';
  let words = cache.get(code);
  if (!words) {
    const [stop, fill, common] = LISTS[code];
    const fillers = new Set(fill.map((w) => w.toLowerCase()));
    const stopwords = new Set([...stop.map((w) => w.toLowerCase()), ...fillers]);
    words = { stopwords, fillers, common: new Set(common.filter((w) => !stopwords.has(w))) };
    cache.set(code, words);
  }
  return words;
}
