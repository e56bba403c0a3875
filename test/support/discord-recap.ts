/**
 * What the Discord end-to-end tests share: one Recap booted in-process against a fake Discord (the real discord.js
 * client on the gateway, REST through @discordjs/rest), its log lines captured so a test can read what an admin
 * would, and transcripts to send it.
 * https://discord.com/developers/docs/events/gateway
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { DiscordFake, DiscordMessage } from '../fakes/discord.ts';
import { ROOT } from './spawn-recap.ts';

export const STANDUP_VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');
/** A user who is not the bot. */
export const ALICE = '1400000000000000001';

export interface DiscordRecap {
  recap: RunningRecap;
  /** Every log line Recap wrote, parsed (`msg`, `level`, fields). */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Boots Recap with DISCORD_API_URL pointing at `fake` and, by default, DISCORD_TOKEN (then waits for its first
 * IDENTIFY). `env` replaces the Discord variables (HTTP interactions: DISCORD_PUBLIC_KEY, DISCORD_APPLICATION_ID).
 */
export async function bootDiscordRecap(fake: DiscordFake, env?: Record<string, string>): Promise<DiscordRecap> {
  const logs: Record<string, unknown>[] = [];
  const discordEnv = env ?? { DISCORD_TOKEN: fake.token };
  const config = loadConfig({ PORT: '0', DISCORD_API_URL: fake.apiUrl, PUBLIC_URL: 'https://recap.example.com', ...discordEnv });
  const recap = await bootRecap(config, {
    log: createLogger({
      level: 'debug',
      write: (line) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
        if (process.env.TEST_LOG) process.stderr.write(`${line}\n`);
      },
    }),
    memory: true,
    hostname: '127.0.0.1',
    // The fake's attachment CDN is on 127.0.0.1, which the safe fetcher refuses by default.
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
  if (discordEnv.DISCORD_TOKEN) await fake.waitFor(() => fake.identifyCount >= 1, 10_000);
  return { recap, logs, stop: () => recap.stop() };
}

const title = (embed: unknown) => (embed && typeof embed === 'object' ? String((embed as { title?: unknown }).title ?? '') : '');

/** The bot's recap messages (an embed titled "Recap of …") in a channel or thread. */
export function recapMessages(fake: DiscordFake, channelId: string): DiscordMessage[] {
  return fake.botMessages(channelId).filter((m) => m.embeds.some((e) => title(e).startsWith('Recap of ')));
}

/** The bot's status message once it says the recap is done (✅). */
export function doneStatus(fake: DiscordFake, channelId: string): DiscordMessage | undefined {
  return fake.botMessages(channelId).find((m) => m.content.startsWith('✅'));
}

/** The sequence number a dispatch of MESSAGE_CREATE for this message had in the (first) session that got it. */
export function sequenceOf(fake: DiscordFake, messageId: string): number {
  const record = fake.dispatches('MESSAGE_CREATE').find((d) => (d.d as { id?: string }).id === messageId);
  if (!record) throw new Error(`no MESSAGE_CREATE dispatched for ${messageId}`);
  return record.s;
}

const TOPICS = [
  ['budget', 'The quarterly budget review shows marketing spend above plan and the finance team wants cuts in travel.'],
  ['hiring', 'Hiring for the backend team continues, with four candidates in the final interview round next week.'],
  ['release', 'The mobile release slipped two days because the payment screen failed the accessibility audit.'],
  ['security', 'Security found an expired certificate on the staging cluster and rotated every internal key.'],
  ['customers', 'Customer support tickets about invoices doubled after the pricing change in the enterprise plan.'],
  ['roadmap', 'The roadmap for next quarter adds offline mode, shared workspaces and a redesigned onboarding flow.'],
  ['infrastructure', 'Infrastructure costs dropped after the database migration to the new managed cluster in Frankfurt.'],
  ['marketing', 'Marketing plans a webinar series about meeting analytics with three partner companies in June.'],
  ['legal', 'Legal reviewed the data processing agreement and asked for changes to the retention clause.'],
  ['design', 'Design shared new icons and a darker colour palette for the dashboard and the settings pages.'],
  ['analytics', 'Analytics found that weekly active users grew eight percent after the notification experiment.'],
  ['partnerships', 'The partnership with the calendar vendor needs a signed contract before the integration launch.'],
] as const;
const SPEAKERS = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Farid'];

const clock = (ms: number) => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** A WebVTT meeting of `hours`, one cue every 8 s, moving through a dozen topics (each several times). */
export function longMeetingVtt(hours: number): string {
  const cues: string[] = ['WEBVTT', ''];
  const total = Math.floor((hours * 3600) / 8);
  const perTopic = Math.max(1, Math.floor(total / (TOPICS.length * 3)));
  for (let i = 0; i < total; i++) {
    const [topic, line] = TOPICS[Math.floor(i / perTopic) % TOPICS.length]!;
    const speaker = SPEAKERS[i % SPEAKERS.length]!;
    cues.push(String(i + 1), `${clock(i * 8000)} --> ${clock(i * 8000 + 7000)}`, `<v ${speaker}>${line} Point ${i} on ${topic}.`, '');
  }
  return cues.join('\n');
}
