/**
 * A fake Discord on 127.0.0.1 that a real discord.js 14 client can talk to: REST on the shared harness
 * (`fake-provider-server.ts`, request log + fault injection) and a gateway WebSocket on a second port.
 *
 *   new Client({ intents, rest: { api: fake.apiUrl } })  →  client.login(fake.token)
 *
 * REST (`/api/v10`, `Authorization: Bot <token>` except webhooks and interaction callbacks; 401 otherwise):
 * - `GET /gateway/bot` points at the gateway; `GET /users/@me`, `/applications/@me`; `POST /users/@me/channels` (DMs).
 * - Channel messages: `POST|GET /channels/{id}/messages`, `GET|PATCH|DELETE /channels/{id}/messages/{mid}` (edits in
 *   place), JSON or multipart (`payload_json` + `files[n]`; attachments kept with filename, byte size and bytes,
 *   downloadable from `attachment.url` without auth). Discord's limits answer 400 50035 Invalid Form Body (content
 *   2000, 10 embeds, 6000 embed chars, 25 fields, …, D-9); an empty message 50006; a file over `maxUploadBytes` 413
 *   40005. Each message records its `allowed_mentions` and the `pings` it would cause (D-17).
 * - Threads: `POST /channels/{id}/messages/{mid}/threads` (thread id = message id; a second one → 400 160004, D-10),
 *   `POST /channels/{id}/threads`; `GET /channels/{id}`; typing; reactions (`PUT …/reactions/{emoji}/@me`).
 * - Commands: `GET|PUT|POST /applications/{app}/commands` and `/applications/{app}/guilds/{gid}/commands`.
 * - Interactions: `POST /interactions/{id}/{token}/callback` (a second → 400 40060, D-6; after
 *   `interactionAckDeadlineMs` (3 s) → 404 10062); types 4/5 create the original message. Webhooks
 *   `GET|PATCH|DELETE /webhooks/{app}/{token}/messages/@original`, follow-ups `POST /webhooks/{app}/{token}` and
 *   `…/messages/{mid}`; an unknown token → 401 50027, a wrong app → 404 10015, an expired one per
 *   {@link DiscordFake.expireInteractionToken} (D-5) or after `interactionTokenTtlMs` (15 min).
 * - Rate limits: {@link DiscordFake.rateLimitNext} → 429 `{message, retry_after, global}` with `Retry-After` (whole
 *   seconds, rounded up), `X-RateLimit-Scope`, `X-RateLimit-Global` / bucket headers (D-7, D-8). Requests that come
 *   back before `retry_after` has passed get 429 again and are marked `early` in {@link DiscordFake.rateLimited}.
 *
 * Gateway (v10, JSON, no compression): HELLO → IDENTIFY (token and intents checked: 4004, 4013, 4014 for privileged
 * intents not in `privilegedIntents`) → READY (`resume_gateway_url` = this gateway) → GUILD_CREATE (guild, text
 * channels, active threads, the bot's member; with the GUILDS intent). Heartbeats are ACKed. RESUME replays the
 * events after the client's `seq`, then RESUMED. Every dispatch has a sequence number, per session. Events go to
 * every session Discord would keep (D-15: two clients each get them), honouring intents (GUILD_MESSAGES,
 * DIRECT_MESSAGES). Sessions stay resumable after a dropped link or a client close other than 1000/1001; events meant
 * for a disconnected session are kept for its RESUME. The bot's own messages, edits, deletions and new threads are
 * dispatched too (MESSAGE_CREATE / UPDATE / DELETE, THREAD_CREATE), as Discord does.
 * MESSAGE_CREATE content (and attachments, embeds) reach a session only when the bot is mentioned, in DMs, for the
 * bot's own messages, or when the session has the (granted) MESSAGE_CONTENT intent (D-11).
 */
