/**
 * What the fake Discord remembers: channels and threads, messages (user messages sent through the gateway and the
 * bot's own, edited in place), uploaded attachments, registered commands, interactions with their responses and
 * webhook calls. Also Discord's object shapes (users, channels, the guild, messages) and its message limits.
 */
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1420070400000n;
let lastSnowflake = 0n;

/** A Discord snowflake for now: unique and increasing across every fake in the process. */
export function snowflake(now = Date.now()): string {
  let value = (BigInt(now) - DISCORD_EPOCH) << 22n;
  if (value <= lastSnowflake) value = lastSnowflake + 1n;
  lastSnowflake = value;
  return value.toString();
}

export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

export const CHANNEL_TYPE = { text: 0, dm: 1, announcement: 5, announcementThread: 10, publicThread: 11, privateThread: 12 } as const;

/** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, ADD_REACTIONS, USE_APPLICATION_COMMANDS, CREATE_PUBLIC_THREADS, SEND_MESSAGES_IN_THREADS. */
export const BOT_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 6n) | (1n << 31n) | (1n << 35n) | (1n << 38n)).toString();

export interface DiscordUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
  public_flags: number;
}

export interface DiscordChannel {
  id: string;
  type: number;
  name?: string;
  guild_id?: string;
  parent_id?: string | null;
  position?: number;
  permission_overwrites?: unknown[];
  topic?: string | null;
  nsfw?: boolean;
  last_message_id: string | null;
  rate_limit_per_user?: number;
  flags: number;
  recipients?: DiscordUser[];
  owner_id?: string;
  message_count?: number;
  member_count?: number;
  total_message_sent?: number;
  thread_metadata?: { archived: boolean; auto_archive_duration: number; archive_timestamp: string; locked: boolean; invitable?: boolean; create_timestamp: string };
}

export interface DiscordAttachment {
  id: string;
  filename: string;
  /** Bytes. */
  size: number;
  content_type?: string;
  description?: string;
  url: string;
  proxy_url: string;
}

export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
}

export type MessageSource = 'gateway' | 'rest' | 'interaction' | 'followup';

/** A message as the channel shows it, plus what the fake records about it (not part of Discord's object). */
export interface DiscordMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: DiscordUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: DiscordAttachment[];
  flags: number;
  type: number;
  tts: boolean;
  timestamp: string;
  edited_timestamp: string | null;
  pinned: boolean;
  mention_everyone: boolean;
  mentions: DiscordUser[];
  mention_roles: string[];
  message_reference?: unknown;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: unknown;
  thread?: DiscordChannel;
  nonce?: unknown;
  // ---- recorded by the fake ----
  /** How it got there: a user message sent through the gateway, or the bot's REST post / interaction answer / follow-up. */
  source: MessageSource;
  /** `allowed_mentions` as last sent for it (undefined when the request had none: Discord then parses every kind). */
  allowed_mentions?: unknown;
  /** Who would be notified, per the content and `allowed_mentions` (D-17). */
  pings: Pings;
  editCount: number;
  deleted: boolean;
  /** Interaction answers and follow-ups: the interaction token. */
  interactionToken?: string;
}

const RECORD_ONLY = ['source', 'allowed_mentions', 'pings', 'editCount', 'deleted', 'interactionToken'] as const;

/** The message as Discord's API returns it. */
export function apiMessage(message: DiscordMessage): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...message };
  for (const key of RECORD_ONLY) delete copy[key];
  return copy;
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  /** `global`, or the guild id. */
  scope: string;
  guild_id?: string;
  name: string;
  description: string;
  type: number;
  options?: unknown[];
  version: string;
  [key: string]: unknown;
}

export interface InteractionState {
  id: string;
  token: string;
  applicationId: string;
  channelId: string;
  guildId?: string;
  createdAt: number;
  payload: Record<string, unknown>;
  /** The initial response that was accepted. */
  response?: { type: number; data?: unknown; at: number };
  originalMessageId?: string;
  /** Set by a control: the webhook answers 401 50027 (`invalid`) or 404 10015 (`unknown`). */
  expired?: 'invalid' | 'unknown';
  followUps: string[];
}

