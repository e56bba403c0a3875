/**
 * Two Recap replicas on one Redis (issue 7's proof): 200 recap requests through the fake Discord and the AssemblyAI
 * fake, AssemblyAI's callbacks delivered to both replicas at once, and one replica SIGKILLed half-way. Every request
 * must end with exactly one thread holding exactly one recap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake, type DiscordMessage } from '../fakes/discord.ts';
import { ALICE, recapMessages } from '../support/discord-recap.ts';
import { REDIS_MISSING, redisAvailable, startRedis, type RedisProcess } from '../support/redis-server.ts';
import { settle, until } from '../support/slack-requests.ts';
import { startRecapServer, type ChildRecap } from '../support/spawn-recap.ts';
import { freePort } from '../support/free-port.ts';

const JOBS = 200;

describe.skipIf(!redisAvailable)('two replicas, 200 jobs, one killed', () => {
  let redis: RedisProcess;
  let discord: DiscordFake;
  let aai: AssemblyAiFake;
  const replicas: ChildRecap[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    discord = await startDiscordFake();
    aai = await startAssemblyAiFake({ stepMs: 300 });
  });
  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await aai?.close();
    await discord?.close();
    await redis?.stop();
  });

  it('every request is answered exactly once', { timeout: 180_000 }, async () => {
    const ports = [await freePort(), await freePort()];
    const start = (port: number) =>
      startRecapServer(
        {
          PORT: String(port),
          PUBLIC_URL: `http://127.0.0.1:${ports[0]}`,
          REDIS_URL: redis.url,
          DISCORD_TOKEN: discord.token,
          DISCORD_API_URL: discord.apiUrl,
          ASSEMBLYAI_API_KEY: aai.apiKey,
          ASSEMBLYAI_BASE_URL: aai.url,
          LOG_LEVEL: 'warn',
        },
        { pollMs: 2000, jobs: { leaseMs: 2000, sweepMs: 500 }, discord: { leaseTtlMs: 1500 } },
      );
    replicas.push(await start(ports[0]!), await start(ports[1]!));
    await until(() => discord.identifyCount === 1 || undefined, 'one gateway connection', 20_000);

    // AssemblyAI calls back to replica A (PUBLIC_URL); the test sends each callback to replica B too, at once.
    const forwarded = new Set<string>();
    const forward = setInterval(() => {
      for (const w of aai.webhooks) {
        const key = `${w.url}#${w.attempt}`;
        if (forwarded.has(key)) continue;
        forwarded.add(key);
        const other = w.url.replace(`:${ports[0]}/`, `:${ports[1]}/`);
        void fetch(other, { method: 'POST', headers: w.headers, body: JSON.stringify({ transcript_id: w.transcriptId, status: w.status }) }).catch(() => undefined);
      }
    }, 50);

    const sent: DiscordMessage[] = [];
    for (let i = 0; i < JOBS; i++) {
      sent.push(discord.sendMessageCreate({ authorId: ALICE, content: `https://media.example.com/meeting-${i}.mp4 summary`, mentionsBot: true }));
      if (i % 20 === 19) await settle(100);
    }
    const answered = () => sent.filter((m) => recapMessages(discord, m.id).length > 0).length;
    await until(() => answered() >= JOBS / 4 || undefined, 'a quarter of the recaps', 90_000);
    // Replica A started first, so it holds the gateway; it is also where AssemblyAI calls back. Kill it mid-way.
    const answeredAtKill = answered();
    replicas[0]!.child.kill('SIGKILL');
    await replicas[0]!.exited;

    await until(() => answered() === JOBS || undefined, 'every recap', 150_000);
    await settle(3000);
    clearInterval(forward);

    const counts = sent.map((m) => recapMessages(discord, m.id).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    for (const m of sent) expect(discord.threads.filter((t) => t.id === m.id)).toHaveLength(1);
    expect(discord.threads).toHaveLength(JOBS);
    // Replica B took over: it resumed A's gateway session (no second IDENTIFY) and finished A's unfinished jobs.
    expect(answeredAtKill).toBeLessThan(JOBS);
    expect(discord.identifyCount).toBe(1);
    expect(discord.resumeCount).toBeGreaterThanOrEqual(1);
  });
});

if (!redisAvailable) describe('two replicas, 200 jobs, one killed', () => it.skip(REDIS_MISSING, () => undefined));
