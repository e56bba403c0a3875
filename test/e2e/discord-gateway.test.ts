/**
 * Gateway resilience with the real discord.js client against the fake Discord gateway: resumable closes (D-12),
 * invalid sessions (D-13) and zombie connections (D-16). After each, a mention is still answered exactly once.
 * The fake's heartbeat interval is short (1 s) so a withheld ACK shows within seconds.
 * https://discord.com/developers/docs/events/gateway#resuming
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { ALICE, bootDiscordRecap, doneStatus, recapMessages, sequenceOf, STANDUP_VTT, type DiscordRecap } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

let discord: DiscordFake;
let app: DiscordRecap;

beforeAll(async () => {
  discord = await startDiscordFake({ heartbeatIntervalMs: 1000 });
  app = await bootDiscordRecap(discord);
});
afterAll(async () => {
  await app?.stop();
  await discord?.close();
});

let counter = 0;
/** A mention with a VTT; resolves once its recap is done. Asserts one thread, one recap. */
async function mentionAnswered(): Promise<string> {
  const message = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: `meeting-${++counter}.vtt`, data: STANDUP_VTT }] });
  await until(() => doneStatus(discord, message.id), `the recap of meeting-${counter}.vtt`, 15_000);
  return message.id;
}

function expectAnsweredOnce(messageId: string) {
  expect(discord.threads.filter((t) => t.id === messageId)).toHaveLength(1);
  expect(recapMessages(discord, messageId)).toHaveLength(1);
  expect(discord.botMessages(messageId)).toHaveLength(2);
}

describe('Discord gateway resilience', () => {
  it('D-12 a resumable close (4000): the client RESUMEs, a replayed mention is dropped, one sent meanwhile is answered once', async () => {
    const earlier = await mentionAnswered();
    const { identifyCount, resumeCount } = discord;
    discord.replayOnNextResume(sequenceOf(discord, earlier));
    await discord.closeWith(4000, { reason: 'Unknown error' });
    // Sent while the link is down (or just back): Discord keeps it for the RESUME.
    const meanwhile = discord.sendMessageCreate({ authorId: ALICE, content: 'summary', mentionsBot: true, attachments: [{ filename: 'meanwhile.vtt', data: STANDUP_VTT }] });
    await discord.waitFor(() => discord.resumeCount === resumeCount + 1, 10_000);
    await until(() => doneStatus(discord, meanwhile.id), 'the mention sent meanwhile');
    await settle(800);
    expect(discord.identifyCount).toBe(identifyCount);
    expectAnsweredOnce(earlier);
    expectAnsweredOnce(meanwhile.id);
  });

  it('D-13 op 9 with d:false: the client identifies again, once, and keeps answering', async () => {
    const { identifyCount } = discord;
    discord.sendInvalidSession(false);
    // discord.js spaces IDENTIFYs by 5 s (one bucket), so the new session can take that long.
    await discord.waitFor(() => discord.identifyCount === identifyCount + 1, 15_000);
    await discord.waitFor(() => discord.sessions().some((s) => s.connected), 5000);
    expectAnsweredOnce(await mentionAnswered());
    await settle(1500);
    expect(discord.identifyCount).toBe(identifyCount + 1);
    expect(discord.identifyCount).toBeLessThanOrEqual(2);
    expect(discord.identifies.every((i) => i.accepted)).toBe(true);
  });

  it('D-16 heartbeat ACKs withheld: the zombie link is dropped, the client RESUMEs, mentions are still answered once', async () => {
    const { identifyCount, resumeCount } = discord;
    const zombie = discord.connections().find((c) => c.open)!;
    discord.withholdHeartbeatAcks();
    await discord.waitFor(() => discord.resumeCount === resumeCount + 1, 10_000);
    const closed = discord.connections().find((c) => c.id === zombie.id)!;
    expect(closed.open).toBe(false);
    expect(closed.closedWith?.byServer).toBe(false); // the client gave up on it, not the fake
    expect(discord.identifyCount).toBe(identifyCount);
    expectAnsweredOnce(await mentionAnswered());
    expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
