/**
 * One-file shim for the shared scorers: `tsx bench/analysis/cli.ts FILE` prints the full local analysis of a
 * VTT, SRT or TXT transcript as JSON, the shape score_meetings.py and score_keyphrases.py read.
 */
import { readFileSync } from 'node:fs';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tsx bench/analysis/cli.ts FILE\n');
  process.exit(2);
}
const transcript = readTranscript(readFileSync(file), { filename: file });
const analysis = analyzeTranscript(transcript, { want: ['summary', 'chapters', 'phrases', 'highlights'] });
process.stdout.write(JSON.stringify(analysis) + '\n');
