/**
 * Language detection for transcripts that do not say their language: the script decides between most languages,
 * and for Latin script the share of each language's most frequent function words decides.
 */
import { countScripts } from './script.ts';

/** The most frequent, most distinctive function words of each Latin-script language. */
const SIGNATURES: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'it', 'you', 'we', 'this', 'was', 'for', 'with', 'have', 'are', 'what', 'they', 'be', 'i', 'so'],
  es: ['el', 'la', 'que', 'de', 'y', 'los', 'las', 'es', 'por', 'un', 'una', 'con', 'para', 'no', 'se', 'lo', 'pero', 'está', 'como', 'muy', 'del', 'en'],
  fr: ['le', 'la', 'les', 'et', 'est', 'une', 'des', 'que', 'pas', 'je', 'nous', 'vous', 'dans', 'pour', 'sur', 'ce', 'qui', 'avec', 'du', 'il'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ich', 'wir', 'sie', 'es', 'ein', 'eine', 'zu', 'mit', 'auf', 'den', 'dem', 'auch', 'für', 'wie'],
  it: ['il', 'che', 'di', 'e', 'è', 'un', 'una', 'per', 'non', 'sono', 'con', 'del', 'della', 'gli', 'questo', 'anche', 'ma', 'perché', 'lo', 'ci'],
  pt: ['o', 'que', 'de', 'e', 'não', 'um', 'uma', 'é', 'para', 'com', 'os', 'do', 'da', 'em', 'mas', 'você', 'isso', 'na', 'no', 'ao'],
};

const SIGNATURE_SETS = new Map(Object.entries(SIGNATURES).map(([lang, words]) => [lang, new Set(words)]));

/** How much text to look at: detection needs a few hundred words, not a four-hour meeting. */
const SAMPLE_CHARS = 6000;

/**
 * Detects the primary language of `text` as a BCP 47 code: one of en, es, fr, de, it, pt, ja, zh, ko, ar, hi, ru.
 * Falls back to `en` when nothing decides (empty text, digits only).
 */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const s = countScripts(sample);
  const total = s.latin + s.han + s.kana + s.hangul + s.cyrillic + s.arabic + s.devanagari + s.other;
  if (total === 0) return 'en';
  // Japanese mixes kana into Han text; a few percent of kana is enough to tell it from Chinese.
  if (s.kana > 0 && s.kana >= 0.05 * (s.han + s.kana)) return 'ja';
  const scored: [string, number][] = [
    ['zh', s.han], ['ko', s.hangul], ['ru', s.cyrillic], ['ar', s.arabic], ['hi', s.devanagari], ['latin', s.latin],
  ];
  let best = scored[0]!;
  for (const entry of scored) if (entry[1] > best[1]) best = entry;
  if (best[1] === 0) return 'en';
  return best[0] === 'latin' ? detectLatin(sample) : best[0];
}

/** Picks the Latin-script language whose function words cover the most tokens; ties go to English. */
function detectLatin(sample: string): string {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let bestLang = 'en';
  let bestHits = 0;
  for (const [lang, set] of SIGNATURE_SETS) {
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      bestLang = lang;
    }
  }
  return bestLang;
}
