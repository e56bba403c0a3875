/**
 * Crashes mid-job (P-13, P-14) with real processes: Recap is SIGKILLed, restarted on the same SQLite store, and the
 * fake Discord and AssemblyAI records must show one provider job, one status message, one recap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { ALICE, doneStatus, recapMessages } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';
import { startRecapServer, type ChildRecap } from '../support/spawn-recap.ts';

let discord: DiscordFake;
let aai: AssemblyAiFake;
let dataDir: string;
const children: ChildRecap[] = [];

beforeAll(async () => {
  discord = await startDiscordFake();
  // Each step of a transcript takes 1.5 s: time to kill Recap while AssemblyAI works.
  aai = await startAssemblyAiFake({ stepMs: 1500 });
  dataDir = mkdtempSync(join(tmpdir(), 'recap-crash-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.child.kill('SIGKILL');
});
afterAll(async () => {
  await discord?.close();
  await aai?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const child = await startRecapServer(
    { PORT: '0', DATA_DIR: dataDir, ...(process.env.DEBUG_CRASH ? { LOG_LEVEL: 'debug' } : {}), DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url },
    { pollMs: 200, jobs: { sweepMs: 500, leaseMs: 3000 } },
  );
  children.push(child);
  return child;
};
const submits = () => aai.requests.filter((r) => r.method === 'POST' && r.path === '/v2/transcript').length;
const kill = async (child: ChildRecap) => {
  child.child.kill('SIGKILL');
  await child.exited;
};

describe('a crash mid-job', () => {
  it('P-13 killed after the provider job was submitted: the restart waits for that job and posts one recap, editing the same status', { timeout: 90_000 }, async () => {
    const first = await start();
    await until(() => discord.identifyCount >= 1 || undefined, 'the gateway', 20_000);
    const before = submits();
    const sent = discord.sendMessageCreate({ authorId: ALICE, content: 'https://media.example.com/all-hands.mp4 summary', mentionsBot: true });
    await until(() => submits() > before || undefined, 'the AssemblyAI submit', 20_000);
    const thread = await until(() => discord.threads.find((t) => t.id === sent.id), 'the thread', 10_000);
    // The status is edited once the provider's first answer came, which is after the provider job was stored (a
    // kill between the submit and that save is P-15's window: a second provider job, still one post).
    await until(() => discord.botMessages(thread.id).find((m) => m.editCount >= 1), 'the status edited from the provider', 10_000);
    await kill(first);

    await start();
    await until(() => doneStatus(discord, sent.id), 'the recap after the restart', 45_000);
    await settle(1000);
    expect(submits()).toBe(before + 1);
    expect(discord.threads.filter((t) => t.id === sent.id)).toHaveLength(1);
    expect(recapMessages(discord, sent.id)).toHaveLength(1);
    // The status message was edited to done, not posted again: two messages in the thread.
    expect(discord.botMessages(sent.id)).toHaveLength(2);
  });

  it('P-14 killed right after the recap was posted: the restart posts nothing more', { timeout: 90_000 }, async () => {
    const first = await start();
    const sent = discord.sendMessageCreate({ authorId: ALICE, content: 'https://media.example.com/standup.mp4 summary', mentionsBot: true });
    await until(() => recapMessages(discord, sent.id).length === 1 || undefined, 'the recap', 45_000);
    await kill(first);
    const messages = discord.botMessages(sent.id).length;

    await start();
    // Long enough for the restart to resume anything left (sweeps every 0.5 s).
    await settle(4000);
    expect(recapMessages(discord, sent.id)).toHaveLength(1);
    expect(discord.botMessages(sent.id).length).toBeLessThanOrEqual(Math.max(messages, 2));
    expect(doneStatus(discord, sent.id)).toBeDefined();
  });
});
