/**
 * The real discord.js client behind Recap's Discord adapter, against a fake Discord (REST + gateway) on 127.0.0.1
 * that records every call: `@Recap …` mentions and DMs, end to end. Checklist IDs D-* in the test names.
 * Slash commands, rate limits and long recaps: discord-delivery.test.ts; gateway resilience: discord-gateway.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS, snowflake, startDiscordFake, type DiscordFake, type DiscordMessage } from '../fakes/discord.ts';
import { ALICE, bootDiscordRecap, doneStatus, recapMessages, sequenceOf, STANDUP_VTT, type DiscordRecap } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

const VTT = STANDUP_VTT;

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

/** The bot's messages that quote (reply to) this message. */
const repliesTo = (message: DiscordMessage) =>
  discord.botMessages(message.channel_id).filter((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === message.id);

describe('Discord mentions', () => {
  it('a mention with an attached VTT gives one thread with a status and one recap', async () => {
    const channel = discord.channelIds[0]!;
    const message = discord.sendMessageCreate({ authorId: ALICE, content: 'summary chapters captions', mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: VTT }] });
    const thread = await until(() => discord.threads.find((t) => t.id === message.id), 'the thread');
    const recapMessage = await until(() => recapMessages(discord, thread.id).find((m) => m.embeds.some((e) => /^Recap of standup\.vtt/.test((e as { title?: string }).title ?? ''))), 'the recap');
    await until(() => doneStatus(discord, thread.id), 'the done status');
    await settle();
    expect(discord.threads.filter((t) => t.parent_id === channel)).toHaveLength(1);
    expect(discord.botMessages(thread.id)).toHaveLength(2);
    expect(JSON.stringify(recapMessage.embeds)).toContain('https://recap.example.com/captions/');
  });

  it('D-12 done when: the same MESSAGE_CREATE replayed on a RESUME (op 7) yields nothing more, and the client RESUMEs', async () => {
    const channel = discord.channelIds[0]!;
    const message = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'retro.vtt', data: VTT }] });
    const thread = await until(() => discord.threads.find((t) => t.id === message.id), 'the thread');
    await until(() => doneStatus(discord, thread.id), 'the done status');
    const threadsBefore = discord.threads.length;
    const botMessagesBefore = discord.botMessages().length;
    const { identifyCount, resumeCount } = discord;

    // Discord asks the client to reconnect; on its RESUME it sends the mention again (as it may after a reconnect).
    discord.replayOnNextResume(sequenceOf(discord, message.id));
    discord.sendReconnect();
    await discord.waitFor(() => discord.resumeCount === resumeCount + 1, 10_000);
    // The client had seen the mention (its RESUME asked for later events only): what came again is a true duplicate.
    const resume = discord.received.filter((p) => p.op === 6).at(-1)!;
    expect((resume.d as { seq: number }).seq).toBeGreaterThanOrEqual(sequenceOf(discord, message.id));
    await settle(800);

    expect(discord.identifyCount).toBe(identifyCount);
    expect(discord.threads).toHaveLength(threadsBefore);
    expect(discord.botMessages()).toHaveLength(botMessagesBefore);
    expect(recapMessages(discord, thread.id)).toHaveLength(1);
    expect(discord.threads.filter((t) => t.parent_id === channel && t.id === message.id)).toHaveLength(1);
    expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('D-10 a thread already started on the message: Recap answers in that thread (its id is the message id), once', async () => {
    const id = snowflake();
    const channel = discord.channelIds[0]!;
    // Hold Recap's thread request at the door while someone else starts a thread on the message; Discord then answers 160004.
    discord.inject({ method: 'POST', path: `/messages/${id}/threads`, fault: { kind: 'delay', ms: 800 } });
    discord.sendMessageCreate({ id, authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'planning.vtt', data: VTT }] });
    await until(() => discord.calls('POST', `/messages/${id}/threads`).length === 1, "Recap's thread request");
    const started = await fetch(`${discord.apiUrl}/v10/channels/${channel}/messages/${id}/threads`, {
      method: 'POST',
      headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Planning notes' }),
    });
    expect(started.status).toBe(201);

    await until(() => doneStatus(discord, id), 'the done status in the existing thread');
    await settle();
    expect(discord.threads.filter((t) => t.id === id)).toHaveLength(1);
    expect(discord.channel(id)?.name).toBe('Planning notes');
    expect(recapMessages(discord, id)).toHaveLength(1);
    expect(discord.botMessages(channel).filter((m) => m.message_reference)).toEqual([]); // no fallback into the channel
  });

  it('D-11 without the MESSAGE_CONTENT intent: other messages are ignored, mentions and DMs work', async () => {
    expect(Number(discord.identifies[0]!.intents) & INTENTS.messageContent).toBe(0);
    const channel = discord.channelIds[0]!;

    const chatter = discord.sendMessageCreate({ authorId: ALICE, content: 'recap https://example.com/standup.vtt summary', attachments: [{ filename: 'standup.vtt', data: VTT }] });
    const mention = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'sync.vtt', data: VTT }] });
    const dm = discord.sendMessageCreate({ authorId: ALICE, dm: true, content: 'summary chapters', attachments: [{ filename: 'one-on-one.vtt', data: VTT }] });

    // Discord delivered the chatter without its content (no intent); Recap leaves it alone.
    const delivered = discord.dispatches('MESSAGE_CREATE').find((d) => (d.d as { id?: string }).id === chatter.id);
    expect((delivered?.d as { content?: string }).content).toBe('');

    await until(() => doneStatus(discord, mention.id), 'the mention answered in its thread');
    const status = await until(() => doneStatus(discord, dm.channel_id), 'the DM status done');
    expect(status.content).toMatch(/one-on-one\.vtt is below/);
    expect((status.message_reference as { message_id?: string }).message_id).toBe(dm.id);
    expect(recapMessages(discord, dm.channel_id)).toHaveLength(1);
    expect(discord.botMessages(dm.channel_id)).toHaveLength(2);

    await settle();
    expect(discord.channel(chatter.id)).toBeUndefined();
    expect(repliesTo(chatter)).toEqual([]);
    expect(discord.botMessages(channel).filter((m) => m.timestamp >= chatter.timestamp && m.message_reference)).toEqual([]);
  });

  it('D-17 @everyone, role and user pings in the text and the file name: every bot message has allowed_mentions {parse: []} and pings nobody', async () => {
    const pings = '@everyone <@&1500000000000000001> <@1400000000000000002> @here';
    const before = new Set(discord.botMessages().map((m) => m.id));
    const inText = discord.sendMessageCreate({ authorId: ALICE, content: `${pings} summary`, mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: VTT }] });
    const inName = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: `${pings}.vtt`, data: VTT }] });

    const error = await until(() => repliesTo(inText)[0], 'the reply to the mention with pings in its text');
    expect(error.content).toMatch(/everyone/);
    await until(() => doneStatus(discord, inName.id), 'the recap of the file with pings in its name');
    expect(JSON.stringify(recapMessages(discord, inName.id)[0]!.embeds)).toMatch(/everyone/);
    await settle();

    const sent = discord.botMessages().filter((m) => !before.has(m.id));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const m of sent) {
      expect(m.allowed_mentions, m.content).toEqual({ parse: [] });
      expect(m.pings, m.content).toEqual({ everyone: false, users: [], roles: [] });
    }
  });

  it('bad input in a mention: a reply quoting the message says what was wrong and what to do', async () => {
    const noLink = discord.sendMessageCreate({ authorId: ALICE, content: 'summary chapters', mentionsBot: true });
    const notUrl = discord.sendMessageCreate({ authorId: ALICE, content: 'yesterday', mentionsBot: true });
    const first = await until(() => repliesTo(noLink)[0], 'the reply to the mention without a link');
    const second = await until(() => repliesTo(notUrl)[0], 'the reply to the mention with a word');
    for (const reply of [first, second]) {
      expect(reply.content).toMatch(/^⚠️ /);
      expect(reply.content).toMatch(/Use a https\\?:\/\/ link/); // what to send instead
      expect(reply.content).toMatch(/Usage: `\/recap/);
    }
    expect(second.content).toMatch(/yesterday/);
    await settle();
    expect(repliesTo(noLink)).toHaveLength(1);
    expect(discord.channel(noLink.id)).toBeUndefined();
  });

  it('a channel where the bot cannot post: no crash, logged, and Recap keeps serving', async () => {
    const denied = discord.addChannel(snowflake(), 'announcements');
    discord.denyChannel(denied.id);
    const refused = discord.sendMessageCreate({ channelId: denied.id, authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'standup.vtt', data: VTT }] });
    const logged = await until(() => app.logs.find((l) => l.level === 'error' && l.message === refused.id), 'the logged refusal');
    // An admin can tell what Discord refused and where, to grant the permission.
    expect(logged).toMatchObject({ msg: 'discord mention not answered', channel: denied.id, guild: discord.guildId, error: { code: 50013 } });
    expect(discord.botMessages(denied.id)).toEqual([]);
    expect(discord.channel(refused.id)).toBeUndefined();

    const next = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'after.vtt', data: VTT }] });
    await until(() => doneStatus(discord, next.id), 'the next mention answered');
    expect(recapMessages(discord, next.id)).toHaveLength(1);
  });
});
