/**
 * Faults on every side at once (issue 8): AssemblyAI answers a fifth of its requests with a 500, 502 or 503 (the
 * transcript request included, which is never retried blindly: P-9), and Discord rate-limits posts in some of the
 * threads. Twenty mentions must each end with exactly one thread holding exactly one recap and a status saying done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake, type DiscordMessage } from '../fakes/discord.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { ALICE, doneStatus, recapMessages } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

const MENTIONS = 20;
let discord: DiscordFake;
let aai: AssemblyAiFake;
let recap: RunningRecap;

beforeAll(async () => {
  discord = await startDiscordFake();
  aai = await startAssemblyAiFake({ stepMs: 200, errorRate: 0.2 });
  const config = loadConfig({ PORT: '0', DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url });
  recap = await bootRecap(config, {
    log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    // A job whose run failed is tried again at the next sweep.
    jobs: { sweepMs: 500 },
    overrides: { providerOverrides: { pacing: { initialMs: 200, maxMs: 500 }, client: { retry: { baseDelayMs: 20, maxDelayMs: 100 } } } },
  });
  await discord.waitFor(() => discord.identifyCount >= 1, 10_000);
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
  await discord?.close();
});

describe('provider errors and platform rate limits together', () => {
  it('P-9 SO-6 D-7 twenty recaps through a flaky AssemblyAI and a rate-limiting Discord: each answered exactly once', { timeout: 120_000 }, async () => {
    const sent: DiscordMessage[] = [];
    for (let i = 0; i < MENTIONS; i++) {
      const id = String(1_500_000_000_000_000_000n + BigInt(i));
      // Every fourth thread answers its first post with a 429 (the thread's id is the message's).
      if (i % 4 === 0) discord.rateLimitNext(`POST /channels/${id}/messages`, 0.5, { scope: 'user' });
      sent.push(discord.sendMessageCreate({ id, authorId: ALICE, content: `https://media.example.com/flaky-${i}.mp4 summary`, mentionsBot: true }));
    }
    await until(() => sent.every((m) => doneStatus(discord, m.id)) || undefined, 'every status saying done', 100_000);
    await settle(1500);
    for (const m of sent) {
      expect(discord.threads.filter((t) => t.id === m.id)).toHaveLength(1);
      expect(recapMessages(discord, m.id)).toHaveLength(1);
    }
    // The faults really happened.
    expect(aai.requests.filter((r) => r.status !== undefined && r.status >= 500).length).toBeGreaterThan(0);
    expect(discord.rateLimited.length).toBeGreaterThanOrEqual(MENTIONS / 4);
  });
});