export interface InteractionResponseRecord {
  interactionId: string;
  token: string;
  type?: number;
  data?: unknown;
  /** The HTTP status the fake answered. */
  status: number;
  /** Discord's error code when refused (40060, 10062, 50035, …). */
  code?: number;
  /** `http`: recorded through `acknowledgeInteraction` (the answer went back in the HTTP response). */
  via: 'callback' | 'http';
  at: number;
}

export type WebhookCallKind = 'original-get' | 'original-edit' | 'original-delete' | 'followup' | 'followup-get' | 'followup-edit' | 'followup-delete';

export interface WebhookCallRecord {
  method: string;
  kind: WebhookCallKind;
  applicationId: string;
  token: string;
  messageId?: string;
  body?: unknown;
  /** Attachments uploaded with it (multipart). */
  files?: { filename: string; size: number }[];
  status: number;
  code?: number;
  at: number;
}

export interface ReactionRecord {
  channelId: string;
  messageId: string;
  emoji: string;
  at: number;
}

export interface UploadedFile {
  /** The `files[n]` index. */
  index: number;
  filename: string;
  size: number;
  contentType: string;
  bytes: Buffer;
}

export interface ApiError {
  status: number;
  body: { code: number; message: string; errors?: unknown };
}

export function apiError(status: number, code: number, message: string, errors?: unknown): ApiError {
  return { status, body: { code, message, ...(errors === undefined ? {} : { errors }) } };
}

export const ERRORS = {
  unknownChannel: () => apiError(404, 10003, 'Unknown Channel'),
  unknownMessage: () => apiError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => apiError(404, 10015, 'Unknown Webhook'),
  invalidWebhookToken: () => apiError(401, 50027, 'Invalid Webhook Token'),
  unknownInteraction: () => apiError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => apiError(400, 40060, 'Interaction has already been acknowledged.'),
  threadExists: () => apiError(400, 160004, 'A thread has already been created for this message'),
  emptyMessage: () => apiError(400, 50006, 'Cannot send an empty message'),
  notAuthor: () => apiError(403, 50005, 'Cannot edit a message authored by another user'),
  missingAccess: () => apiError(403, 50001, 'Missing Access'),
  missingPermissions: () => apiError(403, 50013, 'Missing Permissions'),
  tooLarge: () => apiError(413, 40005, 'Request entity too large'),
  invalidJson: () => apiError(400, 50109, 'The request body contains invalid JSON.'),
  unauthorized: () => apiError(401, 0, '401: Unauthorized'),
};

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60 * 1000;

/** 50035 Invalid Form Body with Discord's nested `errors` at `path` (e.g. `['embeds', 0, 'fields']`). */
export function formError(path: (string | number)[], code: string, message: string): ApiError {
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return apiError(400, 50035, 'Invalid Form Body', errors);
}

const maxLength = (path: (string | number)[], max: number) => formError(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
const required = (path: (string | number)[]) => formError(path, 'BASE_TYPE_REQUIRED', 'This field is required');

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  threadName: 100,
} as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const textLength = (value: unknown) => (typeof value === 'string' ? value.length : 0);

