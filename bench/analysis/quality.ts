/**
 * Quality bench: runs the analyzer in-process over every file of a shared dev set, writes one JSON per file, then
 * runs the shared scorer with a `--cmd` that prints those files back. The scorer computes every number itself,
 * exactly as it would with a real CLI, but without 700 Node start-ups (~2 s each under tsx).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';
import { OUTPUT_DIR, SHARED_BENCH } from './paths.ts';

export interface QualityRun {
  /** 'meetings' (VTT → chapters and summary) or 'keyphrases' (TXT → key phrases). */
  set: 'meetings' | 'keyphrases';
  dir: string;
  /** Score only the first N files, as the scorer's --limit does (meetings only). */
  limit?: number;
  /** Analyze as this language (`--lang`), instead of detecting it. */
  lang?: string;
}

const SETS = {
  meetings: { ext: '.vtt', scorer: 'score_meetings.py', placeholder: '{vtt}' },
  keyphrases: { ext: '.txt', scorer: 'score_keyphrases.py', placeholder: '{txt}' },
} as const;

/** Analyzes every file of the set into OUTPUT_DIR/<set>/<id>.json; returns the analyzer's total time in ms. */
export function writeOutputs(run: QualityRun): { files: number; ms: number } {
  const { ext } = SETS[run.set];
  const out = join(OUTPUT_DIR, run.set);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let files = readdirSync(run.dir).filter((f) => f.endsWith(ext)).sort();
  if (run.limit) files = files.slice(0, run.limit);
  let ms = 0;
  for (const file of files) {
    const path = join(run.dir, file);
    const transcript = readTranscript(readFileSync(path), { filename: file });
    const t0 = performance.now();
    const analysis = analyzeTranscript(transcript, { want: ['summary', 'chapters', 'phrases', 'highlights'], ...(run.lang ? { lang: run.lang } : {}) });
    ms += performance.now() - t0;
    writeFileSync(join(out, basename(file, ext) + '.json'), JSON.stringify(analysis));
  }
  return { files: files.length, ms };
}

/** The scorer command line that reads back the outputs written by {@link writeOutputs}. */
export function scorerArgs(run: QualityRun): string[] {
  const { ext, scorer, placeholder } = SETS[run.set];
  const out = join(OUTPUT_DIR, run.set);
  const cmd = `sh -c 'exec cat "${out}/$(basename "$0" ${ext}).json"' ${placeholder}`;
  const args = [join(SHARED_BENCH, scorer), run.dir, '--cmd', cmd, '--baselines'];
  if (run.limit && run.set === 'meetings') args.push('--limit', String(run.limit));
  return args;
}

/** Runs the shared scorer on the written outputs and returns its report. */
export function score(run: QualityRun): string {
  const result = spawnSync('python3', scorerArgs(run), { encoding: 'utf8' });
  if (result.error) throw result.error;
  return (result.stdout ?? '') + (result.stderr ?? '');
}
