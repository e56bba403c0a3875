/**
 * How much each utterance gap looks like a topic boundary, from local evidence only: the vocabulary and the mix
 * of speakers change across it (cohesion valleys), new words start being said (novelty), acknowledgements pile up
 * before it and a cue opens the topic after it. Each signal is standardized within the meeting, so the weights
 * mean the same in a short stand-up and a four-hour committee. Linear in the transcript.
 */
import { idfWeights, novelty, speakerFeatures, utteranceTerms, windowCosine, wordWindows } from './cohesion.ts';
import type { AnalysisDoc } from './document.ts';
import { cueStrength, isBackchannel } from './topic-cues.ts';

/**
 * Weights of the standardized signals, learned once by logistic regression on the dev meetings (does a reference
 * boundary lie within three utterances?). Window sizes are in words each side of the gap.
 */
export const BOUNDARY_WEIGHTS = {
  /** Depth of the valley in word cohesion, 300-word windows. */
  lexical: 0.25,
  /** Depth of the valley in who speaks, over short (150-word) and long (600-word) windows. */
  speakersShort: 0.27,
  speakersLong: 0.15,
  /** Share of new words just after the gap, over 150 and 300 words. */
  noveltyShort: 0.24,
  noveltyLong: 0.11,
  /** Share of acknowledgement-only utterances among the four before the gap. */
  backchannel: 0.13,
  /** Strongest topic cue in the three utterances after the gap (0, 0.5 or 1; not standardized). */
  cue: 1.08,
};

/** Half-width of the moving average applied to cohesion before taking valley depths, in gaps. */
const SMOOTHING = 3;
/** Utterances before a gap in which acknowledgements are counted, and after it in which cues are looked for. */
const BACKCHANNEL_SPAN = 4;
const CUE_SPAN = 3;

/** Boundary score of every gap; index g is the gap before utterance g (0 and n are not gaps and score 0). */
export function boundaryScores(doc: AnalysisDoc): Float64Array {
  const n = doc.utterances.length;
  const out = new Float64Array(n + 1);
  if (n < 3) return out;
  const W = BOUNDARY_WEIGHTS;
  const wordsAt = doc.utteranceTokenStart;
  const terms = utteranceTerms(doc);
  const idf2 = idfWeights(doc, terms);
  const speakers = speakerFeatures(doc);
  const w150 = wordWindows(wordsAt, 150);
  const w300 = wordWindows(wordsAt, 300);
  const w600 = wordWindows(wordsAt, 600);
  const valley = (x: Float64Array): Float64Array => depths(smooth(x, SMOOTHING, n), n);
  const idf = idf2.map(Math.sqrt);
  addStandardized(out, valley(windowCosine(terms, idf2, w300)), W.lexical, n);
  addStandardized(out, valley(windowCosine(speakers.features, speakers.w2, w150)), W.speakersShort, n);
  addStandardized(out, valley(windowCosine(speakers.features, speakers.w2, w600)), W.speakersLong, n);
  addStandardized(out, novelty(terms, idf, w150), W.noveltyShort, n);
  addStandardized(out, novelty(terms, idf, w300), W.noveltyLong, n);

  const back = doc.utterances.map((u) => (isBackchannel(u.text, doc.lang) ? 1 : 0));
  const cue = doc.utterances.map((u) => cueStrength(u.text, doc.lang));
  const acknowledged = new Float64Array(n + 1);
  for (let g = 1; g < n; g++) {
    let sum = 0;
    const from = Math.max(0, g - BACKCHANNEL_SPAN);
    for (let u = from; u < g; u++) sum += back[u]!;
    acknowledged[g] = sum / (g - from);
  }
  addStandardized(out, acknowledged, W.backchannel, n);
  for (let g = 1; g < n; g++) {
    let strongest = 0;
    for (let u = g; u < Math.min(n, g + CUE_SPAN); u++) strongest = Math.max(strongest, cue[u]!);
    out[g]! += W.cue * strongest;
  }
  return out;
}

/** Adds `weight` × the z-score of `x` over gaps 1..n-1 to `out`; a constant signal adds nothing. */
function addStandardized(out: Float64Array, x: Float64Array, weight: number, n: number): void {
  let sum = 0, sq = 0;
  for (let g = 1; g < n; g++) sum += x[g]!;
  const mean = sum / (n - 1);
  for (let g = 1; g < n; g++) sq += (x[g]! - mean) ** 2;
  const sd = Math.sqrt(sq / (n - 1));
  if (sd < 1e-9) return;
  for (let g = 1; g < n; g++) out[g]! += (weight * (x[g]! - mean)) / sd;
}

/** Moving average over ±`half` gaps (gaps 1..n-1 only). */
function smooth(values: Float64Array, half: number, n: number): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0, count = 0, lo = 1, hi = 1;
  for (let g = 1; g < n; g++) {
    while (hi < n && hi <= g + half) (sum += values[hi++]!), count++;
    while (lo < g - half) (sum -= values[lo++]!), count--;
    out[g] = count > 0 ? sum / count : 0;
  }
  return out;
}

/**
 * Depth of each gap: how far cohesion climbs on both sides before it starts falling again (TextTiling), in one
 * linear pass each way.
 */
function depths(scores: Float64Array, n: number): Float64Array {
  const leftPeak = new Float64Array(n + 1);
  const rightPeak = new Float64Array(n + 1);
  for (let g = 1; g < n; g++) leftPeak[g] = g > 1 && scores[g - 1]! >= scores[g]! ? Math.max(leftPeak[g - 1]!, scores[g]!) : scores[g]!;
  for (let g = n - 1; g >= 1; g--) rightPeak[g] = g < n - 1 && scores[g + 1]! >= scores[g]! ? Math.max(rightPeak[g + 1]!, scores[g]!) : scores[g]!;
  const out = new Float64Array(n + 1);
  for (let g = 1; g < n; g++) out[g] = leftPeak[g]! + rightPeak[g]! - 2 * scores[g]!;
  return out;
}