import { Hono } from 'hono';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';
import {
  DiscordGateway,
  INTENTS,
  type DispatchRecord,
  type GatewayConnectionInfo,
  type GatewaySessionInfo,
  type GatewayTarget,
  type IdentifyRecord,
  type ReceivedPayload,
} from './discord/gateway.ts';
import { createDiscordRoutes, RateLimiter, type RateLimitOptions, type RateLimitRecord } from './discord/rest.ts';
import {
  apiMessage,
  BOT_PERMISSIONS,
  CHANNEL_TYPE,
  contentTypeFor,
  DiscordWorld,
  pingsOf,
  randomToken,
  snowflake,
  type ApiError,
  type DiscordAttachment,
  type DiscordChannel,
  type DiscordMessage,
  type InteractionResponseRecord,
  type InteractionState,
  type ReactionRecord,
  type RegisteredCommand,
  type WebhookCallRecord,
} from './discord/world.ts';

export { INTENTS, PRIVILEGED_INTENTS, OP } from './discord/gateway.ts';
export type { DispatchRecord, GatewayConnectionInfo, GatewaySessionInfo, GatewayTarget, IdentifyRecord, ReceivedPayload } from './discord/gateway.ts';
export type { RateLimitOptions, RateLimitRecord } from './discord/rest.ts';
export { LIMITS, snowflake } from './discord/world.ts';
export type {
  DiscordAttachment,
  DiscordChannel,
  DiscordMessage,
  DiscordUser,
  InteractionResponseRecord,
  Pings,
  ReactionRecord,
  RegisteredCommand,
  WebhookCallRecord,
} from './discord/world.ts';

export const DISCORD_FAKE_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake00.recap-test-bot-token-000000000000';

export interface DiscordFakeOptions {
  token?: string;
  applicationId?: string;
  /** Default: the application id (as for most bots). */
  botUserId?: string;
  botUsername?: string;
  guildId?: string;
  guildName?: string;
  /** Text channel ids of the guild (the first is `general`). */
  channels?: string[];
  /** HELLO's heartbeat_interval; default 41250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** Port of the REST server (the gateway takes another; `gatewayPort`). */
  port?: number;
  gatewayPort?: number;
  /** Privileged intents granted to the application (`INTENTS.messageContent`, …); default none. */
  privilegedIntents?: number;
  /** session_start_limit.total; default 1000. */
  sessionStartLimit?: number;
  /** After this, the interaction callback answers 404 10062; default 3000. */
  interactionAckDeadlineMs?: number;
  /** After this, the interaction webhook answers 401 50027; default 15 minutes. */
  interactionTokenTtlMs?: number;
  /** Per-request upload limit; default 10 MiB. */
  maxUploadBytes?: number;
}

export interface MessageCreateInput {
  /** Default: the first channel, or (with `dm`) the author's DM channel. */
  channelId?: string;
  authorId: string;
  authorName?: string;
  authorBot?: boolean;
  content: string;
  /** Mentions the bot: `<@botUserId> ` is put in front of the content unless it is there already. */
  mentionsBot?: boolean;
  /** A direct message (no guild; needs DIRECT_MESSAGES and, in discord.js, the Channel partial). */
  dm?: boolean;
  attachments?: { filename: string; size?: number; contentType?: string; data?: Uint8Array | string }[];
  /** Makes it a reply to this message. */
  replyTo?: string;
  id?: string;
}

export interface InteractionInput {
  /** 2 (application command) unless given. */
  type?: number;
  data: { name: string; options?: unknown[]; type?: number; id?: string; [key: string]: unknown };
  channel_id?: string;
  guild_id?: string;
  /** Merged over a default member (`user` merged too); for DMs pass `user` and `dm: true`. */
  member?: Record<string, unknown>;
  user?: Record<string, unknown>;
  dm?: boolean;
  token?: string;
  id?: string;
}

export type InteractionPayload = Record<string, unknown> & { id: string; token: string; application_id: string; type: number; channel_id: string };

export interface DiscordFake extends FakeServer {
  /** `<origin>/api`: discord.js's `rest.api` option. */
  apiUrl: string;
  /** `ws://127.0.0.1:PORT` (what `GET /gateway/bot` answers). */
  gatewayUrl: string;
  token: string;
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelIds: string[];

