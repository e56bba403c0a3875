/**
 * The fake Discord itself (`test/fakes/discord.ts`), spoken to with a plain WebSocket client (undici's) and fetch,
 * since discord.js is not installed yet: the gateway handshake, heartbeats, RESUME with replay, close codes, intents
 * and content visibility (D-11), REST auth, messages and limits, threads (D-10), interactions and their webhooks
 * (D-4..D-6), 429 shapes (D-7, D-8) and multipart attachments.
 */
import { WebSocket } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { INTENTS, startDiscordFake, type DiscordFake, type DiscordFakeOptions } from '../fakes/discord.ts';

interface GatewayPayload {
  op: number;
  d: any;
  s: number | null;
  t: string | null;
}

const TOKEN = 'test-bot-token.fake.discord';
const GUILD_INTENTS = INTENTS.guilds | INTENTS.guildMessages | INTENTS.directMessages;

let fake: DiscordFake | undefined;
const sockets: GatewayClient[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.ws.close();
  await fake?.close();
  fake = undefined;
});

async function start(options: DiscordFakeOptions = {}): Promise<DiscordFake> {
  fake = await startDiscordFake({ token: TOKEN, applicationId: '900', botUserId: '900', guildId: '800', channels: ['701', '702'], heartbeatIntervalMs: 45_000, ...options });
  return fake;
}

/** A minimal gateway client: collects payloads, waits for the next matching one. */
class GatewayClient {
  readonly received: GatewayPayload[] = [];
  private cursor = 0;
  private wake: (() => void) | undefined;
  readonly closed: Promise<{ code: number }>;

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      this.received.push(JSON.parse(String(event.data)) as GatewayPayload);
      this.wake?.();
    });
    this.closed = new Promise((resolve) => ws.addEventListener('close', (event) => resolve({ code: event.code })));
  }

  static async open(url: string, query = '?v=10&encoding=json'): Promise<GatewayClient> {
    const ws = new WebSocket(`${url}/${query}`);
    const client = new GatewayClient(ws);
    sockets.push(client);
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve());
      ws.addEventListener('error', () => reject(new Error('WebSocket failed to open')));
    });
    return client;
  }

  send(op: number, d: unknown): void {
    this.ws.send(JSON.stringify({ op, d }));
  }

  /** The next payload (after the ones already taken) matching `match`; payloads skipped over are consumed. */
  async next(match: (p: GatewayPayload) => boolean = () => true, timeoutMs = 2000): Promise<GatewayPayload> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const payload = this.received[this.cursor++]!;
        if (match(payload)) return payload;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no matching gateway payload in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  dispatch(t: string, timeoutMs?: number): Promise<GatewayPayload> {
    return this.next((p) => p.op === 0 && p.t === t, timeoutMs);
  }
}

/** Connects and identifies; returns the client after READY and GUILD_CREATE. */
async function identified(discord: DiscordFake, intents = GUILD_INTENTS) {
  const client = await GatewayClient.open(discord.gatewayUrl);
  const hello = await client.next();
  client.send(2, { token: TOKEN, intents, properties: { os: 'linux', browser: 'test', device: 'test' } });
  const ready = await client.dispatch('READY');
  const guild = intents & INTENTS.guilds ? await client.dispatch('GUILD_CREATE') : undefined;
  return { client, hello, ready, guild };
}

const bot = (discord: DiscordFake) => ({ authorization: `Bot ${discord.token}`, 'content-type': 'application/json' });
const api = (discord: DiscordFake, path: string) => `${discord.apiUrl}/v10${path}`;
const post = (discord: DiscordFake, path: string, body: unknown, method = 'POST') =>
  fetch(api(discord, path), { method, headers: bot(discord), body: JSON.stringify(body) });

