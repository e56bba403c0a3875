/**
 * Title case for chapter titles. English capitalizes every word but short function words; other cased languages
 * capitalize the first word only (their usual style); names and acronyms keep their capitals everywhere.
 */

const EN_MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'via']);

/** `text` in title case for `lang`. */
export function titleCase(text: string, lang: string): string {
  const words = text.split(' ');
  return words
    .map((word, i) => {
      if (word === '') return word;
      const capitalize = i === 0 || (lang === 'en' && !EN_MINOR.has(word));
      return capitalize ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}