  // ---- records
  /** Messages as the channels now show them (user messages sent through the gateway and the bot's), oldest first; deleted ones excluded. A thread's messages are under its id. */
  messages(channelId?: string): DiscordMessage[];
  /** The bot's own messages (REST posts, interaction answers, follow-ups). */
  botMessages(channelId?: string): DiscordMessage[];
  /** Threads created through REST. */
  readonly threads: DiscordChannel[];
  channel(id: string): DiscordChannel | undefined;
  /** Every initial-response attempt (callbacks and answers recorded with `acknowledgeInteraction`), refused ones included. */
  readonly interactionResponses: InteractionResponseRecord[];
  /** Every call to an interaction webhook, refused ones included, with the answered status and code. */
  readonly webhookCalls: WebhookCallRecord[];
  /** Registered commands (`global` or a guild id; all without one). */
  commands(scope?: string): RegisteredCommand[];
  readonly reactions: ReactionRecord[];
  /** Every 429 answered (`early`: the client had not waited out an earlier one). */
  readonly rateLimited: RateLimitRecord[];
  /** 401, 403 and 429 answers so far (Discord bans after 10,000 in 10 minutes). */
  readonly invalidRequestCount: number;
  /** The bytes of an attachment (uploaded by the bot or sent with a user message). */
  attachmentBytes(attachmentId: string): Buffer | undefined;

  // ---- gateway records
  readonly identifyCount: number;
  /** Successful RESUMEs. */
  readonly resumeCount: number;
  /** RESUMEs answered with op 9 `false` (unknown or ended session). */
  readonly failedResumeCount: number;
  readonly identifies: IdentifyRecord[];
  /** Payloads received from clients (tokens redacted). */
  readonly received: ReceivedPayload[];
  connections(): GatewayConnectionInfo[];
  sessions(): GatewaySessionInfo[];
  /** Dispatches (per session, with `s`), optionally of one type. */
  dispatches(t?: string): DispatchRecord[];

  // ---- controls
  /** Called once a REST request's effect is committed, before its answer is sent: crash tests SIGKILL Recap here. */
  onCommitted?: (method: string, path: string, status: number) => void;
  /** A user message arriving through the gateway (stored, so threads can be started from it). */
  sendMessageCreate(input: MessageCreateInput): DiscordMessage;
  /** Registers an interaction and dispatches INTERACTION_CREATE. The same `id` again is the same interaction (D-6). */
  sendInteractionCreate(input: InteractionInput): InteractionPayload;
  /** Registers an interaction without dispatching it (to deliver over HTTP, signed by the test). */
  createInteraction(input: InteractionInput): InteractionPayload;
  /** Records the initial response an HTTP-delivered interaction got in the HTTP answer (type 4/5 create the original). */
  acknowledgeInteraction(interactionId: string, response: { type: number; data?: unknown }): void;
  /** From now on the interaction's webhook answers 401 50027 (`invalid`, default) or 404 10015 (`unknown`) (D-5). */
  expireInteractionToken(token: string, as?: 'invalid' | 'unknown'): void;
  /** The next `times` (1) requests matching `route` (path contains, after `/api/v10`; may start with a method: `POST /channels/1/messages`; or a RegExp) answer 429. */
  rateLimitNext(route: string | RegExp, retryAfterSeconds: number, options?: RateLimitOptions): void;
  /** The bot may not use this channel (and its threads): 403 50013 Missing Permissions, or 50001 Missing Access. */
  denyChannel(channelId: string, code?: 50001 | 50013): void;
  addChannel(id: string, name?: string): DiscordChannel;
  /** Closes the open connection(s) with this code (4000: resumable; 4004/4007/4009/4010-4014 end the session). */
  closeWith(code: number, target?: GatewayTarget & { reason?: string }): Promise<void>;
  /** Ends the TCP connection(s) without a close frame. */
  dropConnection(target?: GatewayTarget): void;
  /** op 7 (D-12). */
  sendReconnect(target?: GatewayTarget): void;
  /** op 9 (D-13); `false` also ends the session. */
  sendInvalidSession(resumable: boolean, target?: GatewayTarget): void;
  /** The open connection(s) get no more heartbeat ACKs (D-16); new connections do. */
  withholdHeartbeatAcks(target?: GatewayTarget): void;
  resumeHeartbeatAcks(target?: GatewayTarget): void;
  /** The next RESUME replays from this sequence number even if the client saw those events (dedupe tests, D-12). */
  replayOnNextResume(fromSeq: number): void;
  /** Every session ends: the next RESUME gets op 9 `false`. */
  invalidateSessions(): void;
  /** Dispatches any event to every session (`build` may vary it by intents or return undefined to skip one). */
  dispatch(t: string, d: unknown | ((session: { intents: number }) => unknown)): DispatchRecord[];
  /** Polls `condition` every 10 ms until it holds; rejects after `timeoutMs` (5000). */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
}

