/**
 * The Recap server the load bench measures, in its own process (so its RSS and CPU are its own): `main.ts`'s
 * composition (`bootRecap` with the configuration from the environment, SQLite in DATA_DIR, JSON logs on stderr),
 * listening on 127.0.0.1. Forked with an IPC channel and `--expose-gc`; it answers the bench's questions:
 *
 * - `stats`: jobs submitted (by reply target: `channel thread`, so the bench checks each Slack event became exactly
 *   one job), jobs still pending in the store's index, jobs running, memory (after a full GC when `gc` is set) and
 *   CPU time used so far.
 *
 * The only bench-specific boot option is the Slack poster's pacing (`RECAP_BENCH_POSTER_MS`), which LD-4 scales
 * together with the fake Slack's own limit; everything else is production's defaults.
 */
import { bootRecap } from '../../src/boot.ts';
import { configSecrets, loadConfig } from '../../src/config.ts';
import type { ReplyTarget } from '../../src/jobs/job-record.ts';
import { createLogger } from '../../src/log.ts';

export interface ChildStats {
  submitted: number;
  /** Targets (`channel thread`) submitted more than once, with their counts. */
  duplicates: [string, number][];
  /** Present only when asked with `keys`: every target submitted, once each. */
  keys?: string[];
  pending: number;
  running: number;
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  uptimeMs: number;
  /** Log bytes written but not yet taken by the pipe (the bench reads them). */
  stderrQueued: number;
}

export type ChildRequest = { type: 'stats'; id: number; gc?: boolean; keys?: boolean };

const config = loadConfig(process.env);
const posterMs = process.env.RECAP_BENCH_POSTER_MS ? Number(process.env.RECAP_BENCH_POSTER_MS) : undefined;
const recap = await bootRecap(config, {
  log: createLogger({ level: config.logLevel, secrets: configSecrets(config) }),
  hostname: '127.0.0.1',
  ...(posterMs !== undefined ? { slackPoster: { minIntervalMs: posterMs } } : {}),
});

// Every job the Slack adapter stores goes through runner.submit: count them by where they answer.
const submitted = new Map<string, number>();
const submit = recap.runner.submit.bind(recap.runner);
recap.runner.submit = async (invocation, target, id) => {
  const job = await submit(invocation, target, id);
  const t = target as ReplyTarget & { channel?: string; threadTs?: string };
  const key = `${t.channel ?? '-'} ${t.threadTs ?? '-'}`;
  submitted.set(key, (submitted.get(key) ?? 0) + 1);
  return job;
};

const started = performance.now();
process.on('message', (raw: ChildRequest) => {
  if (raw.type !== 'stats') return;
  void (async () => {
    if (raw.gc) {
      // Twice, a moment apart: what survives both is what the process keeps.
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      await new Promise((r) => setTimeout(r, 100));
      gc?.();
    }
    let total = 0;
    const duplicates: [string, number][] = [];
    for (const [key, n] of submitted) {
      total += n;
      if (n > 1) duplicates.push([key, n]);
    }
    const stats: ChildStats = {
      submitted: total,
      duplicates: duplicates.slice(0, 20),
      ...(raw.keys ? { keys: [...submitted.keys()] } : {}),
      pending: (await recap.storeHandle.jobIndex.list()).length,
      running: recap.runner.running().length,
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
      uptimeMs: performance.now() - started,
      stderrQueued: process.stderr.writableLength,
    };
    process.send?.({ id: raw.id, stats });
  })();
});

process.once('SIGTERM', () => void recap.stop().then(() => process.exit(0)));
process.send?.({ ready: true, port: recap.server.port });
// The bench went away (killed, or crashed): do not outlive it.
process.once('disconnect', () => process.exit(0));
