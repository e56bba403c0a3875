/**
 * Topic segmentation of a transcript into utterance ranges, TextTiling-style: lexical cohesion between a window of
 * words before and after every utterance gap (updated incrementally, so linear in transcript length), smoothed;
 * valleys deep relative to their neighbouring peaks are candidate boundaries, pulled onto nearby discourse cues,
 * pauses and speaker changes; the strongest survive, as many as the meeting's length calls for.
 */
import type { AnalysisDoc } from './document.ts';
import { cueStrength } from './discourse-cues.ts';

/** Tuning knobs, kept together so the bench can report what it ran with. */
export const SEGMENTATION = {
  /** Target chapter length for timed transcripts (ms) and, for untimed ones, in words. */
  chapterMs: 8 * 60_000,
  chapterWords: 1200,
  /** Cohesion window each side of a gap, as a share of the target chapter length (in content words). */
  windowShare: 0.3,
  minWindow: 20,
  maxWindow: 300,
  /** Half-width of the moving average over gap scores, in gaps. */
  smoothing: 3,
  /** Chapters shorter than this share of the target length are not allowed. */
  minChapterShare: 0.35,
  /** How far (in words) a boundary may move to land on a cue, pause or speaker change. */
  snapWords: 60,
};

/** Start utterance index of every chapter; the first is always 0. Empty for an empty transcript. */
export function segment(doc: AnalysisDoc): number[] {
  const n = doc.utterances.length;
  if (n === 0) return [];
  const wordsAt = doc.utteranceTokenStart;
  const totalWords = wordsAt[n]!;
  const target = targetChapters(doc, totalWords);
  if (target <= 1 || n < 4) return [0];

  const contentWords = countContent(doc);
  const window = clamp(Math.round((contentWords / target) * SEGMENTATION.windowShare), SEGMENTATION.minWindow, SEGMENTATION.maxWindow);
  const scores = smooth(cohesion(doc, window), SEGMENTATION.smoothing);
  const depth = depths(scores);
  const minGap = (totalWords / target) * SEGMENTATION.minChapterShare;

  // Candidates: valleys (local minima) of the smoothed cohesion, scored by depth, snapped to a natural break.
  const candidates: { gap: number; strength: number }[] = [];
  for (let g = 1; g < n; g++) {
    const s = scores[g]!;
    if (!(s <= scores[g - 1]! && s <= (scores[g + 1] ?? Infinity)) || depth[g]! <= 0) continue;
    const snapped = snap(doc, g);
    candidates.push({ gap: snapped.gap, strength: depth[g]! + 0.1 * snapped.bonus });
  }
  candidates.sort((a, b) => b.strength - a.strength || a.gap - b.gap);
  const chosen: number[] = [];
  for (const c of candidates) {
    if (chosen.length >= target - 1) break;
    const at = wordsAt[c.gap]!;
    if (at < minGap || totalWords - at < minGap) continue;
    if (chosen.some((g) => Math.abs(wordsAt[g]! - at) < minGap)) continue;
    chosen.push(c.gap);
  }
  return [0, ...chosen.sort((a, b) => a - b)];
}

/** How many chapters the meeting's length calls for: about one per {@link SEGMENTATION.chapterMs}. */
function targetChapters(doc: AnalysisDoc, totalWords: number): number {
  const byLength = doc.timed && doc.durationMs > 0 ? doc.durationMs / SEGMENTATION.chapterMs : totalWords / SEGMENTATION.chapterWords;
  return Math.max(1, Math.round(byLength));
}

function countContent(doc: AnalysisDoc): number {
  let n = 0;
  for (const t of doc.tokens) if (t.term >= 0) n++;
  return n;
}

/**
 * Cosine similarity between the `window` content words before each gap and the `window` after it, weighted by
 * inverse utterance frequency (words said everywhere do not mark topics). Index g is the gap before utterance g.
 */
