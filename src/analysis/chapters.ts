/**
 * Chapters: topic segments (segmentation.ts) that cover the meeting end to end, each titled with the phrase
 * most particular to it and summarized by its most central sentence.
 */
import type { Chapter } from '../domain/recap.ts';
import type { AnalysisDoc } from './document.ts';
import { scorePhrase } from './key-phrases.ts';
import { collectCandidates, containsPhrase, phraseText, sameStem, type Candidate } from './phrase-candidates.ts';
import { segment } from './segmentation.ts';
import { centroid, readableSentence } from './sentence-scores.ts';
import { titleHeads, titleParticularity } from './title-words.ts';
import { pickSentences, truncateWords } from './summary.ts';

/** A chapter with the utterance range it covers, for highlights to spread over. */
export interface ChapterSpan extends Chapter {
  firstUtterance: number;
  /** Exclusive. */
  endUtterance: number;
}

/** "and" in each language whose titles can join two words. */
const AND: Record<string, string> = { en: 'and', es: 'y', fr: 'et', de: 'und', it: 'e', pt: 'e', ru: 'и', ar: 'و', hi: 'और', ko: '및' };

/** Extra title score per extra word of a phrase. */
const TITLE_PHRASE_BONUS = 0.5;

/** Shortest and longest chapter summary, in words: one informative sentence. */
const CHAPTER_SUMMARY_MIN_WORDS = 9;
const CHAPTER_SUMMARY_WORDS = 40;

/**
 * Splits `doc` into chapters. Timed transcripts get `startMs`/`endMs` that tile the whole media (first chapter
 * from 0, last to the end); untimed ones get none.
 */
export function buildChapters(doc: AnalysisDoc, candidates: Map<string, Candidate> = collectCandidates(doc)): ChapterSpan[] {
  const starts = segment(doc);
  const n = doc.utterances.length;
  const titles = chapterTitles(doc, starts, candidates);
  return starts.map((first, k) => {
    const end = starts[k + 1] ?? n;
    const chapter: ChapterSpan = { title: titles[k]!, firstUtterance: first, endUtterance: end };
    if (doc.timed) {
      chapter.startMs = k === 0 ? 0 : doc.utterances[first]!.startMs;
      chapter.endMs = end < n ? doc.utterances[end]!.startMs : Math.max(doc.durationMs, doc.utterances[n - 1]!.endMs);
    }
    const summary = chapterSummary(doc, first, end);
    if (summary) chapter.summary = summary;
    return chapter;
  });
}

/** The chapter's most central sentence (against the chapter's own centroid), cleaned. */
function chapterSummary(doc: AnalysisDoc, first: number, end: number): string | undefined {
  const from = doc.utteranceTokenStart[first]!;
  const to = doc.utteranceTokenStart[end]!;
  const indexes: number[] = [];
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i]!;
    if (s.firstUtterance >= first && s.firstUtterance < end) indexes.push(i);
  }
  const [best] = pickSentences(doc, CHAPTER_SUMMARY_WORDS, indexes, centroid(doc, from, to), CHAPTER_SUMMARY_MIN_WORDS);
  if (best !== undefined) return readableSentence(doc, best);
  // Nothing of a readable length: the longest thing said, cut to size.
  let longest = '';
  for (const i of indexes) {
    const text = readableSentence(doc, i);
    if (text.length > longest.length) longest = text;
  }
  return longest ? truncateWords(doc, longest, CHAPTER_SUMMARY_WORDS) : undefined;
}

/**
 * One title per chapter: the candidate phrase that is frequent in the chapter and more frequent there than in the
 * rest of the meeting, as a short noun phrase in title case. Titles are kept distinct across chapters.
 */
function chapterTitles(doc: AnalysisDoc, starts: readonly number[], candidates: Map<string, Candidate>): string[] {
  const k = starts.length;
  const tokenStarts = starts.map((u) => doc.utteranceTokenStart[u]!);
  const total = Math.max(1, doc.tokens.length);
  const share = tokenStarts.map((from, i) => Math.max(1, (tokenStarts[i + 1] ?? doc.tokens.length) - from) / total);
  const ranked: { terms: number[]; score: number }[][] = Array.from({ length: k }, () => []);
  // Words said once anywhere are not what a chapter is about, except in very short texts.
  const minCount = doc.tokens.length < 300 ? 1 : 2;
  const heads = titleHeads(doc);
  for (const c of candidates.values()) {
    // Titles are noun phrases: the last word must be able to head one ("Remote Control", not "Vulnerable").
    if (c.starts.length < minCount || !heads[c.terms[c.terms.length - 1]!]) continue;
    const particular = titleParticularity(doc, c.terms);
    const counts = new Array<number>(k).fill(0);
    const firsts = new Array<number>(k).fill(-1);
    let chapter = 0;
    for (const s of c.starts) {
      while (chapter + 1 < k && tokenStarts[chapter + 1]! <= s) chapter++;
      if (counts[chapter] === 0) firsts[chapter] = s;
      counts[chapter]!++;
    }
    for (let i = 0; i < k; i++) {
      const count = counts[i]!;
      if (count === 0 || (c.terms.length > 1 && count < 2)) continue;
      // Lift: how much more the chapter says it than its share of the meeting would predict.
      const lift = count / c.starts.length / share[i]!;
      // Titles read better as phrases ("Speech Recognition") than as single words, hence the length bonus.
      const score = scorePhrase(doc, c.terms, count, firsts[i]! - tokenStarts[i]! + 1, 1) * Math.sqrt(Math.min(lift, 4)) *
        (1 + TITLE_PHRASE_BONUS * (c.terms.length - 1)) * particular;
      ranked[i]!.push({ terms: c.terms, score });
    }
  }
  const used = new Set<string>();
  return ranked.map((list, i) => {
    list.sort((a, b) => b.score - a.score || a.terms.length - b.terms.length || a.terms[0]! - b.terms[0]!);
    const title = composeTitle(doc, list, used);
    used.add(title.toLowerCase());
    return title || `Part ${i + 1}`;
  });
}

/**
 * The best unused phrase; a lone word gets a second, unrelated strong word joined by "and" ("Battery and Case"),
 * because one word alone rarely tells a reader what was discussed.
 */
function composeTitle(doc: AnalysisDoc, list: readonly { terms: number[]; score: number }[], used: ReadonlySet<string>): string {
  const top = list.find((p) => !used.has(titleCase(phraseText(doc, p.terms), doc.lang).toLowerCase()));
  if (!top) return '';
  let text = phraseText(doc, top.terms);
  if (top.terms.length === 1 && doc.joiner === ' ') {
    const first = doc.terms[top.terms[0]!]!.key;
    // The second word must be a different idea, not a variant ("downsampling" / "downsampled").
    const second = list.find((p) => p !== top && p.terms.length === 1 && p.score >= 0.5 * top.score &&
      !containsPhrase(p.terms, top.terms) && !sameStem(doc.terms[p.terms[0]!]!.key, first));
    if (second) text = `${text} ${AND[doc.lang] ?? 'and'} ${phraseText(doc, second.terms)}`;
  }
  return titleCase(text, doc.lang);
}

const EN_MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'via']);

/**
 * Title case: English capitalizes every word but short function words; other cased languages capitalize the
 * first word only (their usual style); names and acronyms keep their capitals everywhere.
 */
export function titleCase(text: string, lang: string): string {
  return text
    .split(' ')
    .map((word, i) => (i === 0 || (lang === 'en' && !EN_MINOR.has(word)) ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}
