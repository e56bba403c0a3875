/**
 * `npm run bench:slack`: how fast Recap acknowledges Slack slash commands, against a bare Hono endpoint on the same
 * server stack. Both get the same signed `/recap help` commands (Recap answers them with the ephemeral help, the
 * pure acknowledgement path: signature, body parse, Bolt, listener, ack) at fixed rates, open loop, from a load
 * generator in its own process (`load.ts`). The bare endpoint reads the body and answers 200 at once with a body as
 * long as Recap's help answer.
 *
 * Recap runs in this process (as `bootRecap` runs it for `npm start`, with an in-memory store), its Web API pointed
 * at a fake Slack on 127.0.0.1 (`/recap help` never calls it). All traffic stays on 127.0.0.1; every run is bounded.
 *
 * Options: `--rates=200,500` `--duration=20` (seconds per run) `--connections=50`.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { signSlackRequest } from '../../adapters/slack/signature.ts';
import { bootRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake } from '../../test/fakes/slack.ts';
import type { LoadResult, LoadSpec } from './load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-0000-recap';

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}
const rates = option('rates', '200,500')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const durationS = Number(option('duration', '20'));
const connections = Number(option('connections', '50'));
const WARMUP_S = 1;
const DRAIN_MS = 3000;

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.platform} ${process.arch}`;
process.stdout.write(`Recap Slack acknowledgement bench on ${machine}\n`);
process.stdout.write(`Open loop, ${durationS} s per run (after ${WARMUP_S} s warm-up), ${connections} connections, load generator in a child process.\n\n`);

// Recap, as npm start runs it, against the fake Slack.
const slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
let logLines = 0;
const config = loadConfig({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, LOG_LEVEL: 'info' });
const recap = await bootRecap(config, {
  log: createLogger({
    level: config.logLevel,
    secrets: [SECRET, BOT_TOKEN],
    write: (line) => {
      logLines += 1;
      if (/"level":"(warn|error)"/.test(line)) process.stderr.write(`${line}\n`);
    },
  }),
  memory: true,
  hostname: '127.0.0.1',
});
const recapOrigin = `http://127.0.0.1:${recap.server.port}`;

// One probe: the help answer, and its size for the bare endpoint.
const probeBody = new URLSearchParams({ command: '/recap', text: 'help', team_id: 'T1', channel_id: 'C1', user_id: 'U1', response_url: `${slack.url}/response/probe` }).toString();
const ts = Math.floor(Date.now() / 1000);
const probe = await fetch(`${recapOrigin}/slack/commands`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest(SECRET, ts, probeBody) },
  body: probeBody,
});
const probeText = await probe.text();
if (probe.status !== 200 || !/"response_type":"ephemeral"/.test(probeText)) throw new Error(`Recap's /recap help probe failed: ${probe.status} ${probeText.slice(0, 200)}`);
const answerBytes = Buffer.byteLength(probeText);

// The bare endpoint: same server library, body read, 200 at once with as many bytes as Recap's answer.
const bareAnswer = JSON.stringify({ response_type: 'ephemeral', text: 'x'.repeat(Math.max(0, answerBytes - 40)) });
const bareApp = new Hono();
bareApp.post('/slack/commands', async (c) => {
  await c.req.arrayBuffer();
  return c.body(bareAnswer, 200, { 'content-type': 'application/json' });
});
const bare = await new Promise<Server>((done) => {
  const server = serve({ fetch: bareApp.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  server.once('listening', () => done(server));
});
const bareOrigin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

function runLoad(origin: string, rate: number): Promise<LoadResult> {
  const spec: LoadSpec = { origin, path: '/slack/commands', rate, durationS, warmupS: WARMUP_S, connections, signingSecret: SECRET, responseUrlBase: slack.url, drainMs: DRAIN_MS };
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'bench/slack/load.ts'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const limit = setTimeout(() => child.kill('SIGKILL'), (WARMUP_S + durationS) * 1000 + DRAIN_MS + 20_000);
  return new Promise((done, reject) =>
    child.once('exit', (code) => {
      clearTimeout(limit);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`load generator exited with ${code}: ${out.slice(0, 500)}`));
      else done(JSON.parse(line) as LoadResult);
    }),
  );
}

const results: { target: string; r: LoadResult }[] = [];
const benchStart = performance.now();
try {
  for (const rate of rates) {
    for (const [target, origin] of [
      ['Recap', recapOrigin],
      ['bare Hono', bareOrigin],
    ] as const) {
      process.stderr.write(`… ${target} at ${rate}/s\n`);
      results.push({ target, r: await runLoad(origin, rate) });
    }
  }
} finally {
  await recap.stop();
  await new Promise<void>((done) => {
    bare.close(() => done());
    bare.closeAllConnections();
  });
  await slack.close();
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
process.stdout.write(`Request: ${results[0]?.r.requestBytes ?? 0} B signed form body; answer: ${answerBytes} B (Recap's help, ephemeral JSON; the bare endpoint sends as many).\n\n`);
process.stdout.write('| target | rate/s | sent | acks/s | p50 ms | p99 ms | max ms | non-2xx | errors | max send lag ms |\n');
process.stdout.write('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n');
for (const { target, r } of results) {
  process.stdout.write(
    `| ${target} | ${r.rate} | ${r.sent} | ${r.acksPerSecond.toFixed(1)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${r.non2xx} | ${r.errors} | ${ms(r.maxSendLagMs)} |\n`,
  );
}
process.stdout.write('\n| rate/s | throughput Recap/bare | p99 Recap/bare |\n| --- | --- | --- |\n');
for (const rate of rates) {
  const recapRun = results.find((x) => x.target === 'Recap' && x.r.rate === rate)?.r;
  const bareRun = results.find((x) => x.target === 'bare Hono' && x.r.rate === rate)?.r;
  if (!recapRun || !bareRun) continue;
  process.stdout.write(`| ${rate} | ${(recapRun.acksPerSecond / bareRun.acksPerSecond).toFixed(3)} | ${(recapRun.p99Ms / bareRun.p99Ms).toFixed(2)}× |\n`);
}
const odd = results.filter(({ r }) => r.non2xx || r.errors);
for (const { target, r } of odd) process.stdout.write(`\n${target} at ${r.rate}/s: ${JSON.stringify(r.statuses)}`);
process.stdout.write(`\nRecap log lines during the bench: ${logLines}. Bench time ${((performance.now() - benchStart) / 1000).toFixed(0)} s.\n`);
if (odd.length) process.exitCode = 1;
process.exit();
