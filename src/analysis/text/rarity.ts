/**
 * How rare a word is in everyday speech, from the bundled list of general English (general-english.ts). A key
 * phrase should be what this text is about, and words everyone says everywhere ("problem", "people") rarely are.
 * Only English has a list; other languages get `undefined` and fall back on word length.
 */
import { GENERAL_BANDS, GENERAL_WORDS } from './general-english.ts';

/** Rarity of a word on no list: as if one meeting in a few hundred said it. */
const UNLISTED_SHARE = 0.003;
const MAX_IDF = Math.log(1 / UNLISTED_SHARE);

let bandOf: Map<string, number> | undefined;

function bands(): Map<string, number> {
  if (!bandOf) {
    bandOf = new Map();
    GENERAL_WORDS.forEach((words, band) => {
      for (const w of words.split(' ')) if (w && !bandOf!.has(w)) bandOf!.set(w, band);
    });
  }
  return bandOf;
}

/**
 * Rarity of `forms` (lowercase forms of one word, e.g. its key and its usual spelling) in (0, 1]: the idf of its
 * band relative to that of an unlisted word, using the most widely used form. `undefined` when `lang` has no list.
 */
export function rarity(forms: readonly string[], lang: string): number | undefined {
  if (lang !== 'en') return undefined;
  const map = bands();
  let band = -1;
  for (const f of forms) {
    const b = map.get(f);
    if (b !== undefined && (band < 0 || b < band)) band = b;
  }
  return band < 0 ? 1 : Math.log(1 / GENERAL_BANDS[band]!) / MAX_IDF;
}