describe('fake Discord: gateway', () => {
  it('answers gateway/bot, then HELLO → IDENTIFY → READY → GUILD_CREATE with sequence numbers, and ACKs heartbeats', async () => {
    const discord = await start();
    const info = (await (await fetch(api(discord, '/gateway/bot'), { headers: bot(discord) })).json()) as any;
    expect(info).toMatchObject({ url: discord.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, max_concurrency: 1 } });
    expect(info.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    const { client, hello, ready, guild } = await identified(discord);
    expect(hello).toEqual({ op: 10, d: expect.objectContaining({ heartbeat_interval: 45_000 }), s: null, t: null });
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: '900', bot: true },
      resume_gateway_url: discord.gatewayUrl,
      application: { id: '900' },
      guilds: [{ id: '800', unavailable: true }],
    });
    expect(typeof ready.d.session_id).toBe('string');
    expect(guild!.s).toBe(2);
    expect(guild!.d).toMatchObject({ id: '800', unavailable: false, channels: [{ id: '701', type: 0, guild_id: '800' }, { id: '702', type: 0 }] });
    expect(guild!.d.members[0].user.id).toBe('900');

    client.send(1, 2);
    expect(await client.next()).toMatchObject({ op: 11 });
    expect(discord.identifyCount).toBe(1);
    expect(discord.identifies[0]).toMatchObject({ intents: GUILD_INTENTS, accepted: true });
    expect(discord.received.find((r) => r.op === 2)!.d).toMatchObject({ token: '[redacted]' });
    const again = (await (await fetch(api(discord, '/gateway/bot'), { headers: bot(discord) })).json()) as any;
    expect(again.session_start_limit.remaining).toBe(999);
  });

  it('shows message content only when the bot is mentioned, in DMs or with a granted MESSAGE_CONTENT intent (D-11)', async () => {
    const discord = await start({ privilegedIntents: INTENTS.messageContent });
    const { client } = await identified(discord);
    const plain = discord.sendMessageCreate({ channelId: '701', authorId: '501', content: 'just chatting', attachments: [{ filename: 'a.mp4', size: 10 }] });
    const first = await client.dispatch('MESSAGE_CREATE');
    expect(first.s).toBe(3);
    expect(first.d).toMatchObject({ id: plain.id, channel_id: '701', guild_id: '800', author: { id: '501' }, content: '', attachments: [] });
    expect(discord.messages('701')[0]!.content).toBe('just chatting');

    discord.sendMessageCreate({ channelId: '701', authorId: '501', content: 'recap https://x.test/v.mp4', mentionsBot: true });
    const mention = await client.dispatch('MESSAGE_CREATE');
    expect(mention.s).toBe(4);
    expect(mention.d).toMatchObject({ content: '<@900> recap https://x.test/v.mp4', mentions: [{ id: '900' }] });

    discord.sendMessageCreate({ authorId: '502', content: 'hello in private', dm: true });
    const dm = await client.dispatch('MESSAGE_CREATE');
    expect(dm.d.content).toBe('hello in private');
    expect(dm.d.guild_id).toBeUndefined();

    // A second client with MESSAGE_CONTENT gets the content of every message; both sessions get the events (D-15).
    const second = await identified(discord, GUILD_INTENTS | INTENTS.messageContent);
    discord.sendMessageCreate({ channelId: '702', authorId: '501', content: 'no mention' });
    expect((await client.dispatch('MESSAGE_CREATE')).d.content).toBe('');
    expect((await second.client.dispatch('MESSAGE_CREATE')).d.content).toBe('no mention');
  });

  it('refuses a wrong token (4004) and privileged intents not granted (4014), and counts identifies', async () => {
    const discord = await start();
    const wrong = await GatewayClient.open(discord.gatewayUrl);
    await wrong.next();
    wrong.send(2, { token: 'nope', intents: GUILD_INTENTS, properties: {} });
    expect((await wrong.closed).code).toBe(4004);
    const privileged = await GatewayClient.open(discord.gatewayUrl);
    await privileged.next();
    privileged.send(2, { token: TOKEN, intents: GUILD_INTENTS | INTENTS.messageContent, properties: {} });
    expect((await privileged.closed).code).toBe(4014);
    expect(discord.identifies.map((i) => i.refusedWith)).toEqual([4004, 4014]);
  });

  it('RESUME after a resumable close replays the missed events, then RESUMED, without a new IDENTIFY (D-12)', async () => {
    const discord = await start();
    const { client, ready } = await identified(discord);
    const sessionId = ready.d.session_id as string;
    await discord.closeWith(4000);
    expect((await client.closed).code).toBe(4000);
    const missed = discord.sendMessageCreate({ channelId: '701', authorId: '501', content: 'while away', mentionsBot: true });
    expect(discord.dispatches('MESSAGE_CREATE')[0]).toMatchObject({ s: 3, sent: false });

    const back = await GatewayClient.open(ready.d.resume_gateway_url as string);
    await back.next((p) => p.op === 10);
    back.send(6, { token: TOKEN, session_id: sessionId, seq: 2 });
    const replayed = await back.next();
    expect(replayed).toMatchObject({ op: 0, t: 'MESSAGE_CREATE', s: 3, d: { id: missed.id } });
    expect(await back.next()).toMatchObject({ op: 0, t: 'RESUMED', s: 4 });
    expect(discord.resumeCount).toBe(1);
    expect(discord.identifyCount).toBe(1);

    // Replaying already-seen events on request (for dedupe tests), then op 7 RECONNECT.
    discord.sendReconnect();
    expect(await back.next()).toMatchObject({ op: 7 });
    back.ws.close(4200);
    await back.closed;
    discord.replayOnNextResume(3);
    const third = await GatewayClient.open(discord.gatewayUrl);
    await third.next();
    third.send(6, { token: TOKEN, session_id: sessionId, seq: 4 });
    expect((await third.next()).s).toBe(3);
    expect(await third.next()).toMatchObject({ t: 'RESUMED', s: 5 });
    expect(discord.resumeCount).toBe(2);
  });

  it('ends the session on a client close 1000, op 9 false or a 4009 close: RESUME then gets op 9 false (D-13)', async () => {
    const discord = await start();
    const first = await identified(discord);
    first.client.ws.close(1000);
    await first.client.closed;
    await discord.waitFor(() => discord.sessions()[0]?.connected === false);
    const retry = await GatewayClient.open(discord.gatewayUrl);
    await retry.next();
    retry.send(6, { token: TOKEN, session_id: first.ready.d.session_id, seq: 2 });
    expect(await retry.next()).toMatchObject({ op: 9, d: false });
    expect(discord.failedResumeCount).toBe(1);

    const second = await identified(discord);
    discord.sendInvalidSession(false);
    expect(await second.client.next()).toMatchObject({ op: 9, d: false });
    expect(discord.sessions().find((s) => s.id === second.ready.d.session_id)!.resumable).toBe(false);

    const third = await identified(discord);
    await discord.closeWith(4009);
    expect((await third.client.closed).code).toBe(4009);
    expect(discord.sessions().find((s) => s.id === third.ready.d.session_id)!.resumable).toBe(false);
    expect(discord.identifyCount).toBe(3);
  });

  it('withholds heartbeat ACKs on request (D-16), for the open connection only', async () => {
    const discord = await start();
    const { client } = await identified(discord);
    discord.withholdHeartbeatAcks();
    client.send(1, 2);
    await expect(client.next((p) => p.op === 11, 200)).rejects.toThrow(/no matching/);
    expect(discord.connections()[0]).toMatchObject({ heartbeats: 1, lastHeartbeatSeq: 2 });
    const other = await identified(discord);
    other.client.send(1, 2);
    expect(await other.client.next()).toMatchObject({ op: 11 });
  });
});

