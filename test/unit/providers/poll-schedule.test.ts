import { describe, expect, it } from 'vitest';
import { pollDelayMs } from '../../../src/providers/wait-for-job.ts';

/** A seeded generator so the statistics are repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('P-12 polling intervals', () => {
  const pacing = { initialMs: 3000, maxMs: 15_000 };

  it('P-12 intervals grow from the initial interval and stay under the cap plus jitter', () => {
    const random = mulberry32(42);
    const runs = Array.from({ length: 500 }, () => Array.from({ length: 10 }, (_, n) => pollDelayMs(pacing, n, random)));
    const mean = (n: number) => runs.reduce((sum, run) => sum + run[n]!, 0) / runs.length;
    for (let n = 1; n < 4; n++) expect(mean(n)).toBeGreaterThan(mean(n - 1) * 1.3);
    expect(mean(0)).toBeGreaterThan(2700);
    expect(mean(0)).toBeLessThan(3300);
    for (const run of runs) for (const delay of run) expect(delay).toBeLessThanOrEqual(15_000 * 1.2);
    expect(mean(9)).toBeGreaterThan(14_000);
  });

  it('P-12 spreads jobs that start together (jitter), within ±20 %', () => {
    const random = mulberry32(7);
    const first = Array.from({ length: 1000 }, () => pollDelayMs(pacing, 0, random));
    expect(Math.min(...first)).toBeGreaterThanOrEqual(2400);
    expect(Math.max(...first)).toBeLessThanOrEqual(3600);
    expect(new Set(first).size).toBeGreaterThan(500);
    const spread = Math.max(...first) - Math.min(...first);
    expect(spread).toBeGreaterThan(1000);
  });
});
