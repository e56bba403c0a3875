/**
 * Prototyping aid: dumps each dev meeting's utterances (content term ids, speaker, words, start time, text) and
 * its reference chapter starts as JSON lines, so segmentation ideas can be tried outside the analyzer.
 * `tsx bench/analysis/seg-dump.ts OUT.jsonl`
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../src/analysis/document.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';
import { MEETINGS_DIR } from './paths.ts';

const lines: string[] = [];
for (const file of readdirSync(MEETINGS_DIR).filter((f) => f.endsWith('.vtt')).sort()) {
  const t = readTranscript(readFileSync(join(MEETINGS_DIR, file)), { filename: file });
  const ref = JSON.parse(readFileSync(join(MEETINGS_DIR, file.replace(/\.vtt$/, '.ref.json')), 'utf8')) as {
    chapters: { startCue: number; startMs: number }[]; cues: number; timing: string };
  const doc = buildDocument(t, 'en');
  const u = doc.utterances.map((x, i) => {
    const terms: number[] = [];
    for (let k = doc.utteranceTokenStart[i]!; k < doc.utteranceTokenStart[i + 1]!; k++) terms.push(doc.tokens[k]!.term);
    return { s: x.speaker ?? '', t: x.text, ms: x.startMs, end: x.endMs, terms };
  });
  const weights = doc.terms.map((x) => x.weight);
  lines.push(JSON.stringify({ id: file.replace(/\.vtt$/, ''), timing: ref.timing, cues: ref.cues, dur: doc.durationMs,
    ref: ref.chapters.map((c) => c.startCue), refMs: ref.chapters.map((c) => c.startMs), u, weights,
    keys: doc.terms.map((x) => x.key) }));
}
writeFileSync(process.argv[2] ?? '/tmp/seg/dump.jsonl', lines.join('\n') + '\n');
