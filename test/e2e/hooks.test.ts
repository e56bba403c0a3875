/**
 * Provider callbacks (checklist P-1…P-8): `POST /hooks/<provider>/<job>` on a running Recap with PUBLIC_URL, the
 * AssemblyAI fake calling back as AssemblyAI does (`{transcript_id, status}` with the custom auth header). Polling is
 * slowed to 30 s so that only the callback can finish a job quickly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapInvocation } from '../../commands/invocation.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { settle, until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';
import { recordReplies } from '../support/recording-delivery.ts';

let fake: AssemblyAiFake;
let recap: RunningRecap;
let base: string;
let replies: string[] = [];

beforeAll(async () => {
  fake = await startAssemblyAiFake({ stepMs: 200 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { providerOverrides: { pacing: { initialMs: 30_000, maxMs: 30_000 } } },
  });
  replies = recordReplies(recap.runner);
});
afterAll(async () => {
  await recap?.stop();
  await fake?.close();
});

const invocation: RecapInvocation = { name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/call.mp4' }, want: ['summary'], provider: 'assemblyai' };

async function startJob() {
  const job = await recap.runner.submit(invocation, { platform: 'test' });
  void recap.runner.run(job.id);
  const stored = await until(async () => (await recap.jobs.get(job.id))?.providerJob && (await recap.jobs.get(job.id)), 'the provider job');
  return stored!;
}

const hook = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/hooks/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('provider callbacks', () => {
  it('P-1 the AssemblyAI callback with the right header is answered at once and finishes the job long before the next poll', { timeout: 20_000 }, async () => {
    const job = await startJob();
    await until(() => fake.webhooks.find((w) => w.transcriptId === job.providerJob!.id && w.responseStatus !== undefined), 'the callback', 10_000);
    const delivery = fake.webhooks.find((w) => w.transcriptId === job.providerJob!.id)!;
    expect(delivery.responseStatus).toBe(200);
    expect(delivery.url).toBe(`${base}/hooks/assemblyai/${job.id}`);
    await until(async () => ((await recap.jobs.get(job.id))?.state === 'done' ? true : undefined), 'the job done', 8_000);
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });

  it('P-2 a missing or wrong auth header gets 401 and nothing is fetched; P-3 repeated good callbacks post once', { timeout: 20_000 }, async () => {
    const job = await startJob();
    const transcript = job.providerJob!.id;
    const reads = () => fake.requests.filter((r) => r.method === 'GET' && r.path.includes(transcript)).length;
    const before = reads();
    expect((await hook(`assemblyai/${job.id}`, { transcript_id: transcript, status: 'completed' })).status).toBe(401);
    expect((await hook(`assemblyai/${job.id}`, { transcript_id: transcript, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: 'not-the-secret' })).status).toBe(401);
    await settle();
    expect(reads()).toBe(before);
    await until(async () => ((await recap.jobs.get(job.id))?.state === 'done' ? true : undefined), 'the job done', 8_000);
    const again = await Promise.all(
      [1, 2, 3].map(() => hook(`assemblyai/${job.id}`, { transcript_id: transcript, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: job.callbackSecret })),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    await settle();
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });

  it('P-4/P-8 an unknown job id, a wrong token or an unknown provider gets 404 and runs nothing', async () => {
    const job = await startJob();
    for (const path of ['assemblyai/AAAAAAAAAAAAAAAAAAAAAA', 'memories/AAAAAAAAAAAAAAAAAAAAAA', 'pictory/not-a-token', `spotme/${job.id}`, `unknown/${job.id}`]) {
      const response = await hook(path, { videoNo: 'VI1', status: 'PARSE' });
      expect(response.status, path).toBe(404);
    }
  });
});