function cohesion(doc: AnalysisDoc, window: number): Float64Array {
  const n = doc.utterances.length;
  const tokens = doc.tokens;
  const starts = doc.utteranceTokenStart;
  const terms = (u: number): number[] => {
    const out: number[] = [];
    for (let i = starts[u]!; i < starts[u + 1]!; i++) if (tokens[i]!.term >= 0) out.push(tokens[i]!.term);
    return out;
  };
  const utteranceTerms = Array.from({ length: n }, (_, u) => terms(u));
  const df = new Float64Array(doc.terms.length);
  for (const list of utteranceTerms) for (const t of new Set(list)) df[t]!++;
  const w2 = df.map((d, t) => {
    const idf = Math.log((n + 1) / (d + 1)) * doc.terms[t]!.weight;
    return idf * idf;
  });

  const left = new Float64Array(doc.terms.length);
  const right = new Float64Array(doc.terms.length);
  let dot = 0, normL = 0, normR = 0, sizeL = 0, sizeR = 0;
  const addLeft = (u: number, d: number): void => {
    for (const t of utteranceTerms[u]!) {
      dot += d * right[t]! * w2[t]!;
      normL += w2[t]! * (2 * d * left[t]! + 1);
      left[t]! += d;
    }
    sizeL += d * utteranceTerms[u]!.length;
  };
  const addRight = (u: number, d: number): void => {
    for (const t of utteranceTerms[u]!) {
      dot += d * left[t]! * w2[t]!;
      normR += w2[t]! * (2 * d * right[t]! + 1);
      right[t]! += d;
    }
    sizeR += d * utteranceTerms[u]!.length;
  };

  const out = new Float64Array(n + 1);
  let a = 0; // left window is utterances [a, g)
  let b = 1; // right window is utterances [g, b)
  addLeft(0, 1);
  for (let g = 1; g < n; g++) {
    if (g > 1) {
      addRight(g - 1, -1);
      addLeft(g - 1, 1);
    }
    if (b <= g) {
      addRight(g, 1);
      b = g + 1;
    }
    while (b < n && sizeR < window) addRight(b++, 1);
    while (a < g - 1 && sizeL - utteranceTerms[a]!.length >= window) addLeft(a++, -1);
    out[g] = normL > 0 && normR > 0 ? dot / Math.sqrt(normL * normR) : 0;
  }
  out[0] = out[1] ?? 0;
  out[n] = out[n - 1] ?? 0;
  return out;
}

/** Moving average over ±`half` gaps (gaps 1..n-1 only). */
function smooth(values: Float64Array, half: number): Float64Array {
  const n = values.length - 1;
  const out = new Float64Array(values.length);
  let sum = 0, count = 0, lo = 1, hi = 1;
  for (let g = 1; g < n; g++) {
    while (hi < n && hi <= g + half) sum += values[hi++]!, count++;
    while (lo < g - half) sum -= values[lo++]!, count--;
    out[g] = count > 0 ? sum / count : 0;
  }
  out[0] = out[1] ?? 0;
  out[n] = out[n - 1] ?? 0;
  return out;
}

/**
 * Depth of each gap: how far cohesion climbs on both sides before it starts falling again (TextTiling), in one
 * linear pass each way.
 */
function depths(scores: Float64Array): Float64Array {
  const n = scores.length - 1;
  const leftPeak = new Float64Array(n + 1);
  const rightPeak = new Float64Array(n + 1);
  for (let g = 1; g < n; g++) leftPeak[g] = g > 1 && scores[g - 1]! >= scores[g]! ? Math.max(leftPeak[g - 1]!, scores[g]!) : scores[g]!;
  for (let g = n - 1; g >= 1; g--) rightPeak[g] = g < n - 1 && scores[g + 1]! >= scores[g]! ? Math.max(rightPeak[g + 1]!, scores[g]!) : scores[g]!;
  const out = new Float64Array(n + 1);
  for (let g = 1; g < n; g++) out[g] = leftPeak[g]! + rightPeak[g]! - 2 * scores[g]!;
  return out;
}

/** Moves a boundary at gap `g` to the most natural break within reach: a topic cue, a long pause, a new speaker. */
function snap(doc: AnalysisDoc, g: number): { gap: number; bonus: number } {
  const n = doc.utterances.length;
  const at = doc.utteranceTokenStart;
  let best = g;
  let bestScore = breakScore(doc, g);
  for (let d = 1; ; d++) {
    let inReach = false;
    for (const h of [g - d, g + d]) {
      if (h < 1 || h >= n || Math.abs(at[h]! - at[g]!) > SEGMENTATION.snapWords) continue;
      inReach = true;
      // Nearer breaks win ties, and a slightly weaker break nearby beats a slightly stronger far one.
      const score = breakScore(doc, h) - 0.002 * d;
      if (score > bestScore) {
        bestScore = score;
        best = h;
      }
    }
    if (!inReach) break;
  }
  return { gap: best, bonus: Math.max(0, bestScore) };
}

/** How much the gap before utterance `g` looks like a place where a new topic starts. */
function breakScore(doc: AnalysisDoc, g: number): number {
  const u = doc.utterances[g]!;
  const prev = doc.utterances[g - 1]!;
  let score = cueStrength(u.text, doc.lang);
  if (u.speaker !== prev.speaker) score += 0.15;
  if (doc.timed) score += Math.min(1, Math.max(0, (u.startMs - prev.endMs - 1000) / 5000));
  return score;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
