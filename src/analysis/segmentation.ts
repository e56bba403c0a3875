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
  chapterMs: 10 * 60_000,
  chapterWords: 1200,
  /** Upper bound on chapters whatever the length: a chapter list longer than this is not skimmable. */
  maxChapters: 40,
  /** Boundaries weaker than this (in typical-valley units) are dropped once the minimum count is reached. */
  minStrength: 0,
  /** The minimum chapter count, as a share of the length-based target. */
  minShareOfTarget: 0.5,
  /** Cohesion window each side of a gap, as a share of the target chapter length (in content words). */
  windowShare: 0.6,
  minWindow: 20,
  maxWindow: 300,
  /** Weight of the speaker mix (who holds the floor) against the vocabulary in cohesion. */
  speakerShare: 0.4,
  /** Half-width of the moving average over gap scores, in gaps. */
  smoothing: 3,
  /** Chapters shorter than this share of the target length are not allowed. */
  minChapterShare: 0.35,
  /** How far (in words) a boundary may move to land on a cue, pause or speaker change. */
  snapWords: 60,
  /** Weight of the natural-break score (cue, pause, new speaker) against normalized depth. */
  breakWeight: 5,
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
  const terms = utteranceTerms(doc);
  const win = windows(terms.map((t) => t.length), window);
  const lexical = windowCosine(terms, idfWeights(doc, terms), win);
  const speakers = speakerFeatures(doc);
  const who = windowCosine(speakers.features, speakers.w2, win);
  const mixed = lexical.map((x, g) => (1 - SEGMENTATION.speakerShare) * x + SEGMENTATION.speakerShare * who[g]!);
  const scores = smooth(mixed, SEGMENTATION.smoothing);
  const depth = depths(scores);
  const minGap = (totalWords / target) * SEGMENTATION.minChapterShare;

  // Candidates: valleys (local minima) of the smoothed cohesion, scored by depth, snapped to a natural break.
  const candidates: { gap: number; strength: number }[] = [];
  const minBoundaries = Math.max(0, Math.floor(target * SEGMENTATION.minShareOfTarget) - 1);
  const valleys: number[] = [];
  for (let g = 1; g < n; g++) {
    const s = scores[g]!;
    if (s <= scores[g - 1]! && s <= (scores[g + 1] ?? Infinity) && depth[g]! > 0) valleys.push(g);
  }
  // Depths relative to this meeting's typical valley, so cue weights mean the same in every meeting.
  const typical = valleys.reduce((sum, g) => sum + depth[g]!, 0) / Math.max(1, valleys.length) || 1;
  for (const g of valleys) {
    const snapped = snap(doc, g);
    candidates.push({ gap: snapped.gap, strength: depth[g]! / typical + SEGMENTATION.breakWeight * snapped.bonus });
  }
  candidates.sort((a, b) => b.strength - a.strength || a.gap - b.gap);
  const chosen: number[] = [];
  for (const c of candidates) {
    if (chosen.length >= Math.min(target, SEGMENTATION.maxChapters) - 1) break;
    if (chosen.length >= minBoundaries && c.strength < SEGMENTATION.minStrength) break;
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

/** The left window of gap g is utterances [left[g], g) and the right one [g, right[g]), each ≈ `window` content words. */
interface Windows {
  left: Int32Array;
  right: Int32Array;
}

/** Sliding windows of about `window` content words on each side of every gap, by two pointers. */
function windows(sizes: ArrayLike<number>, window: number): Windows {
  const n = sizes.length;
  const left = new Int32Array(n + 1);
  const right = new Int32Array(n + 1);
  let a = 0, b = 0, sizeL = 0, sizeR = 0;
  for (let g = 1; g < n; g++) {
    sizeL += sizes[g - 1]!;
    if (b < g) b = g, sizeR = 0;
    else sizeR -= sizes[g - 1]!;
    while (b < n && sizeR < window) sizeR += sizes[b++]!;
    while (a < g - 1 && sizeL - sizes[a]! >= window) sizeL -= sizes[a++]!;
    left[g] = a;
    right[g] = b;
  }
  return { left, right };
}

/**
 * Weighted cosine similarity between the feature counts of the left and right window of every gap, updated
 * incrementally as the windows slide (linear overall). `features[u]` lists utterance u's feature ids, repeats
 * allowed; `w2[f]` is the squared weight of feature f. Index g is the gap before utterance g.
 */
function windowCosine(features: readonly number[][], w2: Float64Array, win: Windows): Float64Array {
  const n = features.length;
  const left = new Float64Array(w2.length);
  const right = new Float64Array(w2.length);
  let dot = 0, normL = 0, normR = 0;
  const add = (u: number, side: Float64Array, other: Float64Array, d: number): number => {
    let norm = 0;
    for (const f of features[u]!) {
      dot += d * other[f]! * w2[f]!;
      norm += w2[f]! * (2 * d * side[f]! + 1);
      side[f]! += d;
    }
    return norm;
  };
  const out = new Float64Array(n + 1);
  let a = 0, b = 0;
  for (let g = 1; g < n; g++) {
    // Utterance g-1 leaves the right window (if it was in it) and joins the left one.
    if (b > g - 1) normR += add(g - 1, right, left, -1);
    normL += add(g - 1, left, right, 1);
    for (b = Math.max(b, g); b < win.right[g]!; b++) normR += add(b, right, left, 1);
    for (; a < win.left[g]!; a++) normL += add(a, left, right, -1);
    out[g] = normL > 1e-9 && normR > 1e-9 ? dot / Math.sqrt(normL * normR) : 0;
  }
  out[0] = out[1] ?? 0;
  out[n] = out[n - 1] ?? 0;
  return out;
}

/** Content term ids of each utterance. */
function utteranceTerms(doc: AnalysisDoc): number[][] {
  const starts = doc.utteranceTokenStart;
  return Array.from({ length: doc.utterances.length }, (_, u) => {
    const out: number[] = [];
    for (let i = starts[u]!; i < starts[u + 1]!; i++) if (doc.tokens[i]!.term >= 0) out.push(doc.tokens[i]!.term);
    return out;
  });
}

/** Squared idf weights over utterances: words said everywhere do not mark topics. */
function idfWeights(doc: AnalysisDoc, terms: readonly number[][]): Float64Array {
  const n = terms.length;
  const df = new Float64Array(doc.terms.length);
  const last = new Int32Array(doc.terms.length).fill(-1);
  terms.forEach((list, u) => {
    for (const t of list) if (last[t] !== u) (last[t] = u), df[t]!++;
  });
  return df.map((d, t) => {
    const idf = Math.log((n + 1) / (d + 1)) * doc.terms[t]!.weight;
    return idf * idf;
  });
}

/** Who speaks in each utterance, once per word, so the speaker mix of a window reflects who holds the floor. */
function speakerFeatures(doc: AnalysisDoc): { features: number[][]; w2: Float64Array } {
  const ids = new Map<string, number>();
  const features = doc.utterances.map((u, i) => {
    const key = u.speaker ?? '';
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    const words = doc.utteranceTokenStart[i + 1]! - doc.utteranceTokenStart[i]!;
    return new Array<number>(words).fill(id);
  });
  return { features, w2: new Float64Array(ids.size).fill(1) };
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
