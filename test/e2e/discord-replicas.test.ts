/**
 * One gateway connection across restarts and replicas (D-14, D-15): the session is kept in the store, so a restarted
 * process RESUMEs instead of identifying again; with Redis, a lease lets one replica hold the gateway and another take
 * over — resuming the same session — when it stops. Real discord.js, the fake Discord, a real redis-server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { ALICE, doneStatus, recapMessages, STANDUP_VTT } from '../support/discord-recap.ts';
import { REDIS_MISSING, redisAvailable, startRedis, type RedisProcess } from '../support/redis-server.ts';
import { until } from '../support/slack-requests.ts';

const quiet = createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' });
const fetchOptions = { addressPolicy: (address: string) => address === '127.0.0.1', allowedPort: () => true };

async function boot(fake: DiscordFake, env: Record<string, string>): Promise<RunningRecap> {
  const config = loadConfig({ PORT: '0', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...env });
  return bootRecap(config, { log: quiet, hostname: '127.0.0.1', overrides: { fetchOptions }, discord: { leaseTtlMs: 1500 }, jobs: { leaseMs: 3000, sweepMs: 1000 } });
}

const mention = (fake: DiscordFake, name: string) =>
  fake.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: name, data: STANDUP_VTT }] });

describe('D-14 restarts resume the stored gateway session', () => {
  let fake: DiscordFake;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startDiscordFake();
    dataDir = mkdtempSync(join(tmpdir(), 'recap-discord-restarts-'));
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ten restarts on one SQLite store: one IDENTIFY, then RESUMEs; mentions between restarts answered once', { timeout: 90_000 }, async () => {
    for (let i = 0; i < 10; i++) {
      const recap = await boot(fake, { DATA_DIR: dataDir });
      await until(() => fake.identifyCount + fake.resumeCount === i + 1 || undefined, `connection ${i + 1}`, 10_000);
      if (i % 3 === 0) {
        const sent = mention(fake, `restart-${i}.vtt`);
        await until(() => doneStatus(fake, sent.id), `the recap after restart ${i}`, 10_000);
      }
      await recap.stop();
    }
    expect(fake.identifyCount).toBe(1);
    expect(fake.resumeCount).toBe(9);
    expect(fake.failedResumeCount).toBe(0);
    for (const thread of fake.threads) expect(recapMessages(fake, thread.id)).toHaveLength(1);
    expect(fake.threads).toHaveLength(4);
  });

  it('a mention sent while Recap is down is answered once after the restart (Discord replays it on RESUME)', { timeout: 30_000 }, async () => {
    const before = fake.identifyCount;
    const sent = mention(fake, 'while-down.vtt');
    const recap = await boot(fake, { DATA_DIR: dataDir });
    await until(() => doneStatus(fake, sent.id), 'the replayed mention answered', 10_000);
    await recap.stop();
    expect(fake.identifyCount).toBe(before);
    expect(recapMessages(fake, sent.id)).toHaveLength(1);
  });
});

describe.skipIf(!redisAvailable)('D-15 two replicas on one Redis', () => {
  let fake: DiscordFake;
  let redis: RedisProcess;
  beforeAll(async () => {
    fake = await startDiscordFake();
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
    await fake?.close();
  });

  it('one replica holds the gateway; a mention gets one thread and one recap; the other takes over, resuming', { timeout: 60_000 }, async () => {
    const a = await boot(fake, { REDIS_URL: redis.url });
    const b = await boot(fake, { REDIS_URL: redis.url });
    await until(() => fake.identifyCount === 1 || undefined, 'the first connection', 10_000);
    // Several lease periods later, still one connection.
    await new Promise((r) => setTimeout(r, 3500));
    expect(fake.identifyCount + fake.resumeCount).toBe(1);
    expect([a.discord?.gateway?.connected(), b.discord?.gateway?.connected()].filter(Boolean)).toHaveLength(1);

    const first = mention(fake, 'replicas.vtt');
    await until(() => doneStatus(fake, first.id), 'the recap', 10_000);
    const [holder, other] = a.discord?.gateway?.connected() ? [a, b] : [b, a];
    await holder.stop();
    // The other replica takes the lease and resumes the same session.
    await until(() => other.discord?.gateway?.connected() || undefined, 'the takeover', 15_000);
    await until(() => fake.resumeCount === 1 || undefined, 'the RESUME', 10_000);
    const second = mention(fake, 'after-takeover.vtt');
    await until(() => doneStatus(fake, second.id), 'the recap after takeover', 10_000);
    await other.stop();

    expect(fake.identifyCount).toBe(1);
    expect(recapMessages(fake, first.id)).toHaveLength(1);
    expect(recapMessages(fake, second.id)).toHaveLength(1);
    expect(fake.threads).toHaveLength(2);
  });
});

if (!redisAvailable) describe('D-15 two replicas on one Redis', () => it.skip(REDIS_MISSING, () => undefined));