describe('fake Discord: REST', () => {
  it('needs `Authorization: Bot <token>` except on webhooks, and answers Discord error shapes', async () => {
    const discord = await start();
    expect((await fetch(api(discord, '/users/@me'))).status).toBe(401);
    const wrong = await fetch(api(discord, '/users/@me'), { headers: { authorization: 'Bot nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const me = await fetch(api(discord, '/users/@me'), { headers: bot(discord) });
    expect(await me.json()).toMatchObject({ id: '900', bot: true });
    expect(await (await post(discord, '/channels/999/messages', { content: 'x' })).json()).toEqual({ code: 10003, message: 'Unknown Channel' });
    expect(discord.invalidRequestCount).toBe(2);
    // A webhook with an unknown token: no auth needed, 401 50027.
    const hook = await fetch(api(discord, '/webhooks/900/unknown-token/messages/@original'), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' });
    expect(hook.status).toBe(401);
    expect(await hook.json()).toEqual({ code: 50027, message: 'Invalid Webhook Token' });
  });

  it('posts, edits and limits messages, recording allowed_mentions and pings; the bot sees its own posts', async () => {
    const discord = await start();
    const { client } = await identified(discord);
    const sent = await post(discord, '/channels/701/messages', { content: 'Hi @everyone <@501>', allowed_mentions: { parse: [] } });
    expect(sent.status).toBe(200);
    const message = (await sent.json()) as any;
    expect(message).toMatchObject({ channel_id: '701', author: { id: '900', bot: true }, content: 'Hi @everyone <@501>', mention_everyone: false });
    expect(message.id).toMatch(/^\d{17,20}$/);
    expect(message.allowed_mentions).toBeUndefined();
    expect(discord.botMessages('701')[0]).toMatchObject({ allowed_mentions: { parse: [] }, pings: { everyone: false, users: [] } });
    expect((await client.dispatch('MESSAGE_CREATE')).d).toMatchObject({ id: message.id, content: 'Hi @everyone <@501>' });

    const noRules = (await (await post(discord, '/channels/701/messages', { content: '@everyone look' })).json()) as any;
    expect(discord.messages().find((m) => m.id === noRules.id)!.pings.everyone).toBe(true);

    const edited = await post(discord, `/channels/701/messages/${message.id}`, { content: 'Edited' }, 'PATCH');
    expect(await edited.json()).toMatchObject({ id: message.id, content: 'Edited', edited_timestamp: expect.any(String) });
    expect(discord.messages('701')[0]).toMatchObject({ content: 'Edited', editCount: 1 });
    expect((await client.dispatch('MESSAGE_UPDATE')).d.content).toBe('Edited');

    const long = await post(discord, '/channels/701/messages', { content: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ code: 50035, errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
    const embeds = await post(discord, '/channels/701/messages', { embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }] });
    expect(await embeds.json()).toMatchObject({ code: 50035, errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } });
    const fields = await post(discord, '/channels/701/messages', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] });
    expect(await fields.json()).toMatchObject({ code: 50035, errors: { embeds: { '0': { fields: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect(await (await post(discord, '/channels/701/messages', { content: '  ' })).json()).toEqual({ code: 50006, message: 'Cannot send an empty message' });
  });

  it('starts a thread from a message once: thread id = message id, then 400 160004 (D-10)', async () => {
    const discord = await start();
    const user = discord.sendMessageCreate({ channelId: '701', authorId: '501', content: 'recap this', mentionsBot: true });
    const first = await post(discord, `/channels/701/messages/${user.id}/threads`, { name: 'Recap', auto_archive_duration: 1440 });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ id: user.id, type: 11, parent_id: '701', guild_id: '800', name: 'Recap' });
    const second = await post(discord, `/channels/701/messages/${user.id}/threads`, { name: 'Recap' });
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ code: 160004, message: 'A thread has already been created for this message' });
    expect(discord.threads.map((t) => t.id)).toEqual([user.id]);

    expect((await post(discord, `/channels/${user.id}/messages`, { content: 'in the thread' })).status).toBe(200);
    expect(discord.messages(user.id).map((m) => m.content)).toEqual(['in the thread']);
    expect((await fetch(api(discord, `/channels/${user.id}`), { headers: bot(discord) }).then((r) => r.json())) as any).toMatchObject({ id: user.id, message_count: 1 });
    const standalone = await post(discord, '/channels/702/threads', { name: 'Standalone', type: 11 });
    expect(standalone.status).toBe(201);
    expect(discord.threads).toHaveLength(2);
  });

  it('records multipart uploads (payload_json + files[n]) with filename and byte size, downloadable', async () => {
    const discord = await start();
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'transcript attached', attachments: [{ id: 0, filename: 'transcript.txt' }], allowed_mentions: { parse: [] } }));
    form.append('files[0]', new Blob(['hello transcript'], { type: 'text/plain' }), 'transcript.txt');
    const response = await fetch(api(discord, '/channels/701/messages'), { method: 'POST', headers: { authorization: `Bot ${discord.token}` }, body: form });
    expect(response.status).toBe(200);
    const message = (await response.json()) as any;
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'transcript.txt', size: 16 })]);
    const recorded = discord.botMessages('701')[0]!;
    expect(recorded).toMatchObject({ content: 'transcript attached', allowed_mentions: { parse: [] }, attachments: [{ filename: 'transcript.txt', size: 16 }] });
    expect(await (await fetch(recorded.attachments[0]!.url)).text()).toBe('hello transcript');

    const big = new FormData();
    big.append('payload_json', '{}');
    big.append('files[0]', new Blob([new Uint8Array(2048)]), 'big.bin');
    const small = await startDiscordFake({ maxUploadBytes: 1024 });
    try {
      const refused = await fetch(`${small.apiUrl}/v10/channels/${small.channelIds[0]}/messages`, { method: 'POST', headers: { authorization: `Bot ${small.token}` }, body: big });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ code: 40005, message: 'Request entity too large' });
    } finally {
      await small.close();
    }
  });

  it('records registered commands, global and per guild', async () => {
    const discord = await start();
    const command = { name: 'recap', description: 'Recap a meeting', options: [{ type: 3, name: 'url', description: 'Media URL', required: true }] };
    const global = await post(discord, '/applications/900/commands', [command], 'PUT');
    expect(global.status).toBe(200);
    expect(await global.json()).toEqual([expect.objectContaining({ id: expect.any(String), application_id: '900', name: 'recap', type: 1 })]);
    expect((await post(discord, '/applications/900/guilds/800/commands', command)).status).toBe(201);
    expect((await post(discord, '/applications/900/commands', [{ name: 'Bad Name', description: 'x' }], 'PUT')).status).toBe(400);
    expect(discord.commands('global').map((c) => c.name)).toEqual(['recap']);
    expect(discord.commands('800')).toHaveLength(1);
    expect((await post(discord, '/applications/1/commands', [], 'PUT')).status).toBe(403);
  });
});

