/**
 * Key phrase tuning aid: F1@10 on the news dev set computed in-process (same normalization as
 * score_keyphrases.py), for a grid over one PHRASE_WEIGHTS knob: `tsx bench/analysis/tune-phrases.ts [name=value …] KNOB V1 V2 …`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';
import { PHRASE_WEIGHTS } from '../../src/analysis/key-phrases.ts';
import { KEYPHRASES_DIR } from './paths.ts';

const norm = (p: string): string => p.toLowerCase().replace(/[^\p{L}\p{N}_\s]+/gu, ' ').split(/\s+/).filter(Boolean)
  .map((w) => w.replace(/(?<=\w\w\w)(es|s)$/u, '')).join(' ');
const docs = readdirSync(KEYPHRASES_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => ({
  transcript: readTranscript(readFileSync(join(KEYPHRASES_DIR, f)), { filename: f }),
  gold: new Set(readFileSync(join(KEYPHRASES_DIR, f.replace(/\.txt$/, '.key')), 'utf8').split('\n').filter((l) => l.trim()).map(norm)),
}));

function f1(): number {
  let sum = 0;
  for (const d of docs) {
    const out = analyzeTranscript(d.transcript, { want: ['phrases'] }).keyPhrases ?? [];
    const pred = [...new Set(out.map((k) => norm(k.text)))].filter(Boolean).slice(0, 10);
    const hit = pred.filter((p) => d.gold.has(p)).length;
    if (hit > 0) sum += (2 * (hit / pred.length) * (hit / d.gold.size)) / (hit / pred.length + hit / d.gold.size);
  }
  return sum / docs.length;
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
if (!knob) console.log(`f1 ${f1().toFixed(4)}`);
for (const v of values) {
  weights[knob!] = Number(v);
  console.log(`${knob}=${v} f1 ${f1().toFixed(4)}`);
}
