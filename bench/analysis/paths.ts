/** Where the bench finds the shared data and keeps its outputs. */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is bench/analysis/paths.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared bench folder, a sibling of the repository: /work/main → /work/shared/bench. */
export const SHARED_BENCH = resolve(REPO_ROOT, '..', 'shared', 'bench');
export const MEETINGS_DIR = join(SHARED_BENCH, 'meetings', 'dev');
export const KEYPHRASES_DIR = join(SHARED_BENCH, 'keyphrases', 'dev');
/** Analyzer outputs, one JSON per input file, which the scorers then read back through `cat`. */
export const OUTPUT_DIR = join(tmpdir(), 'recap-bench-analysis');
/**
 * The Portuguese broadcast-news key phrase set (110-PT-BN-KP, LIAAD/KeywordExtractor-Datasets on GitHub) is not in
 * ../shared/bench: point RECAP_BENCH_PT_DIR at a folder of ID.txt + ID.key pairs made from its docsutf8/ and keys/.
 */
export const PT_KEYPHRASES_DIR = process.env.RECAP_BENCH_PT_DIR || undefined;
export const PT_SET_HOWTO =
  'unzip datasets/110-PT-BN-KP.zip from github.com/LIAAD/KeywordExtractor-Datasets and copy docsutf8/X.txt and keys/X.key side by side into one folder';
