/**
 * `npm run fakes`: starts every provider fake on fixed loopback ports for manual tries, and prints the variables
 * that point Recap at them. Jobs advance every few seconds so progress is visible. Ctrl-C stops them.
 *   npm run fakes            all fakes
 *   npm run fakes assemblyai one fake (assemblyai, memories, pictory, spotme, discord)
 * With the Discord fake, each line typed here is sent as `@Recap <line>` in its #general, and the bot's messages
 * are printed as they arrive.
 */
import { createInterface } from 'node:readline';
import { startDiscordFake } from './discord.ts';
import { startAssemblyAiFake } from './assemblyai.ts';
import { startMemoriesFake } from './memories.ts';
import { PICTORY_FAKE_KEY, startPictoryFake } from './pictory.ts';
import { startSpotMeFake } from './spotme.ts';

const STEP_MS = Number(process.env.FAKE_STEP_MS ?? 3000);
const only = process.argv[2];
const closers: (() => Promise<void>)[] = [];
const lines: string[] = [];

async function start(name: string, run: () => Promise<void>): Promise<void> {
  if (!only || only === name) await run();
}

await start('assemblyai', async () => {
  const fake = await startAssemblyAiFake({ stepMs: STEP_MS, port: 4101 });
  closers.push(fake.close);
  lines.push(`ASSEMBLYAI_API_KEY=${fake.apiKey} ASSEMBLYAI_BASE_URL=${fake.url}`);
});
await start('memories', async () => {
  const fake = await startMemoriesFake({ stepMs: STEP_MS, port: 4102 });
  closers.push(fake.close);
  lines.push(`MEMORIES_API_KEY=${fake.apiKey} MEMORIES_BASE_URL=${fake.url}`);
});
await start('pictory', async () => {
  const fake = await startPictoryFake({ stepMs: STEP_MS, port: 4103 });
  closers.push(fake.close);
  lines.push(`PICTORY_API_KEY=${PICTORY_FAKE_KEY} PICTORY_BASE_URL=${fake.baseUrl}`);
});
await start('spotme', async () => {
  const fake = await startSpotMeFake({ stepMs: STEP_MS, port: 4104 });
  fake.addSession('demo-session', { vod: true, title: 'Demo keynote' });
  fake.addBreakout('demo-breakout', { ended: true, title: 'Demo breakout' });
  closers.push(fake.close);
  lines.push(`SPOTME_API_TOKEN=${fake.token} SPOTME_BASE_URL=${fake.baseUrl} SPOTME_WORKSPACE_ID=${fake.workspaceId}`);
});

await start('discord', async () => {
  const fake = await startDiscordFake({ port: 4105, gatewayPort: 4106 });
  closers.push(fake.close);
  lines.push(`DISCORD_TOKEN=${fake.token} DISCORD_API_URL=${fake.apiUrl} DISCORD_APPLICATION_ID=${fake.applicationId}`);
  let shown = 0;
  const show = setInterval(() => {
    const messages = fake.botMessages();
    for (const m of messages.slice(shown)) process.stdout.write(`[bot in ${m.channel_id}] ${m.content} ${m.embeds.map((e) => (e as { title?: string }).title ?? '').join(' | ')}\n`);
    shown = messages.length;
  }, 500);
  closers.push(async () => clearInterval(show));
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim()) fake.sendMessageCreate({ authorId: '1400000000000000001', content: line.trim(), mentionsBot: true });
  });
});

process.stdout.write(`Provider fakes are running (jobs advance every ${STEP_MS} ms). Point Recap at them with:\n\n`);
for (const line of lines) process.stdout.write(`  ${line}\n`);
process.stdout.write('\nThen e.g. `npx recap https://media.example.com/talk.mp4 --json` or `npx recap session:demo-session`.\n');

const stop = async () => {
  await Promise.all(closers.map((close) => close()));
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
