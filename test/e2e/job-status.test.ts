/**
 * `/recap status <job>`: the id shown in a recap's status message, asked about from Discord (over the gateway) and
 * from the shell's grammar; mistakes answered privately with what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeJob } from '../../commands/run-status.ts';
import type { JobRecord } from '../../src/jobs/job-record.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { ALICE, bootDiscordRecap, doneStatus, STANDUP_VTT, type DiscordRecap } from '../support/discord-recap.ts';
import { until } from '../support/slack-requests.ts';

let discord: DiscordFake;
let app: DiscordRecap;
beforeAll(async () => {
  discord = await startDiscordFake();
  app = await bootDiscordRecap(discord);
});
afterAll(async () => {
  await app?.stop();
  await discord?.close();
});

const ask = async (ref: string) => {
  const interaction = discord.sendInteractionCreate({ data: { name: 'recap', options: [{ name: 'ref', type: 3, value: ref }] } });
  const response = (await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the answer')) as {
    type?: number;
    data?: { content?: string; flags?: number };
  };
  // What the user reads: Discord shows `\_` as `_` (job ids may hold underscores).
  const content = response.data?.content?.replace(/\\([^0-9A-Za-z\s])/g, '$1');
  return { ...response, data: { ...response.data, ...(content !== undefined ? { content } : {}) } };
};

describe('/recap status', () => {
  it('the status message names the job while it waits; asking about it answers privately with where it is', async () => {
    const sent = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: STANDUP_VTT }] });
    await until(() => doneStatus(discord, sent.id), 'the recap');
    // The first status (queued) carried the id; the finished one no longer needs it.
    const first = discord.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/channels/${sent.id}/messages`) && r.body?.includes('/recap status'));
    const id = /\/recap status ([A-Za-z0-9_-]{22})/.exec(first?.body ?? '')?.[1];
    expect(id).toBeDefined();

    const answer = await ask(`status ${id}`);
    expect(answer.type).toBe(4);
    expect(answer.data?.flags).toBe(64);
    expect(answer.data?.content).toContain(`Job ${id}`);
    expect(answer.data?.content).toMatch(/Recapping standup\.vtt, asked just now/);
    expect(answer.data?.content).toMatch(/Done: the recap is in its thread/);
  });

  it('an unknown or malformed id is answered privately with what to do', async () => {
    const unknown = await ask('status AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.data?.flags).toBe(64);
    expect(unknown.data?.content).toMatch(/No job AAAAAAAAAAAAAAAAAAAAAA/);
    expect(unknown.data?.content).toMatch(/status message/);
    const malformed = await ask('status yesterday');
    expect(malformed.data?.content).toMatch(/"yesterday" is not a job id/);
    expect(malformed.data?.content).toContain('/recap status <job>');
  });
});

describe('describeJob', () => {
  const base: JobRecord = {
    id: 'AbCdEfGhIjKlMnOpQrStUv',
    createdAt: 0,
    deadlineAt: 2 * 3600_000,
    invocation: { name: 'recap', ref: { kind: 'url', url: 'https://media.example.com/all-hands.mp4' }, want: ['summary'] },
    target: { platform: 'slack' },
    state: 'pending',
    posted: {},
    callbackSecret: 'x',
    updatedAt: 0,
  };
  it('a waiting job: its stage, the provider job and until when Recap waits', () => {
    const text = describeJob({ ...base, stage: 'transcribing', providerJob: { provider: 'assemblyai', id: 'tr-123' } }, 30 * 60_000);
    expect(text).toMatch(/Recapping all-hands\.mp4, asked 30 min ago/);
    expect(text).toMatch(/In progress — transcribing \(AssemblyAI job tr-123\)/);
    expect(text).toMatch(/until 1970-01-01 02:00 UTC \(in 90 min\)/);
  });
  it('a failed job: what the user was told', () => {
    expect(describeJob({ ...base, state: 'failed', error: { message: 'The file has no audio.', hint: 'Send a recording with sound.' } }, 60_000)).toMatch(
      /Failed: The file has no audio\. Send a recording with sound\./,
    );
  });
});
