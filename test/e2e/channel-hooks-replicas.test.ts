/**
 * Channel webhooks across two Recap replicas on one Redis: the subscription made through one is served by both, and
 * an AssemblyAI callback delivered to both at the same moment (three copies each) makes one job and one recap in
 * the channel. Real redis-server, the fake Discord and AssemblyAI, both replicas in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { recapMessages } from '../support/discord-recap.ts';
import { REDIS_MISSING, redisAvailable, startRedis, type RedisProcess } from '../support/redis-server.ts';
import { settle, until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe.skipIf(!redisAvailable)('channel webhooks on two replicas', () => {
  let redis: RedisProcess;
  let discord: DiscordFake;
  let aai: AssemblyAiFake;
  const replicas: RunningRecap[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    discord = await startDiscordFake();
    aai = await startAssemblyAiFake({ stepMs: 200 });
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await aai?.close();
    await discord?.close();
    await redis?.stop();
  });

  it('a callback delivered to both replicas at once makes one recap in the channel', { timeout: 60_000 }, async () => {
    const ports = [await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${ports[0]}`;
    for (const port of ports) {
      const config = loadConfig({
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        REDIS_URL: redis.url,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        ASSEMBLYAI_API_KEY: aai.apiKey,
        ASSEMBLYAI_BASE_URL: aai.url,
      });
      replicas.push(
        await bootRecap(config, {
          log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
          hostname: '127.0.0.1',
          discord: { leaseTtlMs: 1500 },
          jobs: { leaseMs: 3000, sweepMs: 1000 },
          overrides: { providerOverrides: { pacing: { initialMs: 50, maxMs: 200 } } },
        }),
      );
    }
    await until(() => discord.identifyCount === 1 || undefined, 'one gateway connection', 10_000);

    const channel = discord.channelIds[0]!;
    const interaction = discord.sendInteractionCreate({ data: { name: 'recap', options: [{ name: 'ref', type: 3, value: 'subscribe webhook' }] }, member: { permissions: '16' } });
    const response = await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the answer');
    const content = String((response.data as { content?: string }).content ?? '').replace(/\\([^0-9A-Za-z\s])/g, '$1');
    const token = /\/hooks\/assemblyai\/channel\/([A-Za-z0-9_-]{24})/.exec(content)?.[1];
    const header = /webhook_auth_header_value: ([A-Za-z0-9_-]{24})/.exec(content)?.[1];
    expect(token && header).toBeTruthy();
    const path = `/hooks/assemblyai/channel/${token}`;

    const created = await post(
      `${aai.url}/v2/transcript`,
      { audio_url: 'https://media.example.com/replicas.mp3', webhook_url: `${publicUrl}${path}`, webhook_auth_header_name: CALLBACK_AUTH_HEADER, webhook_auth_header_value: header },
      { authorization: aai.apiKey },
    );
    const id = ((await created.json()) as { id: string }).id;
    // Three copies to each replica at once; AssemblyAI's own delivery comes to the first one later.
    const copies = await Promise.all(
      ports.flatMap((port) => [1, 2, 3].map(() => post(`http://127.0.0.1:${port}${path}`, { transcript_id: id, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: header! }))),
    );
    expect(copies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const statuses = () => discord.botMessages(channel).filter((m) => m.content.includes(id));
    await until(() => statuses().find((m) => m.content.startsWith('✅')), 'the recap done', 20_000);
    await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus === 200), "AssemblyAI's own callback");
    await settle(1500);
    expect(statuses()).toHaveLength(1);
    const threads = discord.threads.filter((t) => (t.name ?? '').includes(id));
    expect(threads).toHaveLength(1);
    expect(recapMessages(discord, threads[0]!.id)).toHaveLength(1);
  });
});

if (!redisAvailable) describe('channel webhooks on two replicas', () => it.skip(REDIS_MISSING, () => undefined));