/** Checks `content`, `embeds` and `allowed_mentions` of a create or edit payload against Discord's limits. */
export function checkMessageFields(payload: Json): ApiError | undefined {
  if ('content' in payload && payload.content !== null && payload.content !== undefined) {
    if (typeof payload.content !== 'string') return formError(['content'], 'STRING_TYPE_CONVERT', 'Could not interpret "content" as string.');
    if (payload.content.length > LIMITS.content) return maxLength(['content'], LIMITS.content);
  }
  if (Array.isArray(payload.embeds)) {
    const embeds = payload.embeds as unknown[];
    if (embeds.length > LIMITS.embeds) return maxLength(['embeds'], LIMITS.embeds);
    let total = 0;
    for (const [i, raw] of embeds.entries()) {
      if (!isObject(raw)) return formError(['embeds', i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      const embed = raw;
      if (textLength(embed.title) > LIMITS.title) return maxLength(['embeds', i, 'title'], LIMITS.title);
      if (textLength(embed.description) > LIMITS.description) return maxLength(['embeds', i, 'description'], LIMITS.description);
      const footer = isObject(embed.footer) ? embed.footer : {};
      const author = isObject(embed.author) ? embed.author : {};
      if (textLength(footer.text) > LIMITS.footer) return maxLength(['embeds', i, 'footer', 'text'], LIMITS.footer);
      if (textLength(author.name) > LIMITS.authorName) return maxLength(['embeds', i, 'author', 'name'], LIMITS.authorName);
      total += textLength(embed.title) + textLength(embed.description) + textLength(footer.text) + textLength(author.name);
      if (embed.fields !== undefined) {
        const fields = Array.isArray(embed.fields) ? (embed.fields as unknown[]) : [];
        if (fields.length > LIMITS.fields) return maxLength(['embeds', i, 'fields'], LIMITS.fields);
        for (const [j, field] of fields.entries()) {
          const f = isObject(field) ? field : {};
          if (typeof f.name !== 'string' || f.name === '') return required(['embeds', i, 'fields', j, 'name']);
          if (typeof f.value !== 'string' || f.value === '') return required(['embeds', i, 'fields', j, 'value']);
          if (f.name.length > LIMITS.fieldName) return maxLength(['embeds', i, 'fields', j, 'name'], LIMITS.fieldName);
          if (f.value.length > LIMITS.fieldValue) return maxLength(['embeds', i, 'fields', j, 'value'], LIMITS.fieldValue);
          total += f.name.length + f.value.length;
        }
      }
    }
    if (total > LIMITS.embedTotal) return formError(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
  const mentions = payload.allowed_mentions;
  if (mentions !== undefined && mentions !== null) {
    if (!isObject(mentions)) return formError(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    const parse = Array.isArray(mentions.parse) ? (mentions.parse as unknown[]) : [];
    for (const [i, kind] of parse.entries()) {
      if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') return formError(['allowed_mentions', 'parse', i], 'BASE_TYPE_CHOICES', 'Value must be one of {\'users\', \'roles\', \'everyone\'}.');
    }
    for (const kind of ['users', 'roles'] as const) {
      const list = mentions[kind];
      if (Array.isArray(list) && list.length > 0 && parse.includes(kind)) {
        return formError(['allowed_mentions'], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
      }
      if (Array.isArray(list) && list.length > 100) return maxLength(['allowed_mentions', kind], 100);
    }
  }
  return undefined;
}

/** Whether the message would be empty (no content, embeds, attachments, stickers or poll). */
export function isEmptyMessage(content: string, embeds: unknown[], attachments: number, payload: Json): boolean {
  const stickers = Array.isArray(payload.sticker_ids) && payload.sticker_ids.length > 0;
  return content.trim() === '' && embeds.length === 0 && attachments === 0 && !stickers && payload.poll === undefined;
}

/** Who `content` would notify under `allowedMentions` (absent: Discord parses users, roles and everyone). */
export function pingsOf(content: string, allowedMentions: unknown): Pings {
  const users = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  const roles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  const everyone = /@(everyone|here)\b/.test(content);
  if (!isObject(allowedMentions)) return { everyone, users: [...new Set(users)], roles: [...new Set(roles)] };
  const parse = Array.isArray(allowedMentions.parse) ? (allowedMentions.parse as unknown[]) : [];
  const listed = (kind: 'users' | 'roles') => (Array.isArray(allowedMentions[kind]) ? (allowedMentions[kind] as unknown[]).map(String) : []);
  const allowUsers = listed('users');
  const allowRoles = listed('roles');
  return {
    everyone: everyone && parse.includes('everyone'),
    users: [...new Set(users.filter((id) => parse.includes('users') || allowUsers.includes(id)))],
    roles: [...new Set(roles.filter((id) => parse.includes('roles') || allowRoles.includes(id)))],
  };
}

export function contentTypeFor(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    txt: 'text/plain; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
    json: 'application/json',
    vtt: 'text/vtt',
    srt: 'application/x-subrip',
    png: 'image/png',
    jpg: 'image/jpeg',
    mp4: 'video/mp4',
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
    m4a: 'audio/mp4',
  };
  return types[ext] ?? 'application/octet-stream';
}

export interface Identity {
  token: string;
  applicationId: string;
  botUserId: string;
  botUsername: string;
  guildId: string;
  guildName: string;
}

export interface WorldOptions {
  interactionAckDeadlineMs: number;
  interactionTokenTtlMs: number;
  maxUploadBytes: number;
}

export class DiscordWorld {
  readonly channels = new Map<string, DiscordChannel>();
  readonly messages: DiscordMessage[] = [];
  readonly byId = new Map<string, DiscordMessage>();
  readonly files = new Map<string, Buffer>();
  readonly users = new Map<string, DiscordUser>();
  readonly commands: RegisteredCommand[] = [];
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly interactionResponses: InteractionResponseRecord[] = [];
  readonly webhookCalls: WebhookCallRecord[] = [];
  /** Channels the bot may not use: the error code answered (50001 Missing Access or 50013 Missing Permissions). */
  readonly denied = new Map<string, 50001 | 50013>();
  readonly reactions: ReactionRecord[] = [];
  /** Accepts an initial interaction response (set by the REST routes; also used for answers given over HTTP). */
  respond: (state: InteractionState, type: unknown, data: unknown, files: UploadedFile[]) => ApiError | undefined = () => undefined;
  readonly botUser: DiscordUser;
  /** Called for each change the gateway should announce (MESSAGE_CREATE of the bot's messages, THREAD_CREATE, …). */
  onEvent: (t: string, d: Record<string, unknown>) => void = () => undefined;
  origin = '';

  constructor(
    readonly identity: Identity,
    readonly options: WorldOptions,
    channelIds: string[],
  ) {
    this.botUser = { id: identity.botUserId, username: identity.botUsername, discriminator: '0', global_name: null, avatar: null, bot: true, public_flags: 0 };
    this.users.set(this.botUser.id, this.botUser);
    channelIds.forEach((id, position) => this.addTextChannel(id, position === 0 ? 'general' : `channel-${position + 1}`, position));
  }

  addTextChannel(id: string, name: string, position = this.channels.size): DiscordChannel {
    const channel: DiscordChannel = {
      id,
      type: CHANNEL_TYPE.text,
      name,
      guild_id: this.identity.guildId,
      parent_id: null,
      position,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
    this.channels.set(id, channel);
    return channel;
  }

  user(id: string, options: { name?: string; bot?: boolean } = {}): DiscordUser {
    let user = this.users.get(id);
    if (!user) {
      const name = options.name ?? `user${id.slice(-4)}`;
      user = { id, username: name.toLowerCase().replace(/[^a-z0-9_.]/g, ''), discriminator: '0', global_name: name, avatar: null, public_flags: 0, ...(options.bot ? { bot: true } : {}) };
      this.users.set(id, user);
    }
    return user;
  }

  dmChannelFor(userId: string, channelId?: string): DiscordChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === CHANNEL_TYPE.dm && channel.recipients?.[0]?.id === userId && (channelId === undefined || channel.id === channelId)) return channel;
    }
    const channel: DiscordChannel = { id: channelId ?? snowflake(), type: CHANNEL_TYPE.dm, last_message_id: null, flags: 0, recipients: [this.user(userId)] };
    this.channels.set(channel.id, channel);
    return channel;
  }

  threads(): DiscordChannel[] {
    return [...this.channels.values()].filter((c) => c.type === CHANNEL_TYPE.publicThread || c.type === CHANNEL_TYPE.privateThread || c.type === CHANNEL_TYPE.announcementThread);
  }

  attachmentUrl(channelId: string, id: string, filename: string): string {
    return `${this.origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  }

  attachmentsFrom(channelId: string, files: UploadedFile[], meta: unknown): DiscordAttachment[] {
    const described = new Map<string, Json>();
    if (Array.isArray(meta)) for (const item of meta) if (isObject(item)) described.set(String(item.id), item);
    return files.map((file) => {
      const id = snowflake();
      const info = described.get(String(file.index));
      const filename = typeof info?.filename === 'string' ? info.filename : file.filename;
      this.files.set(id, file.bytes);
      const url = this.attachmentUrl(channelId, id, filename);
      return {
        id,
        filename,
        size: file.size,
        content_type: file.contentType,
        ...(typeof info?.description === 'string' ? { description: info.description } : {}),
        url,
        proxy_url: url,
      };
    });
  }

  /**
   * Creates the bot's message from a validated payload. With `enforce_nonce` and a nonce the bot already used in this
   * channel within the last few minutes, Discord returns that message and creates none.
   * https://discord.com/developers/docs/resources/message#create-message-jsonform-params
   */
  createBotMessage(channel: DiscordChannel, payload: Json, files: UploadedFile[], source: MessageSource, extra: Partial<DiscordMessage> = {}): DiscordMessage {
    if (payload.enforce_nonce === true && payload.nonce !== undefined) {
      const since = Date.now() - NONCE_WINDOW_MS;
      const existing = this.messages.find(
        (m) => m.channel_id === channel.id && m.author.id === this.botUser.id && m.nonce === payload.nonce && Date.parse(m.timestamp) >= since,
      );
      if (existing) return existing;
    }
    const content = typeof payload.content === 'string' ? payload.content : '';
    const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
    const message = this.store({
      id: snowflake(),
      channel_id: channel.id,
      ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
      author: this.botUser,
      content,
      embeds,
      components: Array.isArray(payload.components) ? payload.components : [],
      attachments: this.attachmentsFrom(channel.id, files, payload.attachments),
      flags: typeof payload.flags === 'number' ? payload.flags : 0,
      type: payload.message_reference ? 19 : 0,
      tts: payload.tts === true,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      pinned: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      ...(payload.message_reference ? { message_reference: payload.message_reference } : {}),
      ...(payload.nonce !== undefined ? { nonce: payload.nonce } : {}),
      source,
      ...(payload.allowed_mentions !== undefined ? { allowed_mentions: payload.allowed_mentions } : {}),
      pings: { everyone: false, users: [], roles: [] },
      editCount: 0,
      deleted: false,
      ...extra,
    });
    this.applyPings(message);
    return message;
  }

  store(message: DiscordMessage): DiscordMessage {
    this.messages.push(message);
    this.byId.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (channel) {
      channel.last_message_id = message.id;
      if (channel.message_count !== undefined) {
        channel.message_count += 1;
        channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
      }
    }
    return message;
  }

  applyPings(message: DiscordMessage): void {
    message.pings = pingsOf(message.content, message.allowed_mentions);
    message.mention_everyone = message.pings.everyone;
    message.mentions = message.pings.users.map((id) => this.user(id));
    message.mention_roles = message.pings.roles;
  }

  /** Applies an edit payload; returns an error when the result breaks a limit or would be empty. */
  editMessage(message: DiscordMessage, payload: Json, files: UploadedFile[]): ApiError | undefined {
    const problem = checkMessageFields(payload);
    if (problem) return problem;
    const content = 'content' in payload ? (typeof payload.content === 'string' ? payload.content : '') : message.content;
    const embeds = 'embeds' in payload ? (Array.isArray(payload.embeds) ? payload.embeds : []) : message.embeds;
    let attachments = message.attachments;
    if (Array.isArray(payload.attachments)) {
      const keep = new Set((payload.attachments as unknown[]).filter(isObject).map((a) => String(a.id)));
      attachments = attachments.filter((a) => keep.has(a.id));
    }
    attachments = [...attachments, ...this.attachmentsFrom(message.channel_id, files, payload.attachments)];
    // The loading placeholder of a deferred answer may be emptied and filled; only a finished message must not be empty.
    if (isEmptyMessage(content, embeds, attachments.length, payload) && (message.flags & 128) === 0) return ERRORS.emptyMessage();
    message.content = content;
    message.embeds = embeds;
    message.attachments = attachments;
    if ('components' in payload) message.components = Array.isArray(payload.components) ? payload.components : [];
    if ('allowed_mentions' in payload) message.allowed_mentions = payload.allowed_mentions;
    if (typeof payload.flags === 'number') message.flags = (message.flags & ~4) | (payload.flags & 4);
    message.flags &= ~128;
    message.edited_timestamp = new Date().toISOString();
    message.editCount += 1;
    this.applyPings(message);
    return undefined;
  }

  guildChannels(): DiscordChannel[] {
    return [...this.channels.values()].filter((c) => c.guild_id === this.identity.guildId && c.type !== CHANNEL_TYPE.publicThread && c.type !== CHANNEL_TYPE.privateThread && c.type !== CHANNEL_TYPE.announcementThread);
  }

  /** The GUILD_CREATE payload: the guild, its text channels and active threads, the @everyone role and the bot's member. */
  guildCreate(): Record<string, unknown> {
    const { guildId, guildName } = this.identity;
    const now = new Date().toISOString();
    return {
      id: guildId,
      name: guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '100000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        { id: guildId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: BOT_PERMISSIONS, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.guildChannels()[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      joined_at: now,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: this.botUser, nick: null, avatar: null, roles: [], joined_at: now, premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null }],
      channels: this.guildChannels(),
      threads: this.threads().filter((t) => t.guild_id === guildId && !t.thread_metadata?.archived),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
