/**
 * `npm run bench:fuzz`: every fuzz target of test/fuzz with 100,000 generated cases (FUZZ_RUNS to change that),
 * one after the other, printing per target the cases run, the failures (0), the slowest case and the total time.
 * Nothing is written to disk. On a failure the seed and path are printed (stderr) so the case can be replayed:
 *
 *   FUZZ_TARGET=grammar FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run bench:fuzz
 *
 * Other knobs: FUZZ_CASE_MS (per-case budget, default 1000), FUZZ_HANG_MS (watchdog, default 15000),
 * FUZZ_SHRINK_MS (time allowed for shrinking a failure, default 30000).
 */
import { FUZZ_TARGETS } from '../../test/fuzz/targets.ts';
import { CASE_BUDGET_MS, note, type FuzzStats } from '../../test/fuzz/harness.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const only = process.env.FUZZ_TARGET?.split(',').map((s) => s.trim()).filter(Boolean);
const targets = FUZZ_TARGETS.filter((t) => !only || only.includes(t.name));
if (targets.length === 0) {
  note(`No fuzz target named ${only?.join(', ')}; targets: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}.`);
  process.exit(2);
}

const header = ['target', 'cases', 'failures', 'slowest case ms', 'total s'];
const widths = [10, 9, 9, 16, 9];
const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

console.log(`fuzz: ${runs.toLocaleString('en')} cases per target, per-case budget ${CASE_BUDGET_MS} ms, Node ${process.versions.node}`);
console.log(row(header));
let failed = 0;
for (const target of targets) {
  const stats: FuzzStats = { cases: 0, slowestMs: 0, totalMs: 0, seed: 0 };
  let failure: unknown;
  try {
    await target.property(runs, stats);
  } catch (error) {
    failure = error;
    failed += 1;
  }
  console.log(row([target.name, String(stats.cases), failure ? '1' : '0', stats.slowestMs.toFixed(1), (stats.totalMs / 1000).toFixed(1)]));
  if (failure) note(failure instanceof Error ? failure.message : String(failure));
}
// The targets leave servers' sockets and timers behind only by accident; the run is over either way.
process.exit(failed ? 1 : 0);