describe('fake Discord: interactions', () => {
  it('delivers INTERACTION_CREATE; one initial response (then 40060); PATCH @original and follow-ups by webhook (D-4, D-6)', async () => {
    const discord = await start();
    const { client } = await identified(discord);
    const interaction = discord.sendInteractionCreate({ data: { name: 'recap', options: [{ type: 3, name: 'url', value: 'https://x.test/v.mp4' }] }, channel_id: '701' });
    const event = await client.dispatch('INTERACTION_CREATE');
    expect(event.d).toMatchObject({ id: interaction.id, token: interaction.token, type: 2, application_id: '900', channel_id: '701', guild_id: '800', data: { name: 'recap' }, member: { user: { id: expect.any(String) } } });

    const callback = `${api(discord, `/interactions/${interaction.id}/${interaction.token}/callback`)}`;
    const plain = { 'content-type': 'application/json' };
    const deferred = await fetch(callback, { method: 'POST', headers: plain, body: JSON.stringify({ type: 5 }) });
    expect(deferred.status).toBe(204);
    const twice = await fetch(callback, { method: 'POST', headers: plain, body: JSON.stringify({ type: 4, data: { content: 'again' } }) });
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ code: 40060, message: 'Interaction has already been acknowledged.' });
    expect(discord.interactionResponses.map((r) => [r.type, r.status, r.code])).toEqual([[5, 204, undefined], [4, 400, 40060]]);

    const hook = api(discord, `/webhooks/900/${interaction.token}`);
    const edited = await fetch(`${hook}/messages/@original`, { method: 'PATCH', headers: plain, body: JSON.stringify({ content: 'Here is the recap', allowed_mentions: { parse: [] } }) });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ content: 'Here is the recap', channel_id: '701', type: 20 });
    const followUp = await fetch(`${hook}?wait=true`, { method: 'POST', headers: plain, body: JSON.stringify({ content: 'Part 2' }) });
    expect(await followUp.json()).toMatchObject({ content: 'Part 2', webhook_id: '900' });
    expect(discord.botMessages('701').map((m) => [m.source, m.content])).toEqual([
      ['interaction', 'Here is the recap'],
      ['followup', 'Part 2'],
    ]);
    expect(discord.webhookCalls.map((c) => [c.kind, c.status])).toEqual([
      ['original-edit', 200],
      ['followup', 200],
    ]);

    // The same interaction delivered again is the same interaction: its callback is refused with 40060.
    const again = discord.sendInteractionCreate({ id: interaction.id, data: { name: 'recap' } });
    expect(again.token).toBe(interaction.token);
  });

  it('answers an expired interaction token with 50027 or 10015 (D-5) and a late callback with 10062', async () => {
    const discord = await start({ interactionAckDeadlineMs: 50 });
    const plain = { 'content-type': 'application/json' };
    const a = discord.createInteraction({ data: { name: 'recap' } });
    discord.acknowledgeInteraction(a.id, { type: 5 });
    discord.expireInteractionToken(a.token);
    const invalid = await fetch(api(discord, `/webhooks/900/${a.token}/messages/@original`), { method: 'PATCH', headers: plain, body: '{"content":"late"}' });
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual({ code: 50027, message: 'Invalid Webhook Token' });
    discord.expireInteractionToken(a.token, 'unknown');
    const unknown = await fetch(api(discord, `/webhooks/900/${a.token}`), { method: 'POST', headers: plain, body: '{"content":"late"}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 10015, message: 'Unknown Webhook' });

    const b = discord.createInteraction({ data: { name: 'recap' } });
    await new Promise((resolve) => setTimeout(resolve, 80));
    const late = await fetch(api(discord, `/interactions/${b.id}/${b.token}/callback`), { method: 'POST', headers: plain, body: '{"type":5}' });
    expect(late.status).toBe(404);
    expect(await late.json()).toEqual({ code: 10062, message: 'Unknown interaction' });
  });
});

