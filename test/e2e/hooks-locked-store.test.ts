/**
 * P-7: a provider callback while the SQLite store is locked by another writer for 12 s (a CLI run, a backup, a stuck
 * process). The callback is still answered within AssemblyAI's 10 s (it only reads the job, which WAL allows during a
 * write lock), and once the lock is gone the job finishes and posts once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { until } from '../support/slack-requests.ts';
import { recordReplies } from '../support/recording-delivery.ts';

let aai: AssemblyAiFake;
let recap: RunningRecap;
let dataDir: string;
let replies: string[] = [];

beforeAll(async () => {
  aai = await startAssemblyAiFake({ stepMs: 500 });
  dataDir = mkdtempSync(join(tmpdir(), 'recap-locked-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:1', ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    hostname: '127.0.0.1',
    // Polling is slow: the callback is what finishes the job.
    overrides: { providerOverrides: { pacing: { initialMs: 60_000, maxMs: 60_000 } } },
  });
  replies = recordReplies(recap.runner);
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Another connection holds the write lock for `ms` (SQLite's locks are per connection, so one in this process will do). */
async function lockStore(ms: number): Promise<Promise<void>> {
  const db = new Database(join(dataDir, 'recap.sqlite'));
  db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (x); INSERT INTO held VALUES (1);');
  return new Promise<void>((resolve) =>
    setTimeout(() => {
      db.exec('COMMIT');
      db.close();
      resolve();
    }, ms),
  );
}

describe('a callback while the store is locked', () => {
  it('P-7 the callback is answered within 10 s while another writer holds the store for 12 s; the job then posts once', { timeout: 60_000 }, async () => {
    const job = await recap.runner.submit({ name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/locked.mp4' }, want: ['summary'], provider: 'assemblyai' }, { platform: 'test' });
    void recap.runner.run(job.id);
    const stored = await until(async () => (await recap.jobs.get(job.id))?.providerJob && (await recap.jobs.get(job.id)), 'the provider job saved');
    // AssemblyAI finishes (the fake's steps are 0.5 s each), then the store is locked and the callback arrives.
    await until(async () => (await (await fetch(`${aai.url}/v2/transcript/${stored!.providerJob!.id}`, { headers: { authorization: aai.apiKey } })).json() as { status: string }).status === 'completed' || undefined, 'the transcript completed');
    const unlocked = await lockStore(12_000);

    const started = Date.now();
    const answer = await fetch(`http://127.0.0.1:${recap.server.port}/hooks/assemblyai/${job.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLBACK_AUTH_HEADER]: stored!.callbackSecret },
      body: JSON.stringify({ transcript_id: stored!.providerJob!.id, status: 'completed' }),
    });
    const tookMs = Date.now() - started;
    expect(answer.status).toBe(200);
    expect(tookMs).toBeLessThan(10_000);

    await unlocked;
    await until(async () => ((await recap.jobs.get(job.id))?.state === 'done' ? true : undefined), 'the job done after the lock', 30_000);
    expect(replies.filter((id) => id === job.id)).toHaveLength(1);
  });
});
