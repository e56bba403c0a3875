/**
 * A light noun-phrase filter for chapter titles. People title a stretch of a meeting with a noun phrase ("Remote
 * Control Design", "Student Recruitment"), never with an adjective or a participle ("Vulnerable", "Related"). With
 * no tagger at hand, English words are judged by their form (adjective and participle endings, "-ly" adverbs)
 * and by how the meeting uses them: a noun usually ends its phrase ("the remote control"), an adjective usually
 * sits before another content word ("vulnerable children"). Other languages, whose adjectives often follow the
 * noun, are left unfiltered rather than filtered wrongly.
 */
import type { AnalysisDoc } from './document.ts';
import { rarity } from './text/rarity.ts';

// Endings of English adjectives, participles and adverbs. Nouns with these endings exist ("table", "meeting"),
// so the usage test below gets the last word on -ing; the rest are rare enough as nouns to reject outright.
const EN_ADJECTIVE = /(?:able|ible|ous|ful|less|ive|ical|ish|ed|ly|est)$/u;
const EN_NOUN_EXCEPTIONS = new Set(['table', 'cable', 'variable', 'vegetable', 'bible', 'objective', 'initiative',
  'executive', 'representative', 'alternative', 'incentive', 'perspective', 'directive', 'detective', 'motive',
  'archive', 'drive', 'hive', 'olive', 'bed', 'need', 'feed', 'seed', 'speed', 'shed', 'red',
  'reply', 'supply', 'family', 'assembly', 'anomaly', 'monopoly', 'rally', 'ally', 'fly', 'italy', 'july',
  'interest', 'test', 'request', 'contest', 'forest', 'harvest', 'protest', 'quest', 'guest', 'chest', 'west']);
/** A word that ends its phrase in fewer than this share of its uses is a modifier, not a head noun. */
const MIN_HEAD_SHARE = 0.4;

/**
 * For each term of `doc`, whether it can end a title (be the head of a noun phrase). Linear in the transcript.
 */
export function titleHeads(doc: AnalysisDoc): Uint8Array {
  const heads = new Uint8Array(doc.terms.length).fill(1);
  if (doc.lang !== 'en') return heads;
  const ends = new Int32Array(doc.terms.length);
  const uses = new Int32Array(doc.terms.length);
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.term;
    if (t < 0) continue;
    uses[t]!++;
    const next = tokens[i + 1];
    if (!next || next.term < 0 || next.breakBefore) ends[t]!++;
  }
  doc.terms.forEach((term, t) => {
    const word = term.key;
    const adjectiveForm = EN_ADJECTIVE.test(word) && !EN_NOUN_EXCEPTIONS.has(word) && term.capitalRatio < 0.5;
    if (adjectiveForm || ends[t]! < MIN_HEAD_SHARE * uses[t]!) heads[t] = 0;
  });
  return heads;
}

/**
 * How particular a title phrase is, in [0.4, 1]: titles made only of everyday words ("Meeting", "Information")
 * tell the reader little, so they give way to a more particular phrase of similar weight.
 */
export function titleParticularity(doc: AnalysisDoc, terms: readonly number[]): number {
  let rarest = 0;
  for (const t of terms) {
    const term = doc.terms[t]!;
    const r = rarity([term.key, term.display.toLowerCase()], doc.lang);
    if (r === undefined) return 1;
    rarest = Math.max(rarest, r);
  }
  return 0.4 + 0.6 * rarest;
}
