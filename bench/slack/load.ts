/**
 * The Slack bench's load generator, run as its own process (so it never shares an event loop with the server it
 * measures). Open loop at a fixed rate: request i is planned at start + i / rate and sent then (or as soon after as
 * the loop can), without waiting for earlier answers; its latency is measured from its planned time, so queueing
 * anywhere (here, in the kernel, in the server) counts. Every request is a distinct signed `/recap help` slash
 * command, signed before the clock starts with the production signer.
 *
 * Input: one JSON argument ({@link LoadSpec}). Output: one JSON line ({@link LoadResult}) on stdout.
 */
import { Pool } from 'undici';
import { signSlackRequest } from '../../adapters/slack/signature.ts';

export interface LoadSpec {
  origin: string;
  path: string;
  rate: number;
  durationS: number;
  /** Sent at the same rate before the measured window; not counted. */
  warmupS: number;
  connections: number;
  signingSecret: string;
  /** Where the commands' response_urls point (never called for `/recap help`). */
  responseUrlBase: string;
  /** How long to wait for answers still outstanding after the last send; those left count as errors. */
  drainMs: number;
}

export interface LoadResult {
  rate: number;
  durationS: number;
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** 2xx answers per second of the measured window. */
  acksPerSecond: number;
  /** Latest a send left after its planned time (the generator's own lag). */
  maxSendLagMs: number;
  requestBytes: number;
  responseBytes: number;
}

interface Signed {
  body: string;
  headers: Record<string, string>;
}

function commandBodies(spec: LoadSpec, count: number, offset: number): Signed[] {
  const timestamp = Math.floor(Date.now() / 1000);
  const out: Signed[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const body = new URLSearchParams({
      token: 'verification-token-unused',
      team_id: 'T1',
      team_domain: 'bench',
      channel_id: 'C1',
      channel_name: 'general',
      user_id: 'U1',
      user_name: 'ana',
      command: '/recap',
      text: 'help',
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: `${spec.responseUrlBase}/response/bench-${n}`,
      trigger_id: `${n}.${1_000_000 + n}.bench${n.toString(16).padStart(8, '0')}`,
    }).toString();
    out.push({
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(spec.signingSecret, timestamp, body),
      },
    });
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function phase(pool: Pool, spec: LoadSpec, requests: Signed[], seconds: number) {
  const total = Math.round(spec.rate * seconds);
  const latencies = new Float64Array(total);
  const statuses: Record<string, number> = {};
  let done = 0;
  let ok2xx = 0;
  let non2xx = 0;
  let errors = 0;
  let maxSendLagMs = 0;
  let responseBytes = 0;
  let lastOkAt = 0;
  const outstanding = new Set<Promise<void>>();
  const start = performance.now() + 5;
  const intervalMs = 1000 / spec.rate;
  const fire = (i: number, planned: number) => {
    const signed = requests[i]!;
    const sending = pool
      .request({ path: spec.path, method: 'POST', headers: signed.headers, body: signed.body })
      .then(async (response) => {
        const text = await response.body.text();
        const latency = performance.now() - planned;
        responseBytes = Buffer.byteLength(text);
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        if (response.statusCode >= 200 && response.statusCode < 300) {
          latencies[ok2xx++] = latency;
          lastOkAt = performance.now();
        } else non2xx += 1;
      })
      .catch((error: unknown) => {
        errors += 1;
        const code = (error as { code?: string }).code ?? 'error';
        statuses[code] = (statuses[code] ?? 0) + 1;
      })
      .finally(() => {
        done += 1;
        outstanding.delete(sending);
      });
    outstanding.add(sending);
  };
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + next * intervalMs <= now) {
      const planned = start + next * intervalMs;
      maxSendLagMs = Math.max(maxSendLagMs, now - planned);
      fire(next, planned);
      next += 1;
    }
    if (next < total) await new Promise((r) => setTimeout(r, Math.max(0, start + next * intervalMs - performance.now())));
  }
  const windowEnd = start + total * intervalMs;
  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled([...outstanding]), new Promise((r) => (drainTimer = setTimeout(r, spec.drainMs)))]);
  clearTimeout(drainTimer);
  const unanswered = total - done;
  const measured = latencies.subarray(0, ok2xx).sort();
  return {
    sent: total,
    ok2xx,
    non2xx,
    errors: errors + unanswered,
    statuses: unanswered ? { ...statuses, unanswered } : statuses,
    measured,
    maxSendLagMs,
    responseBytes,
    // Acknowledgements per second over the sending window, or longer if answers kept coming after it.
    windowMs: Math.max(windowEnd, lastOkAt) - start,
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const warmCount = Math.round(spec.rate * spec.warmupS);
  const count = Math.round(spec.rate * spec.durationS);
  const warm = commandBodies(spec, warmCount, 0);
  const requests = commandBodies(spec, count, warmCount);
  const pool = new Pool(spec.origin, { connections: spec.connections, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  if (warmCount > 0) await phase(pool, spec, warm, spec.warmupS);
  const run = await phase(pool, spec, requests, spec.durationS);
  await pool.destroy();
  const result: LoadResult = {
    rate: spec.rate,
    durationS: spec.durationS,
    sent: run.sent,
    ok2xx: run.ok2xx,
    non2xx: run.non2xx,
    errors: run.errors,
    statuses: run.statuses,
    p50Ms: percentile(run.measured, 50),
    p99Ms: percentile(run.measured, 99),
    maxMs: run.measured.length ? run.measured[run.measured.length - 1]! : Number.NaN,
    acksPerSecond: run.ok2xx / (run.windowMs / 1000),
    maxSendLagMs: run.maxSendLagMs,
    requestBytes: Buffer.byteLength(requests[0]?.body ?? ''),
    responseBytes: run.responseBytes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Requests still unanswered after the drain must not keep this process (and the bench) alive.
  process.exit(0);
}

await main();
