/**
 * Redis stopped and restarted mid-run (issue 8; checklist P-17), with Recap on REDIS_URL and a Redis that persists
 * as a production one does. While Redis is down, a Slack event is not acknowledged (a 5xx within Slack's 3 s, so
 * Slack delivers it again) and a slash command tells its sender to try again; nothing is half-taken. When Redis is
 * back, the job that was waiting on AssemblyAI through the outage posts once, and Slack's retry of the event is
 * answered once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { ALICE } from '../support/discord-recap.ts';
import { REDIS_MISSING, redisAvailable, startRedis, type RedisProcess } from '../support/redis-server.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';

const SECRET = 'faults-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-faults-0000-recap';

describe.skipIf(!redisAvailable)('Redis stopped and restarted mid-run', () => {
  let redis: RedisProcess;
  let redisDir: string;
  let slack: SlackFake;
  let discord: DiscordFake;
  let aai: AssemblyAiFake;
  let recap: RunningRecap;
  const sender = slackSender(SECRET, () => `http://127.0.0.1:${recap.server.port}`, 'EvFault');

  beforeAll(async () => {
    redisDir = mkdtempSync(join(tmpdir(), 'recap-redis-'));
    redis = await startRedis({ dir: redisDir });
    discord = await startDiscordFake();
    slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT', postRate: false });
    // Each step of a transcript takes 2 s: the outage happens while AssemblyAI works.
    aai = await startAssemblyAiFake({ stepMs: 2000 });
    const config = loadConfig({ PORT: '0', REDIS_URL: redis.url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url, DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl });
    recap = await bootRecap(config, {
      log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
      hostname: '127.0.0.1',
      jobs: { leaseMs: 3000, sweepMs: 500 },
      overrides: { providerOverrides: { pacing: { initialMs: 300, maxMs: 600 } } },
    });
  });
  afterAll(async () => {
    await recap?.stop();
    await aai?.close();
    await slack?.close();
    await discord?.close();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  const recapsIn = (channel: string) => slack.messages(channel).filter((m) => m.thread_ts && /Summary/.test(JSON.stringify(m.blocks ?? m.text)));

  it('P-17 while Redis is down nothing is acknowledged that was not stored; afterwards every request is answered once', { timeout: 60_000 }, async () => {
    if (!redisAvailable) throw new Error(REDIS_MISSING);
    // A recap asked before the outage: stored, its transcript started at AssemblyAI.
    await discord.waitFor(() => discord.identifyCount >= 1, 10_000);
    const before = await sender.sendCommand('https://media.example.com/before.mp4 summary', 'C-before', slack.responseUrl('before'));
    expect(before.status).toBe(200);
    await until(() => aai.requests.some((r) => r.method === 'POST' && r.path === '/v2/transcript') || undefined, 'the transcript started');

    await redis.stop();
    const mention = { type: 'app_mention', user: 'U1', channel: 'C-during', ts: '1700000200.000100', text: '<@UBOT> https://media.example.com/during.mp4 summary' };
    const started = Date.now();
    const during = await sender.sendEvent(mention);
    // Slack gives up on an answer after 3 s and delivers again; a 5xx says "not taken" sooner.
    expect(during.response.status).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);
    const command = await sender.sendCommand('https://media.example.com/command.mp4 summary', 'C-command', slack.responseUrl('command'));
    expect(command.status).toBe(200);
    await until(() => [...slack.responses('command'), ...slack.ephemerals].some((r) => /try again/i.test(JSON.stringify(r))) || undefined, 'the sender told to try again', 8_000);

    // Discord does not deliver a message again: the mention is answered at once, saying to try again.
    const mentioned = discord.sendMessageCreate({ authorId: ALICE, content: 'https://media.example.com/discord.mp4 summary', mentionsBot: true });
    await until(() => discord.botMessages().find((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === mentioned.id && /try again|in a minute/i.test(m.content ?? '')), 'the mention told to try again', 8_000);

    redis = await startRedis({ port: redis.port, dir: redisDir });
    // Recap reconnects on its own; /readyz says when the store answers again (Slack's first retry comes a minute on).
    await until(async () => (await fetch(`http://127.0.0.1:${recap.server.port}/readyz`)).status === 200 || undefined, 'Recap ready again', 10_000);
    // Slack's retry of the event that was not taken.
    const retry = await sender.sendEvent(mention, { eventId: during.eventId, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    expect(retry.response.status).toBe(200);

    await until(() => recapsIn('C-before')[0], 'the recap asked before the outage', 30_000);
    await until(() => recapsIn('C-during')[0], 'the recap of the retried event', 30_000);
    await settle(2000);
    expect(recapsIn('C-before')).toHaveLength(1);
    expect(recapsIn('C-during')).toHaveLength(1);
    expect(recapsIn('C-command')).toHaveLength(0);
  });
});
