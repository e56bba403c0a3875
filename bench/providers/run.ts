/**
 * `npm run bench:providers`: peak RSS while uploading 1 GB to the AssemblyAI fake (target: ≤ 64 MB above the
 * baseline), and the HTTP calls one full recap costs at each provider.
 */
import { cpus } from 'node:os';
import { CALLS_SETUP, callsPerRecap } from './calls-per-recap.ts';
import { measureUploadMemory } from './upload-memory.ts';

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
process.stdout.write(`Recap provider bench on ${machine}\n\n`);

const upload = await measureUploadMemory();
process.stdout.write(
  `Upload of ${(upload.bytes / 1024 ** 3).toFixed(1)} GB to the AssemblyAI fake: RSS ${upload.baselineMb.toFixed(0)} MB → peak ${upload.peakMb.toFixed(0)} MB ` +
    `(+${upload.deltaMb.toFixed(1)} MB, target ≤ 64 MB) in ${upload.seconds.toFixed(1)} s (${(upload.bytes / 1024 ** 2 / upload.seconds).toFixed(0)} MB/s)\n\n`,
);

process.stdout.write(`HTTP calls per full recap (summary, chapters, phrases, highlights, captions); ${CALLS_SETUP}\n\n`);
process.stdout.write('| provider | calls | by endpoint |\n| --- | --- | --- |\n');
for (const row of await callsPerRecap()) {
  const detail = Object.entries(row.byEndpoint)
    .map(([endpoint, n]) => `${endpoint} ×${n}`)
    .join(', ');
  process.stdout.write(`| ${row.provider} | ${row.calls} | ${detail} |\n`);
}
if (upload.deltaMb > 64) process.exitCode = 1;
