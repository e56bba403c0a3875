/**
 * `npm run bench:jobs`: N concurrent recap jobs (default 1,000) through the real job runner, router and AssemblyAI
 * client against a zero-latency AssemblyAI fake, with the job store in SQLite (or Redis when REDIS_URL is set).
 * Reports: jobs lost (must be 0), replies posted twice (must be 0), time to drain, peak RSS, provider calls per job.
 * The chat side is a recording delivery (the platforms' own pacing is measured by bench:slack).
 *   npm run bench:jobs [-- --jobs 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecapInvocation } from '../../commands/invocation.ts';
import { createCommandDeps } from '../../src/command-deps.ts';
import { loadConfig } from '../../src/config.ts';
import type { Delivery } from '../../src/jobs/delivery.ts';
import { createJobRunner } from '../../src/jobs/job-runner.ts';
import { createJobStore } from '../../src/jobs/job-store.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store.ts';
import { startAssemblyAiFake } from '../../test/fakes/assemblyai.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--jobs');
const JOBS = at >= 0 ? Number(args[at + 1]) : 1000;

const fake = await startAssemblyAiFake({ stepMs: 0 });
const dataDir = mkdtempSync(join(tmpdir(), 'recap-bench-jobs-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  ASSEMBLYAI_API_KEY: fake.apiKey,
  ASSEMBLYAI_BASE_URL: fake.url,
  ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
});
const handle = openStore(config);
const log = createLogger({ level: 'warn' });
const deps = createCommandDeps({
  config,
  // Zero-latency fakes: poll right away and often, so the figure is Recap's own cost, not waiting.
  providerOverrides: { pacing: { initialMs: 5, maxMs: 20 } },
});
const jobs = createJobStore(handle.store, handle.jobIndex);
const runner = createJobRunner({ jobs, locks: handle.locks, deps, log, sweepMs: 60_000 });

/** Where each job's messages would go: counted per job and step. */
const posts = new Map<string, number>();
const count = (key: string) => posts.set(key, (posts.get(key) ?? 0) + 1);
const recording: Delivery = {
  surface: (job, outbox) => ({
    async status(stage) {
      if (!outbox.get('status')) await outbox.record('status', `${job.id}:status`);
      count(`${job.id}:status:${stage}`);
    },
    async deliver() {
      if (!outbox.get('reply:0')) {
        count(`${job.id}:reply`);
        await outbox.record('reply:0', `${job.id}:reply`);
      }
      return { inThread: true };
    },
  }),
};
runner.register('bench', recording);

let peakRss = process.memoryUsage().rss;
const baselineRss = peakRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const invocation = (i: number): RecapInvocation => ({
  name: 'recap',
  ref: { kind: 'url', url: `https://media.example.com/meeting-${i}.mp4` },
  want: ['summary', 'chapters', 'phrases'],
  provider: 'assemblyai',
});

const started = performance.now();
const submitted = await Promise.all(Array.from({ length: JOBS }, (_, i) => runner.submit(invocation(i), { platform: 'bench' })));
const storedMs = performance.now() - started;
await Promise.all(submitted.map((job) => runner.run(job.id)));
const drainMs = performance.now() - started;
clearInterval(sampler);

let done = 0;
let failed = 0;
for (const job of submitted) {
  const record = await jobs.get(job.id);
  if (record?.state === 'done') done++;
  else if (record?.state === 'failed') failed++;
}
const replies = submitted.map((job) => posts.get(`${job.id}:reply`) ?? 0);
const lost = replies.filter((n) => n === 0).length;
const twice = replies.filter((n) => n > 1).length;
const pendingLeft = (await jobs.pending()).length;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;

process.stdout.write(`Recap job bench on ${machine}; store: ${handle.description}\n\n`);
process.stdout.write(`| jobs | done | failed | lost | posted twice | pending left | stored in | drained in | peak RSS | provider calls / job |\n`);
process.stdout.write(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n`);
process.stdout.write(
  `| ${JOBS} | ${done} | ${failed} | ${lost} | ${twice} | ${pendingLeft} | ${(storedMs / 1000).toFixed(2)} s | ${(drainMs / 1000).toFixed(2)} s | ` +
    `${(peakRss / 1024 ** 2).toFixed(0)} MB (+${((peakRss - baselineRss) / 1024 ** 2).toFixed(0)}) | ${(fake.requests.length / JOBS).toFixed(1)} |\n`,
);

await runner.stop();
await handle.close();
await fake.close();
rmSync(dataDir, { recursive: true, force: true });
if (lost > 0 || twice > 0 || done !== JOBS) process.exitCode = 1;
