/**
 * Lexical and speaker cohesion across every utterance gap: how similar the words (and the mix of speakers) just
 * before a gap are to those just after it. Windows slide with two pointers and the similarity is updated one word
 * at a time, so the cost is linear in the transcript, not quadratic like a full similarity matrix (C99).
 */
import type { AnalysisDoc } from './document.ts';

/** The left window of gap g is utterances [left[g], g) and the right one [g, right[g]). */
export interface Windows {
  left: Int32Array;
  right: Int32Array;
}

/**
 * Windows of about `words` words (stopwords included) each side of every gap: the left one reaches back to the
 * first utterance that keeps it within `words`, the right one forward to the first that fills it. Two pointers.
 */
export function wordWindows(wordsAt: Int32Array, words: number): Windows {
  const n = wordsAt.length - 1;
  const left = new Int32Array(n + 1);
  const right = new Int32Array(n + 1);
  let a = 0, b = 0;
  for (let g = 1; g < n; g++) {
    while (wordsAt[a]! < wordsAt[g]! - words) a++;
    if (b <= g) b = g + 1;
    while (b < n && wordsAt[b]! < wordsAt[g]! + words) b++;
    left[g] = Math.min(a, g - 1);
    right[g] = b;
  }
  return { left, right };
}

/**
 * Weighted cosine similarity between the feature counts of the left and right window of every gap, updated
 * incrementally as the windows slide (linear overall). `features[u]` lists utterance u's feature ids, repeats
 * allowed; `w2[f]` is the squared weight of feature f. Index g is the gap before utterance g.
 */
export function windowCosine(features: readonly number[][], w2: Float64Array, win: Windows): Float64Array {
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
export function utteranceTerms(doc: AnalysisDoc): number[][] {
  const starts = doc.utteranceTokenStart;
  return Array.from({ length: doc.utterances.length }, (_, u) => {
    const out: number[] = [];
    for (let i = starts[u]!; i < starts[u + 1]!; i++) if (doc.tokens[i]!.term >= 0) out.push(doc.tokens[i]!.term);
    return out;
  });
}

/** Squared idf weights over utterances: words said everywhere do not mark topics. */
export function idfWeights(doc: AnalysisDoc, terms: readonly number[][]): Float64Array {
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
export function speakerFeatures(doc: AnalysisDoc): { features: number[][]; w2: Float64Array } {
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

/**
 * Novelty of every gap: the share of the idf mass of the distinct words in the right window that nobody had said
 * before the gap. A new topic brings new words; a digression back to old ones does not. Linear: the right window
 * only ever loses its first utterance and gains at its end.
 */
export function novelty(terms: readonly number[][], idf: Float64Array, win: Windows): Float64Array {
  const n = terms.length;
  const firstSaid = new Int32Array(idf.length).fill(n);
  for (let u = n - 1; u >= 0; u--) for (const t of terms[u]!) firstSaid[t] = u;
  const count = new Int32Array(idf.length);
  const novel = new Uint8Array(idf.length);
  const out = new Float64Array(n + 1);
  let total = 0, fresh = 0, b = 0;
  for (let g = 1; g < n; g++) {
    // Utterance g-1 leaves the window; words first said there stop being new.
    for (const t of terms[g - 1]!) {
      if (novel[t]) (novel[t] = 0), (fresh -= idf[t]!);
      if (b > g - 1 && --count[t]! === 0) total -= idf[t]!;
    }
    for (b = Math.max(b, g); b < win.right[g]!; b++) {
      for (const t of terms[b]!) {
        if (count[t]!++ > 0) continue;
        total += idf[t]!;
        if (firstSaid[t]! >= g) (novel[t] = 1), (fresh += idf[t]!);
      }
    }
    out[g] = total > 1e-9 ? fresh / total : 0;
  }
  return out;
}
