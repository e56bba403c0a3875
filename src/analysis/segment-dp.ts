/**
 * Global topic segmentation by dynamic programming over blocks of about half a minute of speech (Utiyama and
 * Isahara 2001): each chapter pays the cost of coding its words with its own word distribution, plus a fixed
 * price per chapter, minus the local boundary evidence at its start. Choosing all boundaries together is what
 * lets a weak-but-coherent boundary beat a strong-but-isolated dip, which greedy valley picking cannot do.
 * Chapters are capped in length, so the cost is linear in the transcript: blocks × cap × words per block.
 */

/** Knobs of {@link segmentBlocks}. */
export interface DpOptions {
  /** Words per block: the grain boundaries are placed at before snapping to the best utterance gap nearby. */
  blockWords: number;
  /** Shortest and longest chapter, in blocks (the first chapter may be shorter: openings are brief). */
  minBlocks: number;
  maxBlocks: number;
  /** Price of a chapter, times the natural log of the number of content words (Utiyama–Isahara's prior). */
  penalty: number;
  /** Weight of the local boundary score at a chapter's start. */
  bonus: number;
}

/**
 * First utterance of each block: a block closes once it holds `blockWords` words. `wordsAt[u]` is the number of
 * words before utterance u (length n + 1).
 */
export function blockStarts(wordsAt: Int32Array, blockWords: number): number[] {
  const n = wordsAt.length - 1;
  const starts = [0];
  let from = 0;
  for (let u = 0; u + 1 < n; u++) {
    if (wordsAt[u + 1]! - wordsAt[from]! >= blockWords) starts.push((from = u + 1));
  }
  return starts;
}

/**
 * Chapter starts (utterance indexes > 0, ascending) minimizing the total cost. `blockTerms[b]` lists the content
 * term ids said in block b, `vocabulary` is the number of distinct terms, and `local[g]` scores the gap before
 * utterance g; each chosen block boundary moves to the best-scoring gap within half a block of it.
 */
export function segmentBlocks(starts: readonly number[], blockTerms: readonly number[][], vocabulary: number,
  local: Float64Array, n: number, options: DpOptions): number[] {
  const blocks = starts.length;
  const snapped = new Int32Array(blocks);
  const evidence = new Float64Array(blocks);
  for (let b = 1; b < blocks; b++) {
    const next = starts[b + 1] ?? n;
    const lo = Math.max(1, starts[b - 1]! + ((starts[b]! - starts[b - 1]!) >> 1));
    const hi = Math.max(lo + 1, starts[b]! + ((next - starts[b]!) >> 1));
    // The block boundary itself wins ties, so without local evidence nothing moves.
    let best = starts[b]!;
    for (let g = lo; g < hi; g++) if (local[g]! > local[best]!) best = g;
    snapped[b] = best;
    evidence[b] = local[best]!;
  }

  let total = 0;
  for (const list of blockTerms) total += list.length;
  const price = options.penalty * Math.log(Math.max(2, total));
  const best = new Float64Array(blocks + 1).fill(Infinity);
  const prev = new Int32Array(blocks + 1);
  best[0] = 0;
  const counts = new Int32Array(vocabulary);
  const touched: number[] = [];
  for (let i = 0; i < blocks; i++) {
    if (best[i] === Infinity) continue;
    for (const t of touched) counts[t] = 0;
    touched.length = 0;
    // Coding cost of the chapter's words: −Σ c·ln(c+1) + N·ln(N+V), kept up to date one word at a time.
    let sumCLogC = 0, words = 0;
    const base = best[i]! + price - (i > 0 ? options.bonus * evidence[i]! : 0);
    for (let j = i + 1; j <= Math.min(blocks, i + options.maxBlocks); j++) {
      for (const t of blockTerms[j - 1]!) {
        const c = counts[t]!;
        if (c === 0) touched.push(t);
        sumCLogC += cLogC(c + 1) - cLogC(c);
        counts[t] = c + 1;
        words++;
      }
      if (i > 0 && j - i < options.minBlocks) continue;
      const value = base - sumCLogC + words * Math.log(words + vocabulary);
      if (value < best[j]!) {
        best[j] = value;
        prev[j] = i;
      }
    }
  }
  const out: number[] = [];
  for (let j = blocks; j > 0; j = prev[j]!) if (prev[j]! > 0) out.push(snapped[prev[j]!]!);
  return out.reverse();
}

const C_LOG_C = Float64Array.from({ length: 256 }, (_, c) => c * Math.log(c + 1));

/** c·ln(c+1), tabulated for the small counts that make up nearly every update. */
function cLogC(c: number): number {
  return c < 256 ? C_LOG_C[c]! : c * Math.log(c + 1);
}
