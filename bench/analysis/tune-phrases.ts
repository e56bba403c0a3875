/**
 * Key phrase tuning aid: F1@10 on the news dev set computed in-process (same normalization as
 * score_keyphrases.py), for a grid over one PHRASE_WEIGHTS knob: `tsx bench/analysis/tune-phrases.ts [name=value …] KNOB V1 V2 …`.
 * Each line also shows the two halves of the set (files sorted by name, odd and even positions), because a change
 * that helps only one half is fitting the dev set rather than the task. `KP_DIR=…` scores another set in the
 * same format (e.g. the Portuguese one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';
import { PHRASE_WEIGHTS } from '../../src/analysis/key-phrases.ts';
import { KEYPHRASES_DIR } from './paths.ts';

const dir = process.env.KP_DIR ?? KEYPHRASES_DIR;
const norm = (p: string): string => p.toLowerCase().replace(/[^\p{L}\p{N}_\s]+/gu, ' ').split(/\s+/).filter(Boolean)
  .map((w) => w.replace(/(?<=\w\w\w)(es|s)$/u, '')).join(' ');
const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({
  transcript: readTranscript(readFileSync(join(dir, f)), { filename: f }),
  gold: new Set(readFileSync(join(dir, f.replace(/\.txt$/, '.key')), 'utf8').split('\n').filter((l) => l.trim()).map(norm)),
}));

/** F1@10 of every document, in file-name order. */
function scores(): number[] {
  return docs.map((d) => {
    const out = analyzeTranscript(d.transcript, { want: ['phrases'] }).keyPhrases ?? [];
    const pred = [...new Set(out.map((k) => norm(k.text)))].filter(Boolean).slice(0, 10);
    const hit = pred.filter((p) => d.gold.has(p)).length;
    if (hit === 0) return 0;
    return (2 * (hit / pred.length) * (hit / d.gold.size)) / (hit / pred.length + hit / d.gold.size);
  });
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** "f1 0.1994 (odd 0.2001 even 0.1987)": the whole set, then the halves at odd and even positions. */
function report(): string {
  const s = scores();
  const odd = mean(s.filter((_, i) => i % 2 === 0));
  const even = mean(s.filter((_, i) => i % 2 === 1));
  return `f1 ${mean(s).toFixed(4)} (odd ${odd.toFixed(4)} even ${even.toFixed(4)})`;
}

// Arguments `name=value` fix a knob first; then `KNOB V1 V2 …` runs the grid.
const weights = PHRASE_WEIGHTS as unknown as Record<string, number>;
const args = process.argv.slice(2).filter((a) => {
  const [name, value] = a.split('=');
  if (value === undefined) return true;
  weights[name!] = Number(value);
  return false;
});
const [knob, ...values] = args;
if (!knob) console.log(report());
for (const v of values) {
  weights[knob!] = Number(v);
  console.log(`${knob}=${v} ${report()}`);
}
