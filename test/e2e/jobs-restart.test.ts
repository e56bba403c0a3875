/**
 * Crashes mid-job with real processes, through Slack (P-13, P-14; test/e2e/jobs-crash.test.ts does the same through
 * Discord): Recap runs as `npm start` runs it (test/support/recap-child.ts) on a SQLite DATA_DIR, answers a `/recap`
 * slash command from the fake Slack, is SIGKILLed, and is started again on the same DATA_DIR and port (PUBLIC_URL,
 * so AssemblyAI's callback finds it again). The fakes' records must show one provider job, one status message
 * (edited, never posted twice) and one recap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobStore } from '../../src/jobs/job-store.ts';
import { openStore } from '../../src/store.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';
import { startRecapServer, type ChildRecap } from '../support/spawn-recap.ts';
import { freePort } from '../support/free-port.ts';

const SECRET = 'restart-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-restart-0000-recap';

let slack: SlackFake;
let aai: AssemblyAiFake;
let port: number;
const dirs: string[] = [];
const children: ChildRecap[] = [];
const sender = slackSender(SECRET, () => `http://127.0.0.1:${port}`, 'EvRestart');
let n = 0;

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT', postRate: false });
  // A transcript is queued for 1.5 s, processing for 1.5 s, then completed: time to kill Recap while AssemblyAI works.
  aai = await startAssemblyAiFake({ stepMs: 1500 });
  port = await freePort();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
});
afterAll(async () => {
  await Promise.all([slack?.close(), aai?.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const start = async (dataDir: string) => {
  const child = await startRecapServer(
    {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.DEBUG_CRASH ? 'debug' : 'warn',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      ASSEMBLYAI_API_KEY: aai.apiKey,
      ASSEMBLYAI_BASE_URL: aai.url,
    },
    { pollMs: 1000, jobs: { sweepMs: 500, leaseMs: 3000 } },
  );
  children.push(child);
  return child;
};
const kill = async (child: ChildRecap) => {
  child.child.kill('SIGKILL');
  await child.exited;
};
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'recap-restart-'));
  dirs.push(dir);
  return dir;
};
const command = async (channel: string, url: string) => {
  const response = await sender.sendCommand(`${url} summary`, channel, slack.responseUrl(`restart-${++n}`));
  expect(response.status).toBe(200);
};
const submitsOf = (url: string) => aai.createBodies().filter((b) => b.audio_url === url);
const transcriptOf = (url: string) => [...aai.transcripts.values()].find((t) => t.request?.audio_url === url);
const posts = (channel: string) => slack.calls('chat.postMessage').filter((a) => a.channel === channel);
const statusOf = (channel: string) => slack.messages(channel).filter((m) => !m.thread_ts);
const recapsIn = (channel: string) => slack.messages(channel).filter((m) => m.thread_ts);

/** What a restarted Recap reads: the unfinished jobs in DATA_DIR (only while no Recap runs on it: this may tidy the index). */
async function pendingJobs(dataDir: string) {
  const handle = openStore({ dataDir });
  try {
    const jobs = createJobStore(handle.store, handle.jobIndex);
    return await Promise.all((await jobs.pending()).map(async (id) => (await jobs.get(id))!));
  } finally {
    await handle.close();
  }
}

/** One stored job, read only (safe beside a running Recap: SQLite, busy timeout). */
async function storedJob(dataDir: string, id: string) {
  const handle = openStore({ dataDir });
  try {
    return await createJobStore(handle.store, handle.jobIndex).get(id);
  } finally {
    await handle.close();
  }
}

describe('a crash mid-job (Slack, SQLite)', () => {
  it('P-13 killed after the provider job was submitted, before the post: the restart waits for that job, edits the same status and posts one recap', { timeout: 60_000 }, async () => {
    const dataDir = newDataDir();
    const channel = 'C-p13';
    const url = 'https://media.example.com/p13-all-hands.mp4';
    const first = await start(dataDir);
    await command(channel, url);
    const submitted = await until(() => transcriptOf(url), 'the AssemblyAI submit', 20_000);
    // The first read of the transcript comes after its id was saved with the job (the router stores it first).
    await until(() => aai.calls('GET', `/v2/transcript/${submitted.id}`).length > 0 || undefined, 'the first poll', 20_000);
    await kill(first);
    const stored = await pendingJobs(dataDir).then((jobs) => jobs[0]);
    expect(stored?.providerJob).toEqual({ provider: 'assemblyai', id: submitted.id });
    expect(stored?.posted['reply:0']).toBeUndefined();
    expect(recapsIn(channel)).toHaveLength(0);

    await start(dataDir);
    await until(() => recapsIn(channel)[0], 'the recap after the restart', 30_000);
    await until(() => /✅/.test(statusOf(channel)[0]?.text ?? '') || undefined, 'the status edited to done', 10_000);
    await settle(1500);
    expect(submitsOf(url)).toHaveLength(1);
    expect(statusOf(channel)).toHaveLength(1);
    expect(recapsIn(channel)).toHaveLength(1);
    expect(recapsIn(channel)[0]!.thread_ts).toBe(statusOf(channel)[0]!.ts);
    expect(posts(channel)).toHaveLength(2);
    expect((await storedJob(dataDir, stored!.id))?.state).toBe('done');
  });

  it('P-14 killed after the recap was posted (and recorded), before the job was marked done: the restart posts nothing more', { timeout: 60_000 }, async () => {
    const dataDir = newDataDir();
    const channel = 'C-p14';
    const url = 'https://media.example.com/p14-standup.mp4';
    const first = await start(dataDir);
    await command(channel, url);
    const posted = await until(() => recapsIn(channel)[0], 'the recap', 30_000);
    // Recap edits the status to done next (Slack posts in a channel are paced ~1 s apart): that edit never answers,
    // so the process is caught after the post and before the job is marked done.
    slack.inject({ method: 'POST', path: '/api/chat.update', fault: { kind: 'hang' } });
    const updatesBefore = slack.calls('POST', '/api/chat.update').length;
    await until(() => slack.calls('POST', '/api/chat.update').length > updatesBefore || undefined, 'the done edit', 10_000);
    await kill(first);
    const stored = await pendingJobs(dataDir).then((jobs) => jobs[0]);
    expect(stored?.state).toBe('pending');
    expect(stored?.posted['reply:0']).toBe(posted.ts);

    await start(dataDir);
    await until(() => /✅/.test(statusOf(channel)[0]?.text ?? '') || undefined, 'the status edited to done after the restart', 30_000);
    await until(async () => ((await storedJob(dataDir, stored!.id))?.state === 'done' ? true : undefined), 'the job done', 10_000);
    await settle(1500);
    expect(submitsOf(url)).toHaveLength(1);
    expect(statusOf(channel)).toHaveLength(1);
    expect(recapsIn(channel)).toHaveLength(1);
    expect(posts(channel)).toHaveLength(2);
  });
});
