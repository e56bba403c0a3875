/**
 * Light plural folding, so "meeting" and "meetings" count as one word and one key phrase. Deliberately weaker
 * than a real stemmer: "designer" and "design" stay apart, because they are different things in a meeting.
 */

// English words ending in s that are not plurals (stopwords never reach this function).
const EN_KEEP = new Set(['news', 'series', 'species', 'means', 'lens', 'gas', 'bus', 'always', 'perhaps', 'various',
  'previous', 'thus', 'yes', 'bias', 'canvas', 'chaos', 'alias', 'atlas', 'cosmos', 'physics', 'economics',
  'politics', 'mathematics', 'statistics', 'analytics', 'ethics', 'logistics', 'electronics', 'graphics', 'mechanics',
  'kudos', 'plus', 'minus', 'bonus', 'campus', 'virus', 'census', 'focus', 'status', 'corpus', 'iris', 'tennis',
  'crisis', 'analysis', 'basis', 'thesis', 'axis', 'process', 'access', 'success', 'business', 'address', 'class',
  'glass', 'less', 'loss', 'boss', 'cross', 'ios', 'macos', 'sales', 'texas', 'paris', 'athens']);

/** The counting key of a lowercase word: plural endings folded for the languages where that is safe. */
export function stemKey(lower: string, lang: string): string {
  const n = lower.length;
  if (n < 4) return lower;
  switch (lang) {
    case 'en':
      if (EN_KEEP.has(lower) || lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return lower;
      if (lower.endsWith('ies') && n > 4) return lower.slice(0, -3) + 'y';
      // "-ie" nouns fold the way their "-ies" plurals do: "calorie"/"calories", "movie"/"movies".
      if (lower.endsWith('ie') && n > 4) return lower.slice(0, -2) + 'y';
      if (/(?:ch|sh|x|z)es$/.test(lower)) return lower.slice(0, -2);
      if (lower.endsWith('s') && !lower.endsWith("'s")) return lower.slice(0, -1);
      return lower;
    case 'es':
    case 'pt':
      // Plurals add -s after a vowel and -es after a consonant, so both endings and a final -e are cut:
      // "clientes"/"cliente" → "client", "reuniones"/"reunión" → "reunion" (accents folded).
      return fold(lower).replace(/(?:es|s|e)$/, '');
    case 'fr':
      return lower.replace(/(?<=[^s])[sx]$/, '');
    default:
      return lower;
  }
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}
