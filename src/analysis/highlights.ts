/**
 * Highlights: the stretches of a timed meeting most worth replaying, within a total duration. Sentences are
 * scored like summary sentences, picked chapter by chapter in turn so every part of the meeting is represented,
 * widened to whole utterances, merged with touching neighbours, then extended until the budget is nearly used.
 */
import type { Highlight } from '../domain/recap.ts';
import type { ChapterSpan } from './chapters.ts';
import type { AnalysisDoc } from './document.ts';
import { centroid, overlap, readableSentence, scoreSentence, sentenceTerms, wordCount } from './sentence-scores.ts';
import { cleanSentence } from './text/clean.ts';

/** Utterances closer than this are merged into one highlight (the gap is replayed too). */
const MERGE_GAP_MS = 1500;
/** The share of the budget the extension pass tries to reach. */
const FILL_SHARE = 0.9;

/** A highlight as an inclusive utterance range. */
interface Range {
  first: number;
  last: number;
  score: number;
  /** Content terms of the sentence it was picked for, to avoid replaying the same point twice. */
  terms: Set<number>;
}

/** Candidates sharing more than this much vocabulary with a chosen highlight repeat it. */
const MAX_OVERLAP = 0.6;

/**
 * Highlights of `doc` totalling at most `targetMs`, sorted by time. Untimed transcripts have none: nothing may
 * invent times for them.
 */
export function selectHighlights(doc: AnalysisDoc, chapters: readonly ChapterSpan[], targetMs: number): Highlight[] {
  if (!doc.timed || doc.utterances.length === 0 || targetMs <= 0) return [];
  const queues = chapterQueues(doc, chapters, targetMs);
  const chosen: Range[] = [];
  // Round-robin over chapters (strongest first) so highlights spread over the meeting.
  const order = queues.map((q, i) => ({ i, best: q[0]?.score ?? 0 })).sort((a, b) => b.best - a.best || a.i - b.i);
  for (let progress = true; progress; ) {
    progress = false;
    for (const { i } of order) {
      const queue = queues[i]!;
      while (queue.length > 0) {
        const candidate = queue.shift()!;
        if (chosen.some((r) => candidate.first <= r.last && r.first <= candidate.last)) continue;
        if (chosen.some((r) => overlap(r.terms, candidate.terms) > MAX_OVERLAP)) continue;
        if (total(doc, [...chosen, candidate]) > targetMs) continue;
        chosen.push(candidate);
        progress = true;
        break;
      }
    }
  }
  extend(doc, chosen, targetMs);
  return merge(doc, chosen).map((r) => ({
    startMs: doc.utterances[r.first]!.startMs,
    endMs: doc.utterances[r.last]!.endMs,
    text: spokenText(doc, r),
  }));
}

/** Per chapter, its sentences as utterance ranges, best first; ranges longer than half the budget are left out. */
function chapterQueues(doc: AnalysisDoc, chapters: readonly ChapterSpan[], targetMs: number): Range[][] {
  const weights = centroid(doc);
  const maxMs = Math.max(targetMs / 2, Math.min(targetMs, 15_000));
  const queues: Range[][] = chapters.map(() => []);
  let chapter = 0;
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i]!;
    while (chapter + 1 < chapters.length && s.firstUtterance >= chapters[chapter + 1]!.firstUtterance) chapter++;
    const ms = doc.utterances[s.lastUtterance]!.endMs - doc.utterances[s.firstUtterance]!.startMs;
    if (ms > maxMs || wordCount(doc, readableSentence(doc, i)) < 4) continue;
    const score = scoreSentence(doc, s, weights);
    if (score > 0) queues[chapter]?.push({ first: s.firstUtterance, last: s.lastUtterance, score, terms: sentenceTerms(doc, s) });
  }
  for (const q of queues) q.sort((a, b) => b.score - a.score || a.first - b.first);
  return queues;
}

/** Total replay time of `ranges` once touching ones are merged. */
function total(doc: AnalysisDoc, ranges: readonly Range[]): number {
  let sum = 0;
  for (const r of merge(doc, ranges)) sum += doc.utterances[r.last]!.endMs - doc.utterances[r.first]!.startMs;
  return sum;
}

/** Sorts and merges ranges that overlap, touch, or are separated by less than {@link MERGE_GAP_MS}. */
function merge(doc: AnalysisDoc, ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const out: Range[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && (r.first <= prev.last + 1 || doc.utterances[r.first]!.startMs - doc.utterances[prev.last]!.endMs <= MERGE_GAP_MS)) {
      prev.last = Math.max(prev.last, r.last);
      prev.score = Math.max(prev.score, r.score);
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Widens the chosen ranges by neighbouring utterances (the strongest range first, after then before, since the
 * point of a remark usually follows it) until the budget is nearly used.
 */
function extend(doc: AnalysisDoc, chosen: Range[], targetMs: number): void {
  const n = doc.utterances.length;
  const byScore = [...chosen].sort((a, b) => b.score - a.score || a.first - b.first);
  for (let grew = true; grew && total(doc, chosen) < FILL_SHARE * targetMs; ) {
    grew = false;
    for (const r of byScore) {
      for (const step of [1, -1]) {
        const first = step < 0 ? r.first - 1 : r.first;
        const last = step > 0 ? r.last + 1 : r.last;
        if (first < 0 || last >= n) continue;
        const wider = { ...r, first, last };
        if (total(doc, chosen.map((c) => (c === r ? wider : c))) > targetMs) continue;
        r.first = first;
        r.last = last;
        grew = true;
      }
    }
  }
}

/** What is said in a range, fillers removed. */
function spokenText(doc: AnalysisDoc, r: Range): string {
  const parts: string[] = [];
  for (let u = r.first; u <= r.last; u++) parts.push(doc.utterances[u]!.text);
  return cleanSentence(parts.join(' '), doc.lang, doc.words);
}