describe('fake Discord: rate limits', () => {
  it('answers 429 with retry_after, Retry-After and X-RateLimit-Scope; an early retry is marked; after waiting it passes (D-7)', async () => {
    const discord = await start();
    discord.rateLimitNext('POST /channels/701/messages', 0.3, { scope: 'user' });
    const limited = await post(discord, '/channels/701/messages', { content: 'x' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ message: 'You are being rate limited.', retry_after: 0.3, global: false });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.get('x-ratelimit-bucket')).toBeTruthy();
    expect((await post(discord, '/channels/701/messages', { content: 'too soon' })).status).toBe(429);
    expect((await post(discord, '/channels/702/messages', { content: 'other route' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect((await post(discord, '/channels/701/messages', { content: 'x' })).status).toBe(200);
    expect(discord.rateLimited.map((r) => r.early)).toEqual([false, true]);
    expect(discord.botMessages().map((m) => m.content)).toEqual(['other route', 'x']);
  });

  it('a global 429 carries X-RateLimit-Global and limits every bot route meanwhile, but not webhooks (D-8)', async () => {
    const discord = await start();
    discord.rateLimitNext('/channels/', 0.2, { global: true });
    const limited = await post(discord, '/channels/701/messages', { content: 'x' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ retry_after: 0.2, global: true });
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
    expect((await fetch(api(discord, '/users/@me'), { headers: bot(discord) })).status).toBe(429);
    const hook = await fetch(api(discord, '/webhooks/900/t'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' });
    expect(hook.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect((await fetch(api(discord, '/users/@me'), { headers: bot(discord) })).status).toBe(200);
    expect(discord.rateLimited.map((r) => [r.global, r.early])).toEqual([
      [true, false],
      [true, true],
    ]);
  });
});
