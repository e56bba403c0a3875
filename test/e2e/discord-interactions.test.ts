/**
 * `/recap` over Discord's HTTP interactions endpoint (`POST /discord/interactions`), end to end: the test plays
 * Discord — it signs each interaction with its own Ed25519 key (`timestamp + body`, as Discord does), posts it to
 * Recap and hands Recap's HTTP answer to the fake Discord (`acknowledgeInteraction`), which then serves the
 * interaction's webhook (@original, follow-ups) to Recap over real HTTP. Two Recaps: HTTP-only (public key +
 * application id, no bot token: follow-ups) and with a bot token too (gateway, threads, bot-token fallback).
 * Checklist IDs D-1…D-6 in the test names.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake, type DiscordMessage, type InteractionPayload } from '../fakes/discord.ts';
import { ALICE, bootDiscordRecap, recapMessages, STANDUP_VTT, type DiscordRecap } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

// ---- playing Discord: the application's key pair and signed deliveries

interface Signer {
  /** DISCORD_PUBLIC_KEY: the 32-byte raw key as 64 hex characters, as the developer portal shows it. */
  publicKeyHex: string;
  headers(body: string, timestamp?: string): Record<string, string>;
}

function newSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyHex: rawHex(publicKey),
    headers: (body, timestamp = String(Math.floor(Date.now() / 1000))) => ({
      'content-type': 'application/json',
      'x-signature-timestamp': timestamp,
      'x-signature-ed25519': sign(null, Buffer.from(timestamp + body, 'utf8'), privateKey).toString('hex'),
    }),
  };
}

/** The raw public key (the last 32 bytes of its SubjectPublicKeyInfo) in hex. */
const rawHex = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

interface Delivered {
  status: number;
  contentType: string;
  text: string;
  /** The parsed answer, for 200s. */
  body?: { type: number; data?: { content?: string; flags?: number; [key: string]: unknown } };
}

// ---- a Recap booted against the fake, with its logs captured

async function bootInteractionsRecap(fake: DiscordFake, signer: Signer, withBotToken: boolean): Promise<DiscordRecap> {
  return bootDiscordRecap(fake, {
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DISCORD_APPLICATION_ID: fake.applicationId,
    ...(withBotToken ? { DISCORD_TOKEN: fake.token } : {}),
  });
}

