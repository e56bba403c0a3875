/**
 * Speed bench: a four-hour synthetic meeting (~33k words, ~5,000 cues) made by concatenating dev meetings end to
 * end, and its first 1/7.5; reports the median full-recap time of each and the ratio (near-linear means ≤ 9×).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript, Utterance } from '../../src/domain/transcript.ts';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';

const TARGET_WORDS = 33_000;
const SCALE = 7.5;
const MAX_CUE_WORDS = 7;

function words(u: Utterance): number {
  return u.text.split(/\s+/).filter(Boolean).length;
}

/**
 * Dev meetings laid end to end (in file-name order) until the target word count. Only meetings whose cues average
 * at most {@link MAX_CUE_WORDS} words are used, so the result has live-caption-sized cues (~5,000 for 33k words).
 */
export function syntheticMeeting(dir: string, targetWords = TARGET_WORDS): Transcript {
  const utterances: Utterance[] = [];
  let offset = 0;
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.vtt')).sort()) {
    const t = readTranscript(readFileSync(join(dir, file)), { filename: file });
    if (t.utterances.reduce((n, u) => n + words(u), 0) > MAX_CUE_WORDS * t.utterances.length) continue;
    for (const u of t.utterances) {
      if (count >= targetWords) break;
      utterances.push({ ...u, startMs: u.startMs + offset, endMs: u.endMs + offset });
      count += words(u);
    }
    if (count >= targetWords) break;
    offset = utterances[utterances.length - 1]!.endMs + 2000;
  }
  return { timed: true, language: 'en', durationMs: utterances[utterances.length - 1]!.endMs, utterances };
}

/** The leading utterances of `t` holding `1/scale` of its words. */
export function prefix(t: Transcript, scale = SCALE): Transcript {
  const total = t.utterances.reduce((n, u) => n + words(u), 0);
  const utterances: Utterance[] = [];
  let count = 0;
  for (const u of t.utterances) {
    if (count >= total / scale) break;
    utterances.push(u);
    count += words(u);
  }
  return { ...t, durationMs: utterances[utterances.length - 1]!.endMs, utterances };
}

/** Median wall time in ms of a full recap of `t` over `runs` runs, after `warmup` unmeasured ones. */
export function medianMs(t: Transcript, runs = 15, warmup = 3): number {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    analyzeTranscript(t, { want: ['summary', 'chapters', 'phrases', 'highlights'] });
    if (i >= warmup) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Lines describing both synthetic meetings and their timings. */
export function speedReport(dir: string): string[] {
  const long = syntheticMeeting(dir);
  const short = prefix(long);
  const describe = (t: Transcript): string =>
    `${t.utterances.reduce((n, u) => n + words(u), 0)} words, ${t.utterances.length} cues, ${((t.durationMs ?? 0) / 3_600_000).toFixed(1)} h`;
  // Warm the JIT on both sizes first, or whichever runs first pays for compilation.
  medianMs(long, 3, 2);
  medianMs(short, 10, 5);
  const shortMs = medianMs(short, 21);
  const longMs = medianMs(long, 21);
  return [
    `speed short (${describe(short)}): median ${shortMs.toFixed(1)} ms`,
    `speed long  (${describe(long)}): median ${longMs.toFixed(1)} ms`,
    `speed ratio long/short ${(longMs / shortMs).toFixed(2)} (words ×${SCALE})`,
  ];
}
