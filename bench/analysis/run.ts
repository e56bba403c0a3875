/**
 * The analyzer bench: `tsx bench/analysis/run.ts [meetings] [keyphrases] [keyphrases-pt] [speed] [--limit N]` (all
 * when none is named; keyphrases-pt only when RECAP_BENCH_PT_DIR names the Portuguese set, see paths.ts). Quality numbers come from the shared scorers in ../shared/bench; speed from a synthetic
 * four-hour meeting. For a per-file process instead, point a scorer at `tsx bench/analysis/cli.ts {vtt}`.
 */
import { KEYPHRASES_DIR, MEETINGS_DIR, PT_KEYPHRASES_DIR, PT_SET_HOWTO } from './paths.ts';
import { score, scorerArgs, writeOutputs, type QualityRun } from './quality.ts';
import { speedReport } from './speed.ts';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : undefined;
const named = args.filter((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
const parts = named.length > 0 ? named : ['meetings', 'keyphrases', ...(PT_KEYPHRASES_DIR ? ['keyphrases-pt'] : []), 'speed'];

function quality(run: QualityRun): void {
  const { files, ms } = writeOutputs(run);
  console.log(`# ${run.set}: ${files} files analyzed in ${ms.toFixed(0)} ms`);
  console.log(`# python3 ${scorerArgs(run).map((a) => (/[\s'"$]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ')}`);
  console.log(score(run).trimEnd());
}

for (const part of parts) {
  if (part === 'meetings') quality({ set: 'meetings', dir: MEETINGS_DIR, ...(limit ? { limit } : {}) });
  else if (part === 'keyphrases') quality({ set: 'keyphrases', dir: KEYPHRASES_DIR });
  else if (part === 'keyphrases-pt') {
    if (!PT_KEYPHRASES_DIR) {
      console.error(`keyphrases-pt needs RECAP_BENCH_PT_DIR: ${PT_SET_HOWTO}`);
      process.exit(2);
    }
    quality({ set: 'keyphrases', dir: PT_KEYPHRASES_DIR, lang: 'pt' });
  } else if (part === 'speed') for (const line of speedReport(MEETINGS_DIR)) console.log(line);
  else {
    console.error(`unknown part "${part}": use meetings, keyphrases, keyphrases-pt or speed`);
    process.exit(2);
  }
}