/** Signs and posts a body to Recap's endpoint, as Discord does; `headers` overrides the signed ones. */
async function post(app: DiscordRecap, signer: Signer, body: string, headers?: Record<string, string | undefined>): Promise<Delivered> {
  const merged = Object.fromEntries(Object.entries({ ...signer.headers(body), ...headers }).filter((e): e is [string, string] => e[1] !== undefined));
  const response = await fetch(`http://127.0.0.1:${app.recap.server.port}/discord/interactions`, { method: 'POST', headers: merged, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, text, ...(response.ok && contentType.startsWith('application/json') ? { body: JSON.parse(text) as Delivered['body'] } : {}) };
}

/** Delivers an interaction and, like Discord, takes Recap's HTTP answer as the initial response. */
async function deliver(app: DiscordRecap, signer: Signer, fake: DiscordFake, interaction: InteractionPayload): Promise<Delivered> {
  const delivered = await post(app, signer, JSON.stringify(interaction));
  if (delivered.body) fake.acknowledgeInteraction(interaction.id, delivered.body);
  return delivered;
}

// ---- a transcript host that answers only when the test lets it (a slow server)

interface SlowHost {
  url(name: string): string;
  /** Requests received so far. */
  received: number;
  /** Lets held requests (and all later ones) get their transcript. */
  release(): void;
  /** Holds requests again until the next release. */
  hold(): void;
  close(): Promise<void>;
}

async function startSlowHost(vtt: string): Promise<SlowHost> {
  let open: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const host = {
    received: 0,
    url: (name: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`,
    release: () => open(),
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    host.received += 1;
    void gate.then(() => {
      res.writeHead(200, { 'content-type': 'text/vtt' }).end(vtt);
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return host;
}

// ---- reading the fake Discord's record

const recapCommand = (ref: string, more: object[] = []) => ({ name: 'recap', options: [{ name: 'ref', type: 3, value: ref }, ...more] });

/** The original message (the deferred response Recap edits as its status). */
const originalOf = (fake: DiscordFake, interaction: InteractionPayload): DiscordMessage | undefined =>
  fake.messages(interaction.channel_id).find((m) => m.source === 'interaction' && m.interactionToken === interaction.token);

const webhookCallsOf = (fake: DiscordFake, interaction: InteractionPayload) => fake.webhookCalls.filter((c) => c.token === interaction.token);

const errors = (app: DiscordRecap) => app.logs.filter((l) => l.level === 'error');

let slow: SlowHost;
beforeAll(async () => {
  slow = await startSlowHost(STANDUP_VTT);
});
afterAll(async () => {
  slow.release();
  await slow?.close();
});

describe('HTTP interactions, no bot token (DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID only)', () => {
  let discord: DiscordFake;
  let app: DiscordRecap;
  let signer: Signer;

  beforeAll(async () => {
    discord = await startDiscordFake();
    signer = newSigner();
    app = await bootInteractionsRecap(discord, signer, false);
  });
  afterAll(async () => {
    slow.release();
    await app?.stop();
    await discord?.close();
  });

  it('boots without a gateway: nothing connects to Discord until an interaction comes', () => {
    expect(app.recap.discord?.gateway).toBeUndefined();
    expect(discord.identifyCount).toBe(0);
  });

  it('D-1 a signed PING is answered 200 {"type":1} as application/json', async () => {
    const answer = await post(app, signer, JSON.stringify({ id: '1', application_id: discord.applicationId, type: 1, token: 'ping-token', version: 1 }));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json(;|$)/);
    expect(JSON.parse(answer.text)).toEqual({ type: 1 });
  });

  it("D-2 bad signatures get 401, never 200 or 500 (Discord's probes): wrong signature, missing headers, non-hex, another key", async () => {
    const body = JSON.stringify({ id: '2', application_id: discord.applicationId, type: 1, token: 'probe', version: 1 });
    const good = signer.headers(body);
    const flipped = good['x-signature-ed25519']!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const probes: [string, Record<string, string | undefined>][] = [
      ['a wrong signature', { 'x-signature-ed25519': flipped }],
      ['no signature header', { 'x-signature-ed25519': undefined }],
      ['no timestamp header', { 'x-signature-timestamp': undefined }],
      ['neither header', { 'x-signature-ed25519': undefined, 'x-signature-timestamp': undefined }],
      ['a non-hex signature', { 'x-signature-ed25519': 'z'.repeat(128) }],
      ['a short signature', { 'x-signature-ed25519': good['x-signature-ed25519']!.slice(0, 64) }],
      ['an empty signature', { 'x-signature-ed25519': '' }],
      ['signed with another key', newSigner().headers(body, good['x-signature-timestamp'])],
    ];
    for (const [what, headers] of probes) {
      const answer = await post(app, signer, body, { ...good, ...headers });
      expect(answer.status, what).toBe(401);
    }
    // The body changed after signing is a wrong signature too.
    const tampered = await post(app, signer, body.replace('"probe"', '"probe2"'), good);
    expect(tampered.status).toBe(401);
    expect(errors(app)).toEqual([]);
  });

  it('D-3 the timestamp header altered (body the same) gets 401', async () => {
    const body = JSON.stringify({ id: '3', application_id: discord.applicationId, type: 1, token: 'probe', version: 1 });
    const good = signer.headers(body);
    const answer = await post(app, signer, body, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) });
    expect(answer.status).toBe(401);
  });

  it('a body over 1 MiB gets 413 (a streamed one without Content-Length: 411), and Recap keeps answering', async () => {
    const huge = JSON.stringify({ type: 1, pad: 'x'.repeat(1024 * 1024 + 10) });
    const declared = await post(app, signer, huge);
    expect(declared.status).toBe(413);
    // Streamed (chunked, no Content-Length): refused before reading; Discord always sends a length.
    const chunks = [huge.slice(0, 600_000), huge.slice(600_000)];
    const streamed = await fetch(`http://127.0.0.1:${app.recap.server.port}/discord/interactions`, {
      method: 'POST',
      headers: signer.headers(huge),
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(411);
    const ping = await post(app, signer, JSON.stringify({ id: '4', application_id: discord.applicationId, type: 1, token: 'ping', version: 1 }));
    expect(ping.status).toBe(200);
  });

  it('D-4 a /recap whose transcript takes seconds: deferred (type 5) at once, @original edited to done, the recap in a follow-up', async () => {
    slow.hold();
    const receivedBefore = slow.received;
    const interaction = discord.createInteraction({ data: recapCommand(slow.url('standup.vtt')) });
    const answer = await deliver(app, signer, discord, interaction);
    // The answer came while the transcript host was still holding everything back: the deferral does not wait for the work.
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ type: 5 });
    await until(() => slow.received > receivedBefore, 'the transcript requested');
    const status = await until(() => originalOf(discord, interaction)?.content.startsWith('⏳') && originalOf(discord, interaction), 'the status on @original');
    expect(status.content).toContain('standup.vtt');
    // Longer than Discord's 3 s to acknowledge: only a deferral could have answered in time.
    await settle(3500);
    expect(originalOf(discord, interaction)!.content).toMatch(/^⏳/);
    slow.release();

    const done = await until(() => originalOf(discord, interaction)?.content.startsWith('✅') && originalOf(discord, interaction), 'the status done', 15_000);
    expect(done.content).toBe('✅ Recap of standup.vtt is below');
    const recap = recapMessages(discord, interaction.channel_id).filter((m) => m.interactionToken === interaction.token);
    expect(recap).toHaveLength(1);
    expect(recap[0]!.source).toBe('followup');
    expect(discord.threads).toEqual([]);
    const calls = webhookCallsOf(discord, interaction);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    expect(calls.filter((c) => c.kind === 'original-edit').length).toBeGreaterThanOrEqual(2);
    expect(discord.interactionResponses.filter((r) => r.interactionId === interaction.id)).toMatchObject([{ type: 5, status: 200, via: 'http' }]);
    expect(errors(app)).toEqual([]);
  });

  it('D-5 the token expires mid-job, no bot token: the failure is in the log, and the dead token is not retried', async () => {
    slow.hold();
    const interaction = discord.createInteraction({ data: recapCommand(slow.url('retro.vtt')) });
    expect((await deliver(app, signer, discord, interaction)).body).toEqual({ type: 5 });
    await until(() => originalOf(discord, interaction)?.content.startsWith('⏳'), 'the status on @original');
    discord.expireInteractionToken(interaction.token);
    slow.release();

    // What an admin reads: the recap was not delivered, and why.
    const logged = await until(() => app.logs.find((l) => l.level === 'error' && /DISCORD_TOKEN/.test(JSON.stringify(l.error))), 'the logged failure', 15_000);
    expect(JSON.stringify(logged.error)).toMatch(/interaction token expired/);
    await settle(800);
    const refused = webhookCallsOf(discord, interaction).filter((c) => c.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((c) => c.code === 50027)).toBe(true);
    // A retry loop would keep adding calls; a couple of concurrent status edits may each find out once.
    expect(refused.length).toBeLessThanOrEqual(3);
    const count = webhookCallsOf(discord, interaction).length;
    await settle(800);
    expect(webhookCallsOf(discord, interaction)).toHaveLength(count);
    expect(discord.botMessages().filter((m) => m.source === 'rest')).toEqual([]);
    app.logs.splice(app.logs.indexOf(logged), 1); // expected; later tests check for unexpected errors
  });

  it('D-6 the same interaction delivered twice is answered once; the second answer is refused as already acknowledged', async () => {
    const url = discord.sendMessageCreate({ channelId: discord.channelIds[1], authorId: ALICE, content: 'notes', attachments: [{ filename: 'planning.vtt', data: STANDUP_VTT }] }).attachments[0]!.url;
    const interaction = discord.createInteraction({ data: recapCommand(url) });
    const [first, second] = [await deliver(app, signer, discord, interaction), await deliver(app, signer, discord, interaction)];
    expect(first.body).toEqual({ type: 5 });
    expect(second.status).toBe(200);
    await until(() => originalOf(discord, interaction)?.content.startsWith('✅'), 'the status done');
    await settle(800);
    expect(recapMessages(discord, interaction.channel_id).filter((m) => m.interactionToken === interaction.token)).toHaveLength(1);
    expect(discord.interactionResponses.filter((r) => r.interactionId === interaction.id).map((r) => r.code ?? r.status)).toEqual([200, 40060]);
    expect(errors(app)).toEqual([]);
  });

  it('a usage mistake gets a private (ephemeral) answer at once, saying what was wrong and what to do', async () => {
    const interaction = discord.createInteraction({ data: recapCommand('not a thing') });
    const answer = await deliver(app, signer, discord, interaction);
    expect(answer.body?.type).toBe(4);
    expect(answer.body?.data?.flags).toBe(64);
    const content = answer.body?.data?.content ?? '';
    expect(content).toMatch(/^⚠️ /);
    expect(content).toMatch(/"not"/); // what was wrong
    expect(content).toMatch(/link/i); // what to send instead
    expect(content).toMatch(/Usage: `\/recap/);
    expect(answer.body?.data?.allowed_mentions).toEqual({ parse: [] });
    await settle();
    expect(webhookCallsOf(discord, interaction)).toEqual([]);
    expect(originalOf(discord, interaction)?.flags).toBe(64);
  });

  it('`ref: help` gets the help, privately', async () => {
    const interaction = discord.createInteraction({ data: recapCommand('help') });
    const answer = await deliver(app, signer, discord, interaction);
    expect(answer.body?.type).toBe(4);
    expect(answer.body?.data?.flags).toBe(64);
    const content = answer.body?.data?.content ?? '';
    expect(content).toMatch(/\/recap search/); // every command, with an example
    expect(content).toMatch(/e\.g\. /);
    await settle();
    // The help fits in the answer; anything that did not would come as private follow-ups.
    expect(webhookCallsOf(discord, interaction).every((c) => c.kind === 'followup' && (c.body as { flags?: number }).flags === 64)).toBe(true);
    expect(originalOf(discord, interaction)?.flags).toBe(64);
  });

  it('a VTT given in the `file` option (resolved.attachments) is recapped, with the parts asked for in `parts`', async () => {
    const uploaded = discord.sendMessageCreate({ channelId: discord.channelIds[1], authorId: ALICE, content: 'upload', attachments: [{ filename: 'design review.vtt', data: STANDUP_VTT }] }).attachments[0]!;
    const interaction = discord.createInteraction({
      data: {
        name: 'recap',
        options: [
          { name: 'file', type: 11, value: uploaded.id },
          { name: 'parts', type: 3, value: 'summary chapters' },
        ],
        resolved: { attachments: { [uploaded.id]: uploaded } },
      },
    });
    expect((await deliver(app, signer, discord, interaction)).body).toEqual({ type: 5 });
    const done = await until(() => originalOf(discord, interaction)?.content.startsWith('✅') && originalOf(discord, interaction), 'the status done');
    expect(done.content).toContain('design review.vtt');
    const [recap] = recapMessages(discord, interaction.channel_id).filter((m) => m.interactionToken === interaction.token);
    const [embed] = recap!.embeds as { description?: string; fields?: { name: string }[] }[];
    expect(embed!.description).toMatch(/release plan/); // the summary
    expect(embed!.fields!.map((f) => f.name)).toEqual(['Chapters']); // and only the chapters besides it
    expect(errors(app)).toEqual([]);
  });
});

describe('HTTP interactions with a bot token too (threads, bot-token fallback)', () => {
  let discord: DiscordFake;
  let app: DiscordRecap;
  let signer: Signer;

  beforeAll(async () => {
    discord = await startDiscordFake();
    signer = newSigner();
    app = await bootInteractionsRecap(discord, signer, true);
  });
  afterAll(async () => {
    slow.release();
    await app?.stop();
    await discord?.close();
  });

  it('D-4 deferred (type 5), @original edited as the status, the recap in a thread started from it', async () => {
    slow.hold();
    const interaction = discord.createInteraction({ data: recapCommand(slow.url('standup.vtt')) });
    expect((await deliver(app, signer, discord, interaction)).body).toEqual({ type: 5 });
    const status = await until(() => originalOf(discord, interaction)?.content.startsWith('⏳') && originalOf(discord, interaction), 'the status on @original');
    slow.release();
    const thread = await until(() => discord.threads.find((t) => t.id === status.id), 'the thread from the original message', 15_000);
    expect(thread.parent_id).toBe(interaction.channel_id);
    await until(() => originalOf(discord, interaction)?.content.startsWith('✅'), 'the status done');
    expect(originalOf(discord, interaction)!.content).toBe('✅ Recap of standup.vtt is in the thread');
    expect(recapMessages(discord, thread.id)).toHaveLength(1);
    expect(webhookCallsOf(discord, interaction).every((c) => c.kind === 'original-edit' && c.status === 200)).toBe(true);
    expect(errors(app)).toEqual([]);
  });

  it('D-5 the token expires mid-job: the status continues as a bot message, the recap still arrives, the dead token is not retried', async () => {
    slow.hold();
    const interaction = discord.createInteraction({ data: recapCommand(slow.url('retro.vtt')) });
    expect((await deliver(app, signer, discord, interaction)).body).toEqual({ type: 5 });
    const original = await until(() => originalOf(discord, interaction)?.content.startsWith('⏳') && originalOf(discord, interaction), 'the status on @original');
    discord.expireInteractionToken(interaction.token, 'unknown');
    slow.release();

    // In the channel, quoting the original (which the dead token can no longer edit); the recap in the thread from it.
    const fallback = await until(
      () => discord.botMessages(interaction.channel_id).find((m) => m.source === 'rest' && m.content.startsWith('✅') && m.content.includes('retro.vtt')),
      'the done status posted with the bot token',
      15_000,
    );
    expect(fallback.content).toBe('✅ Recap of retro.vtt is in the thread');
    expect((fallback.message_reference as { message_id?: string }).message_id).toBe(original.id);
    expect(fallback.allowed_mentions).toEqual({ parse: [] });
    expect(recapMessages(discord, original.id)).toHaveLength(1);
    await settle(800);
    const refused = webhookCallsOf(discord, interaction).filter((c) => c.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((c) => c.code === 10015)).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(3);
    const count = webhookCallsOf(discord, interaction).length;
    await settle(800);
    expect(webhookCallsOf(discord, interaction)).toHaveLength(count);
    // One status message from the bot, edited in place, not one per stage.
    expect(discord.botMessages(interaction.channel_id).filter((m) => m.source === 'rest' && m.content.includes('retro.vtt'))).toHaveLength(1);
    expect(discord.botMessages(original.id).filter((m) => m.content.startsWith('✅'))).toEqual([]);
    const warned = app.logs.find((l) => l.level === 'warn' && /token no longer valid/.test(String(l.msg)));
    expect(warned?.msg).toMatch(/continuing with the bot token/);
    expect(errors(app)).toEqual([]);
  });

  it('D-6 over the gateway: INTERACTION_CREATE twice with the same id gives one recap; the second response meets 40060 and is not retried', async () => {
    const url = discord.sendMessageCreate({ channelId: discord.channelIds[1], authorId: ALICE, content: 'notes', attachments: [{ filename: 'sync.vtt', data: STANDUP_VTT }] }).attachments[0]!.url;
    const interaction = discord.sendInteractionCreate({ data: recapCommand(url) });
    await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the first response');
    discord.sendInteractionCreate({ id: interaction.id, data: recapCommand(url) });
    await until(() => discord.interactionResponses.filter((r) => r.interactionId === interaction.id).length >= 2, 'the second response');
    const original = await until(() => originalOf(discord, interaction)?.content.startsWith('✅') && originalOf(discord, interaction), 'the status done');
    await settle(800);
    expect(discord.interactionResponses.filter((r) => r.interactionId === interaction.id).map((r) => [r.via, r.code ?? r.status])).toEqual([
      ['callback', 204],
      ['callback', 40060],
    ]);
    expect(discord.threads.filter((t) => t.id === original.id)).toHaveLength(1);
    expect(recapMessages(discord, original.id)).toHaveLength(1);
    expect(errors(app)).toEqual([]);
  });
});
