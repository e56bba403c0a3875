/**
 * How Recap's answers reach Discord, with the real discord.js client against the fake Discord on 127.0.0.1:
 * `/recap` over the gateway (deferred, @original edited, thread from it), rate limits (D-7 per route, D-8 global)
 * and a recap far over Discord's message limits (D-9). The fake answers 400 50035 to anything over the limits and
 * 429 again to any request that comes before a `retry_after` has passed (recorded as `early`).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflake, startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { ALICE, bootDiscordRecap, doneStatus, longMeetingVtt, recapMessages, STANDUP_VTT, type DiscordRecap } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

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

/** A VTT someone posted earlier (no mention: Recap ignores it), reachable by its attachment link. */
function postedVtt(filename: string, data = STANDUP_VTT): string {
  const message = discord.sendMessageCreate({ channelId: discord.channelIds[1], authorId: ALICE, content: 'notes from today', attachments: [{ filename, data }] });
  return message.attachments[0]!.url;
}

const recapCommand = (ref: string) => ({ name: 'recap', options: [{ name: 'ref', type: 3, value: ref }] });
const interactionToken = () => `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;

describe('/recap over the gateway', () => {
  it('D-4 is deferred (type 5), edits @original as the status, and recaps in a thread started from it', async () => {
    const url = postedVtt('standup.vtt');
    const interaction = discord.sendInteractionCreate({ data: recapCommand(url) });
    const response = await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the initial response');
    expect(response).toMatchObject({ type: 5, status: 204, via: 'callback' });

    const original = await until(() => discord.messages(interaction.channel_id).find((m) => (m.interaction_metadata as { id?: string } | undefined)?.id === interaction.id), 'the original message');
    const thread = await until(() => discord.threads.find((t) => t.id === original.id), 'the thread from the original message');
    expect(thread.parent_id).toBe(interaction.channel_id);
    await until(() => discord.messages(interaction.channel_id).find((m) => m.id === original.id && m.content.startsWith('✅')), 'the status done');
    expect(original.content).toBe('✅ Recap of standup.vtt is in the thread');
    expect(recapMessages(discord, thread.id)).toHaveLength(1);

    const edits = discord.webhookCalls.filter((c) => c.token === interaction.token);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.every((c) => c.kind === 'original-edit' && c.status === 200)).toBe(true);
    await settle();
    expect(discord.interactionResponses.filter((r) => r.interactionId === interaction.id)).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('D-7 a 429 on a channel message (retry_after 1.5, scope user) is waited out, then the message is delivered', async () => {
    const id = snowflake();
    discord.rateLimitNext(`POST /channels/${id}/messages`, 1.5, { scope: 'user' });
    discord.sendMessageCreate({ id, authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: STANDUP_VTT }] });
    await until(() => doneStatus(discord, id), 'the done status after the 429');
    const limited = discord.rateLimited.filter((r) => r.path === `/channels/${id}/messages`);
    expect(limited).toEqual([expect.objectContaining({ scope: 'user', retryAfter: 1.5, early: false })]);
    const first = discord.botMessages(id)[0]!;
    expect(Date.parse(first.timestamp) - limited[0]!.at).toBeGreaterThanOrEqual(1450);
    expect(recapMessages(discord, id)).toHaveLength(1);
  });

  it('D-7 a 429 on a follow-up (a /recap in a DM) is waited out, then the recap is delivered', async () => {
    const token = interactionToken();
    discord.rateLimitNext(`POST /webhooks/${discord.applicationId}/${token}`, 1.5, { scope: 'user' });
    const url = postedVtt('dm.vtt');
    const interaction = discord.sendInteractionCreate({ dm: true, user: { id: ALICE }, token, data: recapCommand(url) });
    const followUp = await until(() => discord.webhookCalls.find((c) => c.token === token && c.kind === 'followup' && c.status === 200), 'the follow-up after the 429');
    const limited = discord.rateLimited.filter((r) => r.path.startsWith(`/webhooks/${discord.applicationId}/`));
    expect(limited).toEqual([expect.objectContaining({ scope: 'user', early: false })]);
    expect(followUp.at - limited[0]!.at).toBeGreaterThanOrEqual(1450);
    await until(() => discord.messages(interaction.channel_id).find((m) => m.content === '✅ Recap of dm.vtt is below'), 'the status saying below');
    expect(recapMessages(discord, interaction.channel_id)).toHaveLength(1);
  });

  it('D-8 a global 429 holds every REST call until it expires (none early), then both recaps arrive', async () => {
    const first = snowflake();
    discord.rateLimitNext(`POST /channels/${first}/messages`, 1.5, { global: true });
    discord.sendMessageCreate({ id: first, authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'one.vtt', data: STANDUP_VTT }] });
    const global = await until(() => discord.rateLimited.find((r) => r.global), 'the global 429');
    // A second request arrives while the global limit runs: its thread and messages must wait too.
    const second = discord.sendMessageCreate({ channelId: discord.channelIds[1], authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'two.vtt', data: STANDUP_VTT }] });
    await until(() => doneStatus(discord, first), 'the first recap');
    await until(() => doneStatus(discord, second.id), 'the second recap');
    expect(discord.rateLimited.filter((r) => r.at >= global.at)).toEqual([global]);
    expect(discord.rateLimited.some((r) => r.early)).toBe(false);
    const threadStart = discord.threads.find((t) => t.id === second.id)!;
    expect(Date.parse(threadStart.thread_metadata!.create_timestamp) - global.at).toBeGreaterThanOrEqual(1450);
  });
});

describe('D-9 a recap over the limits', () => {
  it('a 3-hour meeting with every part and the transcript: every message accepted, the transcript attached as .txt', async () => {
    const vtt = longMeetingVtt(3);
    const logsBefore = app.logs.length;
    const message = discord.sendMessageCreate({
      authorId: ALICE,
      content: 'summary chapters phrases highlights captions transcript',
      mentionsBot: true,
      attachments: [{ filename: 'all-hands.vtt', data: vtt }],
    });
    await until(() => doneStatus(discord, message.id), 'the done status', 30_000);
    const answer = discord.botMessages(message.id).filter((m) => !m.content.startsWith('✅'));
    expect(recapMessages(discord, message.id).length).toBeGreaterThanOrEqual(1);
    const files = new Map(answer.flatMap((m) => m.attachments).map((a) => [a.filename, discord.attachmentBytes(a.id)!.toString('utf8')]));
    // The whole transcript (the last cue too) as a file, and what the embed had no room for as recap.md.
    expect(files.get('transcript.txt')).toContain('Point 1349 on');
    expect(files.get('recap.md')).toMatch(/Chapters/);
    expect(answer.at(-1)!.content).toMatch(/attached as files/);
    const fields = answer.flatMap((m) => m.embeds as { fields?: { name: string }[] }[]).flatMap((e) => e.fields ?? []).map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['Chapters', 'Key phrases', 'Captions']));
    expect(app.logs.slice(logsBefore).filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });
});
