/**
 * The process killed at each step of a job (issue 8; checklist P-13…P-15, with real processes): a reference run
 * counts the Discord calls one recap makes; then, for every one of them, a fresh mention is sent and Recap is
 * SIGKILLed the moment the fake Discord has committed that call, before Recap reads the answer (the worst moment:
 * the post exists, Recap has not recorded it). One more run is killed as AssemblyAI receives the transcript request.
 * Each time Recap is started again on the same SQLite store, and the fakes must show one thread, one recap, a status
 * that says done, no message twice, and one AssemblyAI transcript.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake, type DiscordMessage } from '../fakes/discord.ts';
import { ALICE, doneStatus, recapMessages } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';
import { startRecapServer, type ChildRecap } from '../support/spawn-recap.ts';
import { freePort } from '../support/free-port.ts';

let discord: DiscordFake;
let aai: AssemblyAiFake;
let dataDir: string;
let port: number;
const children: ChildRecap[] = [];

beforeAll(async () => {
  discord = await startDiscordFake();
  aai = await startAssemblyAiFake({ stepMs: 400 });
  dataDir = mkdtempSync(join(tmpdir(), 'recap-kill-steps-'));
  port = await freePort();
});
afterEach(() => {
  discord.onCommitted = undefined;
  for (const child of children.splice(0)) child.child.kill('SIGKILL');
});
afterAll(async () => {
  await discord?.close();
  await aai?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => {
  // PUBLIC_URL on a fixed port: AssemblyAI's callback (and the P-15 reconcile, which matches it) reach the restart.
  const child = await startRecapServer(
    { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url },
    { pollMs: 300, jobs: { sweepMs: 500, leaseMs: 2000 } },
  );
  children.push(child);
  return child;
};
const submits = () => aai.requests.filter((r) => r.method === 'POST' && r.path === '/v2/transcript').length;
/** Calls that act on a conversation (the gateway's own calls at start are not steps of a job). */
const isStep = (method: string, path: string) => method !== 'GET' && path.startsWith('/channels/');

let n = 0;
const mention = () => discord.sendMessageCreate({ authorId: ALICE, content: `https://media.example.com/all-hands-${++n}.mp4 summary`, mentionsBot: true });

/** Everything Recap posted about one mention: the replies in the channel and the messages in its thread. */
function postedFor(sent: DiscordMessage): DiscordMessage[] {
  const inChannel = discord.botMessages(sent.channel_id).filter((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === sent.id);
  return [...inChannel, ...discord.botMessages(sent.id)];
}

async function expectAnsweredOnce(sent: DiscordMessage, submitsBefore: number): Promise<void> {
  await until(() => doneStatus(discord, sent.id), 'the status saying done', 45_000);
  await settle(1500);
  expect(discord.threads.filter((t) => t.id === sent.id)).toHaveLength(1);
  expect(recapMessages(discord, sent.id)).toHaveLength(1);
  const bodies = postedFor(sent).map((m) => JSON.stringify([m.content, m.embeds]));
  expect(new Set(bodies).size).toBe(bodies.length);
  expect(submits()).toBe(submitsBefore + 1);
}

describe('a job killed at each of its steps', () => {
  it('P-13 P-14 P-15 killed right after each Discord call a recap makes (and after its AssemblyAI request), the restart answers once', { timeout: 240_000 }, async () => {
    // The reference run: which calls, in which order.
    let child = await start();
    await until(() => discord.identifyCount >= 1 || undefined, 'the gateway', 20_000);
    const steps: string[] = [];
    discord.onCommitted = (method, path) => {
      if (isStep(method, path)) steps.push(`${method} ${path}`);
    };
    const referenceSubmits = submits();
    await expectAnsweredOnce(mention(), referenceSubmits);
    discord.onCommitted = undefined;
    expect(steps.length).toBeGreaterThanOrEqual(3);

    for (let step = 1; step <= steps.length + 1; step++) {
      const before = submits();
      const killAtSubmit = step > steps.length;
      let seen = 0;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        child.child.kill('SIGKILL');
      };
      if (!killAtSubmit) {
        discord.onCommitted = (method, path) => {
          if (isStep(method, path) && ++seen === step) kill();
        };
      }
      const sent = mention();
      if (killAtSubmit) await until(() => submits() > before || undefined, 'the AssemblyAI request', 20_000).then(kill);
      // How often the status is edited depends on how the provider's stages fall between polls: a run may end
      // with fewer calls than the reference, and then there is nothing to kill at this step.
      else await until(() => killed || doneStatus(discord, sent.id) || undefined, `step ${step} (${steps[step - 1]})`, 30_000);
      discord.onCommitted = undefined;
      if (killed) {
        await child.exited;
        child = await start();
      }
      await expectAnsweredOnce(sent, before);
    }
  });
});