/** Starts the fake (REST + gateway) on 127.0.0.1. Close it with `close()`. */
export async function startDiscordFake(options: DiscordFakeOptions = {}): Promise<DiscordFake> {
  const applicationId = options.applicationId ?? '1100000000000000001';
  const identity = {
    token: options.token ?? DISCORD_FAKE_TOKEN,
    applicationId,
    botUserId: options.botUserId ?? applicationId,
    botUsername: options.botUsername ?? 'Recap',
    guildId: options.guildId ?? '1200000000000000001',
    guildName: options.guildName ?? 'Fake Guild',
  };
  const channelIds = options.channels ?? ['1300000000000000001', '1300000000000000002'];
  const world = new DiscordWorld(
    identity,
    {
      interactionAckDeadlineMs: options.interactionAckDeadlineMs ?? 3000,
      interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60 * 1000,
      maxUploadBytes: options.maxUploadBytes ?? 10 * 1024 * 1024,
    },
    channelIds,
  );
  const gateway = new DiscordGateway(world, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    privilegedIntents: options.privilegedIntents ?? 0,
    sessionStartLimit: options.sessionStartLimit ?? 1000,
  });
  await gateway.start(options.gatewayPort ?? 0);
  world.onEvent = (t, d) => {
    const intent = t === 'THREAD_CREATE' ? INTENTS.guilds : 'guild_id' in d ? INTENTS.guildMessages : INTENTS.directMessages;
    gateway.dispatch(t, (session) => (session.intents & intent ? d : undefined));
  };

  const rateLimits = new RateLimiter();
  let invalidRequests = 0;
  const app = new Hono();
  app.route(
    '/',
    createDiscordRoutes({
      world,
      rateLimits,
      gatewayUrl: () => gateway.url,
      sessionStartLimit: () => gateway.sessionStartLimit(),
      invalid: () => {
        invalidRequests += 1;
      },
      committed: (method, path, status) => fake.onCommitted?.(method, path, status),
    }),
  );
  let server: FakeServer;
  try {
    server = await startFakeServer(app, options.port === undefined ? {} : { port: options.port });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  world.origin = server.url;

  const visible = (m: DiscordMessage, channelId?: string) => !m.deleted && (channelId === undefined || m.channel_id === channelId);

  function registerInteraction(input: InteractionInput): InteractionPayload {
    const existing = input.id ? world.interactions.get(input.id) : undefined;
    if (existing) return existing.payload as InteractionPayload;
    const dm = input.dm ?? false;
    const channelId = input.channel_id ?? (dm ? snowflake() : channelIds[0] ?? world.addTextChannel(snowflake(), 'general').id);
    const guildId = dm ? undefined : (input.guild_id ?? identity.guildId);
    const defaultUser = { id: '1400000000000000001', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null, public_flags: 0 };
    const memberIn = input.member ?? {};
    const user = { ...defaultUser, ...((memberIn.user as Record<string, unknown> | undefined) ?? input.user ?? {}) } as typeof defaultUser;
    const channel = dm ? world.dmChannelFor(user.id, channelId) : (world.channels.get(channelId) ?? world.addTextChannel(channelId, `channel-${channelId.slice(-4)}`));
    const type = input.type ?? 2;
    const registered = world.commands.find((c) => c.name === input.data.name && (c.scope === 'global' || c.scope === guildId));
    const payload: InteractionPayload = {
      id: input.id ?? snowflake(),
      application_id: identity.applicationId,
      type,
      data: { id: registered?.id ?? snowflake(), type: 1, ...input.data, ...(guildId && type === 2 ? { guild_id: guildId } : {}) },
      ...(guildId ? { guild_id: guildId, guild: { id: guildId, locale: 'en-US', features: [] } } : {}),
      channel_id: channel.id,
      channel: dm ? { id: channel.id, type: CHANNEL_TYPE.dm, recipients: [user], flags: 0, last_message_id: null } : channel,
      ...(dm
        ? { user }
        : {
            member: {
              roles: [],
              permissions: BOT_PERMISSIONS,
              joined_at: new Date(0).toISOString(),
              premium_since: null,
              nick: null,
              avatar: null,
              deaf: false,
              mute: false,
              flags: 0,
              pending: false,
              communication_disabled_until: null,
              ...memberIn,
              user,
            },
          }),
      token: input.token ?? randomToken('aW50ZXJhY3Rpb246'),
      version: 1,
      app_permissions: BOT_PERMISSIONS,
      locale: 'en-US',
      ...(guildId ? { guild_locale: 'en-US' } : {}),
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context: dm ? 1 : 0,
      attachment_size_limit: world.options.maxUploadBytes,
    };
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      applicationId: identity.applicationId,
      channelId: channel.id,
      ...(guildId ? { guildId } : {}),
      createdAt: Date.now(),
      payload,
      followUps: [],
    };
    world.interactions.set(state.id, state);
    world.interactionsByToken.set(state.token, state);
    return payload;
  }

  function sendMessageCreate(input: MessageCreateInput): DiscordMessage {
    const dm = input.dm ?? false;
    const author = world.user(input.authorId, { ...(input.authorName ? { name: input.authorName } : {}), ...(input.authorBot ? { bot: true } : {}) });
    const channel = dm ? world.dmChannelFor(author.id, input.channelId) : world.channels.get(input.channelId ?? channelIds[0] ?? '');
    const channelId = channel?.id ?? input.channelId ?? '';
    const bot = identity.botUserId;
    let content = input.content;
    if (input.mentionsBot && !content.includes(`<@${bot}>`) && !content.includes(`<@!${bot}>`)) content = `<@${bot}> ${content}`;
    const attachments: DiscordAttachment[] = (input.attachments ?? []).map((a) => {
      const id = snowflake();
      const bytes = a.data === undefined ? Buffer.alloc(a.size ?? 0) : typeof a.data === 'string' ? Buffer.from(a.data, 'utf8') : Buffer.from(a.data);
      world.files.set(id, bytes);
      const url = world.attachmentUrl(channelId, id, a.filename);
      return { id, filename: a.filename, size: a.size ?? bytes.length, content_type: a.contentType ?? contentTypeFor(a.filename), url, proxy_url: url };
    });
    const pings = pingsOf(content, undefined);
    const message = world.store({
      id: input.id ?? snowflake(),
      channel_id: channelId,
      ...(dm ? {} : { guild_id: channel?.guild_id ?? identity.guildId }),
      author,
      content,
      embeds: [],
      components: [],
      attachments,
      flags: 0,
      type: input.replyTo ? 19 : 0,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      pinned: false,
      mention_everyone: false,
      mentions: pings.users.map((id) => world.user(id)),
      mention_roles: pings.roles,
      ...(input.replyTo ? { message_reference: { type: 0, message_id: input.replyTo, channel_id: channelId, ...(dm ? {} : { guild_id: identity.guildId }) } } : {}),
      source: 'gateway',
      pings,
      editCount: 0,
      deleted: false,
    });
    const mentioned = pings.users.includes(bot);
    const full = {
      ...apiMessage(message),
      ...(dm ? {} : { member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, premium_since: null } }),
    };
    const stripped = { ...full, content: '', embeds: [], attachments: [], components: [] };
    gateway.dispatch('MESSAGE_CREATE', (session) => {
      if (!(session.intents & (dm ? INTENTS.directMessages : INTENTS.guildMessages))) return undefined;
      return dm || mentioned || author.id === bot || session.intents & INTENTS.messageContent ? full : stripped;
    });
    return message;
  }

  const waitFor = async (condition: () => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`fake Discord: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const fake: DiscordFake = {
    ...server,
    apiUrl: `${server.url}/api`,
    gatewayUrl: gateway.url,
    token: identity.token,
    applicationId: identity.applicationId,
    botUserId: identity.botUserId,
    guildId: identity.guildId,
    channelIds,
    messages: (channelId) => world.messages.filter((m) => visible(m, channelId)),
    botMessages: (channelId) => world.messages.filter((m) => visible(m, channelId) && m.author.id === identity.botUserId),
    get threads() {
      return world.threads();
    },
    channel: (id) => world.channels.get(id),
    interactionResponses: world.interactionResponses,
    webhookCalls: world.webhookCalls,
    commands: (scope) => world.commands.filter((c) => scope === undefined || c.scope === scope),
    reactions: world.reactions,
    rateLimited: rateLimits.records,
    get invalidRequestCount() {
      return invalidRequests;
    },
    attachmentBytes: (id) => world.files.get(id),
    get identifyCount() {
      return gateway.identifyCount;
    },
    get resumeCount() {
      return gateway.resumeCount;
    },
    get failedResumeCount() {
      return gateway.failedResumeCount;
    },
    identifies: gateway.identifies,
    received: gateway.received,
    connections: () => gateway.connections(),
    sessions: () => gateway.sessionList(),
    dispatches: (t) => gateway.dispatches.filter((d) => t === undefined || d.t === t),
    sendMessageCreate,
    sendInteractionCreate: (input) => {
      const payload = registerInteraction(input);
      gateway.dispatch('INTERACTION_CREATE', () => payload);
      return payload;
    },
    createInteraction: registerInteraction,
    acknowledgeInteraction: (interactionId, response) => {
      const state = world.interactions.get(interactionId);
      if (!state) throw new Error(`fake Discord: unknown interaction ${interactionId}`);
      const record: InteractionResponseRecord = { interactionId, token: state.token, type: response.type, status: 200, via: 'http', at: Date.now() };
      if (response.data !== undefined) record.data = response.data;
      world.interactionResponses.push(record);
      const problem: ApiError | undefined = state.response ? { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } } : world.respond(state, response.type, response.data, []);
      if (problem) {
        record.status = problem.status;
        record.code = problem.body.code;
      }
    },
    expireInteractionToken: (token, as = 'invalid') => {
      const state = world.interactionsByToken.get(token);
      if (!state) throw new Error('fake Discord: unknown interaction token');
      state.expired = as;
    },
    rateLimitNext: (route, retryAfterSeconds, rateOptions) => rateLimits.add(route, retryAfterSeconds, rateOptions),
    denyChannel: (channelId, code = 50013) => {
      world.denied.set(channelId, code);
    },
    addChannel: (id, name) => world.addTextChannel(id, name ?? `channel-${id.slice(-4)}`),
    closeWith: (code, target) => gateway.closeWith(code, target),
    dropConnection: (target) => gateway.drop(target),
    sendReconnect: (target) => gateway.sendReconnect(target),
    sendInvalidSession: (resumable, target) => gateway.sendInvalidSession(resumable, target),
    withholdHeartbeatAcks: (target) => gateway.withholdHeartbeatAcks(true, target),
    resumeHeartbeatAcks: (target) => gateway.withholdHeartbeatAcks(false, target),
    replayOnNextResume: (fromSeq) => gateway.replayOnNextResume(fromSeq),
    invalidateSessions: () => gateway.invalidateSessions(),
    dispatch: (t, d) => gateway.dispatch(t, typeof d === 'function' ? (d as (session: { intents: number }) => unknown) : () => d),
    waitFor,
    close: async () => {
      await Promise.all([server.close(), gateway.close()]);
    },
  };
  return fake;
}
