/**
 * The real discord.js client behind Recap's Discord adapter, against a fake Discord (REST + gateway) on 127.0.0.1
 * that records every call. Checklist IDs D-* in the test names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { settle, until } from '../support/slack-requests.ts';
import { ROOT } from '../support/spawn-recap.ts';

const VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');

let discord: DiscordFake;
let recap: RunningRecap;

beforeAll(async () => {
  discord = await startDiscordFake();
  const config = loadConfig({ PORT: '0', DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, PUBLIC_URL: 'https://recap.example.com' });
  recap = await bootRecap(config, {
    log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
  await discord.waitFor(() => discord.identifyCount === 1);
});
afterAll(async () => {
  await recap?.stop();
  await discord?.close();
});

describe('Discord mentions', () => {
  it('a mention with an attached VTT gives one thread with a status and one recap', async () => {
    const channel = discord.channelIds[0]!;
    const message = discord.sendMessageCreate({ authorId: '1400000000000000001', content: 'summary chapters captions', mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: VTT }] });
    const thread = await until(() => discord.threads.find((t) => t.id === message.id), 'the thread');
    const recapMessage = await until(() => discord.botMessages(thread.id).find((m) => m.embeds.some((e) => /^Recap of standup\.vtt/.test(e.title ?? ''))), 'the recap');
    await until(() => discord.botMessages(thread.id).find((m) => /✅/.test(m.content)), 'the done status');
    await settle();
    expect(discord.threads.filter((t) => t.parent_id === channel)).toHaveLength(1);
    expect(discord.botMessages(thread.id)).toHaveLength(2);
    expect(JSON.stringify(recapMessage.embeds)).toContain('https://recap.example.com/captions/');
  });
});
