/**
 * The REST side of the fake Discord (under `/api/v10`), as discord.js 14's `@discordjs/rest` calls it, plus the
 * attachment downloads (`/attachments/…`, the fake's CDN). See `../discord.ts` for the overview.
 */
import { Hono, type Context } from 'hono';
import {
  apiError,
  apiMessage,
  CHANNEL_TYPE,
  checkMessageFields,
  contentTypeFor,
  ERRORS,
  formError,
  isEmptyMessage,
  LIMITS,
  snowflake,
  type ApiError,
  type DiscordChannel,
  type DiscordMessage,
  type DiscordWorld,
  type InteractionResponseRecord,
  type InteractionState,
  type RegisteredCommand,
  type UploadedFile,
  type WebhookCallKind,
} from './world.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isError = (value: unknown): value is ApiError => isObject(value) && typeof value.status === 'number' && isObject(value.body) && 'code' in value.body;

// ---------------------------------------------------------------------------------------------------------------
// Rate limits (D-7, D-8)

export type RateLimitScope = 'user' | 'shared' | 'global';

export interface RateLimitOptions {
  /** A global limit (`global: true`, `X-RateLimit-Global: true`): every bot-token request is limited meanwhile. */
  global?: boolean;
  /** `X-RateLimit-Scope`; default `user` (`global` for a global limit). */
  scope?: 'user' | 'shared';
  /** How many requests answer 429 before the window opens; default 1. */
  times?: number;
}

export interface RateLimitRecord {
  method: string;
  path: string;
  retryAfter: number;
  global: boolean;
  scope: RateLimitScope;
  /** The request came while an earlier 429's `retry_after` was still running (the client did not wait). */
  early: boolean;
  at: number;
}

interface Rule {
  method?: string;
  path: string | RegExp;
  retryAfter: number;
  global: boolean;
  scope: RateLimitScope;
  left: number;
  bucket: string;
}

interface Window {
  rule: Rule;
  until: number;
}

/** Requests this many ms before the end of a window are not counted as early (timer jitter). */
const EARLY_TOLERANCE_MS = 25;

/** `route` is a path (contains match, after `/api/v10`), optionally after a method: `POST /channels/1/messages`. */
function parseRoute(route: string | RegExp): { method?: string; path: string | RegExp } {
  if (typeof route !== 'string') return { path: route };
  const match = /^(GET|POST|PUT|PATCH|DELETE)\s+(.*)$/i.exec(route.trim());
  return match ? { method: match[1]!.toUpperCase(), path: match[2]! } : { path: route };
}

function ruleMatches(rule: { method?: string; path: string | RegExp }, method: string, path: string): boolean {
  if (rule.method && rule.method !== method) return false;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

export class RateLimiter {
  readonly records: RateLimitRecord[] = [];
  private rules: Rule[] = [];
  private windows: Window[] = [];
  private buckets = 0;

  add(route: string | RegExp, retryAfterSeconds: number, options: RateLimitOptions = {}): void {
    const global = options.global ?? false;
    this.buckets += 1;
    this.rules.push({
      ...parseRoute(route),
      retryAfter: retryAfterSeconds,
      global,
      scope: global ? 'global' : (options.scope ?? 'user'),
      left: options.times ?? 1,
      bucket: `fakebucket${this.buckets.toString(16).padStart(4, '0')}`,
    });
  }

  /** A 429 for this request, or undefined. `botRequest`: authenticated with the bot token (global limits apply). */
  check(c: Context, method: string, path: string, botRequest: boolean): Response | undefined {
    const now = Date.now();
    this.windows = this.windows.filter((w) => w.until > now);
    const open = this.windows.find((w) => (w.rule.global ? botRequest : ruleMatches(w.rule, method, path)) && w.until - EARLY_TOLERANCE_MS > now);
    if (open) return this.answer(c, method, path, open.rule, (open.until - now) / 1000, true);
    const index = this.rules.findIndex((r) => ruleMatches(r, method, path));
    if (index === -1) return undefined;
    const rule = this.rules[index]!;
    rule.left -= 1;
    if (rule.left <= 0) this.rules.splice(index, 1);
    this.windows.push({ rule, until: now + rule.retryAfter * 1000 });
    return this.answer(c, method, path, rule, rule.retryAfter, false);
  }

  private answer(c: Context, method: string, path: string, rule: Rule, retryAfter: number, early: boolean): Response {
    const seconds = Math.round(retryAfter * 1000) / 1000;
    this.records.push({ method, path, retryAfter: seconds, global: rule.global, scope: rule.scope, early, at: Date.now() });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      // Discord rounds the header up to whole seconds; the body has the exact value.
      'retry-after': String(Math.max(1, Math.ceil(seconds))),
      'x-ratelimit-scope': rule.scope,
    };
    if (rule.global) headers['x-ratelimit-global'] = 'true';
    else {
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() + seconds * 1000) / 1000),
        'x-ratelimit-reset-after': String(seconds),
        'x-ratelimit-bucket': rule.bucket,
      });
    }
    const body = { message: 'You are being rate limited.', retry_after: seconds, global: rule.global, ...(rule.global ? {} : { code: 0 }) };
    return new Response(JSON.stringify(body), { status: 429, headers });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies

interface Payload {
  payload: Json;
  files: UploadedFile[];
}

const FILE_FIELD = /^files?\[(\d+)\]$|^file(\d*)$/;

/** Reads a JSON body, or a multipart one (`payload_json` + `files[n]`), refusing uploads over `maxUploadBytes`. */
async function readPayload(c: Context, maxUploadBytes: number): Promise<Payload | ApiError> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > maxUploadBytes + 1024 * 1024) return ERRORS.tooLarge();
  if (type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      form = await c.req.raw.formData();
    } catch {
      return apiError(400, 50035, 'Invalid Form Body');
    }
    let payload: Json = {};
    const files: UploadedFile[] = [];
    let total = 0;
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        if (key === 'payload_json') {
          try {
            const parsed: unknown = JSON.parse(value);
            if (isObject(parsed)) payload = { ...payload, ...parsed };
          } catch {
            return ERRORS.invalidJson();
          }
        } else if (key === 'content') payload.content = value;
        continue;
      }
      const match = FILE_FIELD.exec(key);
      if (!match) continue;
      const bytes = Buffer.from(await value.arrayBuffer());
      total += bytes.length;
      if (bytes.length > maxUploadBytes || total > maxUploadBytes) return ERRORS.tooLarge();
      const index = Number(match[1] ?? (match[2] || '0'));
      files.push({ index, filename: value.name || `file${index}`, size: bytes.length, contentType: value.type || contentTypeFor(value.name), bytes });
    }
    if (files.length > 10) return formError(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    return { payload, files };
  }
  const text = await c.req.text();
  if (text.trim() === '') return { payload: {}, files: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    return { payload: isObject(parsed) ? parsed : { _array: parsed }, files: [] };
  } catch {
    return ERRORS.invalidJson();
  }
}

const fail = (c: Context, error: ApiError) => c.json(error.body, error.status as 400);

// ---------------------------------------------------------------------------------------------------------------
// Routes

export interface RestHooks {
  world: DiscordWorld;
  rateLimits: RateLimiter;
  gatewayUrl(): string;
  sessionStartLimit(): { total: number; remaining: number; reset_after: number; max_concurrency: number };
  /** Counts 401/403/429 answers (Discord's invalid-request budget). */
  invalid(status: number): void;
  /** Called once a request's effect is committed, before its answer is sent (crash tests kill the client here). */
  committed?(method: string, path: string, status: number): void;
}

export function createDiscordRoutes(hooks: RestHooks): Hono {
  const { world, rateLimits } = hooks;
  const { identity, options } = world;
  const app = new Hono();
  const api = new Hono();

  api.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname.replace(/^\/api\/v10/, '');
    const noAuth = path.startsWith('/webhooks/') || path.startsWith('/interactions/');
    const authorized = c.req.header('authorization') === `Bot ${identity.token}`;
    const limited = rateLimits.check(c, c.req.method, path, !noAuth && authorized);
    if (limited) {
      hooks.invalid(429);
      return limited;
    }
    if (!noAuth && !authorized) {
      hooks.invalid(401);
      return fail(c, ERRORS.unauthorized());
    }
    await next();
    if (c.res.status === 401 || c.res.status === 403) hooks.invalid(c.res.status);
    hooks.committed?.(c.req.method, path, c.res.status);
  });

  // -- gateway, users, application
  api.get('/gateway', (c) => c.json({ url: hooks.gatewayUrl() }));
  api.get('/gateway/bot', (c) => c.json({ url: hooks.gatewayUrl(), shards: 1, session_start_limit: hooks.sessionStartLimit() }));
  api.get('/users/@me', (c) => c.json({ ...world.botUser, verified: true, mfa_enabled: false, flags: 0, email: null }));
  api.post('/users/@me/channels', async (c) => {
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return fail(c, read);
    const recipient = read.payload.recipient_id;
    if (typeof recipient !== 'string') return fail(c, formError(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required'));
    return c.json(world.dmChannelFor(recipient));
  });
  api.get('/users/:userId', (c) => c.json(world.user(c.req.param('userId'))));
  const application = () => ({
    id: identity.applicationId,
    name: identity.botUsername,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    bot: world.botUser,
    owner: world.user('100000000000000001'),
  });
  api.get('/applications/@me', (c) => c.json(application()));
  api.get('/oauth2/applications/@me', (c) => c.json(application()));

  // -- channels and messages
  const usable = (channelId: string): DiscordChannel | ApiError => {
    const channel = world.channels.get(channelId);
    if (!channel) return ERRORS.unknownChannel();
    const denied = world.denied.get(channelId) ?? (channel.parent_id ? world.denied.get(channel.parent_id) : undefined);
    if (denied) return denied === 50001 ? ERRORS.missingAccess() : ERRORS.missingPermissions();
    return channel;
  };
  const findMessage = (channelId: string, messageId: string): DiscordMessage | undefined => {
    const message = world.byId.get(messageId);
    return message && message.channel_id === channelId && !message.deleted ? message : undefined;
  };
  const announce = (t: string, message: DiscordMessage) => {
    if ((message.flags & 64) === 0) world.onEvent(t, apiMessage(message));
  };

  api.get('/channels/:channelId', (c) => {
    const channel = usable(c.req.param('channelId'));
    return isError(channel) ? fail(c, channel) : c.json(channel);
  });
  api.post('/channels/:channelId/typing', (c) => {
    const channel = usable(c.req.param('channelId'));
    return isError(channel) ? fail(c, channel) : c.body(null, 204);
  });
  api.get('/channels/:channelId/messages', (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const limit = Math.min(100, Math.max(1, Number(c.req.query('limit') ?? 50)));
    const list = world.messages.filter((m) => m.channel_id === channel.id && !m.deleted && (m.flags & 64) === 0).reverse();
    return c.json(list.slice(0, limit).map(apiMessage));
  });
  api.post('/channels/:channelId/messages', async (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return fail(c, read);
    const problem = checkMessageFields(read.payload);
    if (problem) return fail(c, problem);
    const content = typeof read.payload.content === 'string' ? read.payload.content : '';
    const embeds = Array.isArray(read.payload.embeds) ? read.payload.embeds : [];
    if (isEmptyMessage(content, embeds, read.files.length, read.payload)) return fail(c, ERRORS.emptyMessage());
    const message = world.createBotMessage(channel, { ...read.payload, flags: (Number(read.payload.flags) || 0) & (4 | 4096) }, read.files, 'rest');
    announce('MESSAGE_CREATE', message);
    return c.json(apiMessage(message));
  });
  api.get('/channels/:channelId/messages/:messageId', (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const message = findMessage(channel.id, c.req.param('messageId'));
    return message ? c.json(apiMessage(message)) : fail(c, ERRORS.unknownMessage());
  });
  api.patch('/channels/:channelId/messages/:messageId', async (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const message = findMessage(channel.id, c.req.param('messageId'));
    if (!message) return fail(c, ERRORS.unknownMessage());
    if (message.author.id !== world.botUser.id) return fail(c, ERRORS.notAuthor());
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return fail(c, read);
    const problem = world.editMessage(message, read.payload, read.files);
    if (problem) return fail(c, problem);
    announce('MESSAGE_UPDATE', message);
    return c.json(apiMessage(message));
  });
  api.delete('/channels/:channelId/messages/:messageId', (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const message = findMessage(channel.id, c.req.param('messageId'));
    if (!message) return fail(c, ERRORS.unknownMessage());
    message.deleted = true;
    world.onEvent('MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) });
    return c.body(null, 204);
  });
  api.put('/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const message = findMessage(channel.id, c.req.param('messageId'));
    if (!message) return fail(c, ERRORS.unknownMessage());
    world.reactions.push({ channelId: channel.id, messageId: message.id, emoji: decodeURIComponent(c.req.param('emoji')), at: Date.now() });
    return c.body(null, 204);
  });

  // -- threads (D-10)
  const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080];
  const makeThread = (id: string, parent: DiscordChannel, payload: Json, type: number): DiscordChannel | ApiError => {
    const name = payload.name;
    if (typeof name !== 'string' || name.trim() === '') return formError(['name'], 'BASE_TYPE_REQUIRED', 'This field is required');
    if (name.length > LIMITS.threadName) return formError(['name'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${LIMITS.threadName} in length.`);
    const duration = payload.auto_archive_duration ?? 4320;
    if (typeof duration !== 'number' || !ARCHIVE_DURATIONS.includes(duration)) {
      return formError(['auto_archive_duration'], 'BASE_TYPE_CHOICES', `Value must be one of {${ARCHIVE_DURATIONS.join(', ')}}.`);
    }
    const now = new Date().toISOString();
    const thread: DiscordChannel = {
      id,
      type,
      name,
      ...(parent.guild_id ? { guild_id: parent.guild_id } : {}),
      parent_id: parent.id,
      owner_id: world.botUser.id,
      last_message_id: null,
      rate_limit_per_user: typeof payload.rate_limit_per_user === 'number' ? payload.rate_limit_per_user : 0,
      flags: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: duration,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
        ...(type === CHANNEL_TYPE.privateThread ? { invitable: payload.invitable !== false } : {}),
      },
    };
    world.channels.set(id, thread);
    world.onEvent('THREAD_CREATE', { ...thread, newly_created: true, member: { id: thread.id, user_id: world.botUser.id, join_timestamp: now, flags: 0 } });
    return thread;
  };
  const threadParent = (channel: DiscordChannel): ApiError | undefined =>
    channel.type === CHANNEL_TYPE.text || channel.type === CHANNEL_TYPE.announcement ? undefined : apiError(400, 50024, 'Cannot execute action on this channel type');

  api.post('/channels/:channelId/messages/:messageId/threads', async (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const wrongType = threadParent(channel);
    if (wrongType) return fail(c, wrongType);
    const message = findMessage(channel.id, c.req.param('messageId'));
    if (!message) return fail(c, ERRORS.unknownMessage());
    if (world.channels.has(message.id)) return fail(c, ERRORS.threadExists());
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return fail(c, read);
    const type = channel.type === CHANNEL_TYPE.announcement ? CHANNEL_TYPE.announcementThread : CHANNEL_TYPE.publicThread;
    const thread = makeThread(message.id, channel, read.payload, type);
    if (isError(thread)) return fail(c, thread);
    message.thread = thread;
    return c.json(thread, 201);
  });
  api.post('/channels/:channelId/threads', async (c) => {
    const channel = usable(c.req.param('channelId'));
    if (isError(channel)) return fail(c, channel);
    const wrongType = threadParent(channel);
    if (wrongType) return fail(c, wrongType);
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return fail(c, read);
    const type = typeof read.payload.type === 'number' ? read.payload.type : CHANNEL_TYPE.publicThread;
    if (![CHANNEL_TYPE.publicThread, CHANNEL_TYPE.privateThread, CHANNEL_TYPE.announcementThread].includes(type as 11)) {
      return fail(c, formError(['type'], 'BASE_TYPE_CHOICES', 'Value must be one of {10, 11, 12}.'));
    }
    const thread = makeThread(snowflake(), channel, read.payload, type);
    return isError(thread) ? fail(c, thread) : c.json(thread, 201);
  });

  // -- application commands
  const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
  const checkCommand = (raw: unknown, path: (string | number)[]): ApiError | undefined => {
    if (!isObject(raw)) return formError(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    const type = raw.type ?? 1;
    const name = raw.name;
    if (typeof name !== 'string' || name === '') return formError([...path, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
    if (type === 1 && (!COMMAND_NAME.test(name) || name !== name.toLowerCase())) {
      return formError([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    const description = raw.description ?? '';
    if (type === 1 && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
      return formError([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    if (Array.isArray(raw.options) && raw.options.length > 25) return formError([...path, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    return undefined;
  };
  const commandRecord = (raw: Json, scope: string, existing?: RegisteredCommand): RegisteredCommand => ({
    ...raw,
    id: existing?.id ?? snowflake(),
    application_id: identity.applicationId,
    scope,
    ...(scope === 'global' ? {} : { guild_id: scope }),
    name: String(raw.name),
    description: typeof raw.description === 'string' ? raw.description : '',
    type: typeof raw.type === 'number' ? raw.type : 1,
    version: snowflake(),
  });
  const apiCommand = ({ scope: _scope, ...command }: RegisteredCommand) => command;
  const inScope = (scope: string) => world.commands.filter((cmd) => cmd.scope === scope);
  const commandRoutes = (base: string, scopeOf: (c: Context) => string) => {
    const checkApp = (c: Context): ApiError | undefined => (c.req.param('appId') === identity.applicationId ? undefined : ERRORS.missingAccess());
    api.get(base, (c) => {
      const wrong = checkApp(c);
      return wrong ? fail(c, wrong) : c.json(inScope(scopeOf(c)).map(apiCommand));
    });
    api.put(base, async (c) => {
      const wrong = checkApp(c);
      if (wrong) return fail(c, wrong);
      const read = await readPayload(c, options.maxUploadBytes);
      if (isError(read)) return fail(c, read);
      const list = read.payload._array;
      if (!Array.isArray(list)) return fail(c, apiError(400, 50035, 'Invalid Form Body'));
      if (list.length > 100) return fail(c, formError([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'));
      for (const [i, raw] of list.entries()) {
        const problem = checkCommand(raw, [i]);
        if (problem) return fail(c, problem);
      }
      const scope = scopeOf(c);
      const before = inScope(scope);
      const next = (list as Json[]).map((raw) => commandRecord(raw, scope, before.find((b) => b.name === raw.name && b.type === (raw.type ?? 1))));
      for (let i = world.commands.length - 1; i >= 0; i--) if (world.commands[i]!.scope === scope) world.commands.splice(i, 1);
      world.commands.push(...next);
      return c.json(next.map(apiCommand));
    });
    api.post(base, async (c) => {
      const wrong = checkApp(c);
      if (wrong) return fail(c, wrong);
      const read = await readPayload(c, options.maxUploadBytes);
      if (isError(read)) return fail(c, read);
      const problem = checkCommand(read.payload, []);
      if (problem) return fail(c, problem);
      const scope = scopeOf(c);
      const existing = inScope(scope).find((b) => b.name === read.payload.name && b.type === (read.payload.type ?? 1));
      const record = commandRecord(read.payload, scope, existing);
      if (existing) world.commands.splice(world.commands.indexOf(existing), 1, record);
      else world.commands.push(record);
      return c.json(apiCommand(record), existing ? 200 : 201);
    });
    api.delete(`${base}/:commandId`, (c) => {
      const wrong = checkApp(c);
      if (wrong) return fail(c, wrong);
      const index = world.commands.findIndex((cmd) => cmd.id === c.req.param('commandId') && cmd.scope === scopeOf(c));
      if (index === -1) return fail(c, apiError(404, 10063, 'Unknown application command'));
      world.commands.splice(index, 1);
      return c.body(null, 204);
    });
  };
  commandRoutes('/applications/:appId/commands', () => 'global');
  commandRoutes('/applications/:appId/guilds/:guildId/commands', (c) => c.req.param('guildId') ?? 'global');

  // -- interaction responses (D-4, D-6)
  const interactionChannel = (state: InteractionState): DiscordChannel =>
    world.channels.get(state.channelId) ?? world.addTextChannel(state.channelId, `channel-${state.channelId.slice(-4)}`);
  const interactionMetadata = (state: InteractionState) => {
    const member = state.payload.member;
    const user = isObject(member) && isObject(member.user) ? member.user : state.payload.user;
    const data = isObject(state.payload.data) ? state.payload.data : {};
    return { id: state.id, type: state.payload.type, user, name: data.name, authorizing_integration_owners: {} };
  };
  const RESPONSE_TYPES = [1, 4, 5, 6, 7, 8, 9, 10, 12];

  /** Accepts an initial response (callback or HTTP answer); returns an error for an invalid one. */
  const respond = (state: InteractionState, type: unknown, data: unknown, files: UploadedFile[]): ApiError | undefined => {
    if (typeof type !== 'number' || !RESPONSE_TYPES.includes(type)) return formError(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${RESPONSE_TYPES.join(', ')}}.`);
    const kind = state.payload.type;
    if (type === 1 && kind !== 1) return apiError(400, 50035, 'Invalid interaction response type');
    if ((type === 6 || type === 7) && kind !== 3 && kind !== 5) return apiError(400, 50035, 'Invalid interaction response type');
    const body = isObject(data) ? data : {};
    if (type === 4 || type === 7) {
      const problem = checkMessageFields(body);
      if (problem) return problem;
    }
    if (type === 4) {
      const content = typeof body.content === 'string' ? body.content : '';
      const embeds = Array.isArray(body.embeds) ? body.embeds : [];
      if (isEmptyMessage(content, embeds, files.length, body)) return ERRORS.emptyMessage();
    }
    state.response = { type, ...(data === undefined ? {} : { data }), at: Date.now() };
    if (type === 4 || type === 5) {
      const flags = (Number(body.flags) || 0) & (type === 5 ? 64 : 64 | 4 | 4096);
      const payload = type === 4 ? { ...body, flags } : { flags: flags | 128 };
      const message = world.createBotMessage(interactionChannel(state), payload, type === 4 ? files : [], 'interaction', {
        type: 20,
        webhook_id: state.applicationId,
        application_id: state.applicationId,
        interaction_metadata: interactionMetadata(state),
        interactionToken: state.token,
      });
      state.originalMessageId = message.id;
      announce('MESSAGE_CREATE', message);
    }
    return undefined;
  };
  world.respond = respond;

  api.post('/interactions/:interactionId/:token/callback', async (c) => {
    const { interactionId, token } = c.req.param();
    const record: InteractionResponseRecord = { interactionId, token, status: 204, via: 'callback', at: Date.now() };
    world.interactionResponses.push(record);
    const done = (error: ApiError) => {
      record.status = error.status;
      record.code = error.body.code;
      return fail(c, error);
    };
    const read = await readPayload(c, options.maxUploadBytes);
    if (isError(read)) return done(read);
    record.type = read.payload.type as number;
    if (read.payload.data !== undefined) record.data = read.payload.data;
    const state = world.interactions.get(interactionId);
    if (!state || state.token !== token) return done(ERRORS.unknownInteraction());
    if (state.response) return done(ERRORS.alreadyAcknowledged());
    if (Date.now() - state.createdAt > options.interactionAckDeadlineMs) return done(ERRORS.unknownInteraction());
    const problem = respond(state, read.payload.type, read.payload.data, read.files);
    if (problem) return done(problem);
    if (c.req.query('with_response') !== 'true') return c.body(null, 204);
    record.status = 200;
    const response = state.response as InteractionState['response'];
    const message = state.originalMessageId ? world.byId.get(state.originalMessageId) : undefined;
    return c.json({
      interaction: {
        id: state.id,
        type: state.payload.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: response?.type === 5,
        response_message_ephemeral: message ? (message.flags & 64) !== 0 : false,
      },
      resource: { type: response?.type, ...(message && response?.type === 4 ? { message: apiMessage(message) } : {}) },
    });
  });

  // -- interaction webhooks (D-4, D-5)
  const webhookCall = async (c: Context, kind: WebhookCallKind, handle: (state: InteractionState, payload: Payload | undefined) => Response | ApiError) => {
    const { appId, token } = c.req.param() as { appId: string; token: string };
    const messageId = c.req.param('messageId');
    const record = { method: c.req.method, kind, applicationId: appId, token, ...(messageId ? { messageId } : {}), status: 200, at: Date.now() } as (typeof world.webhookCalls)[number];
    world.webhookCalls.push(record);
    let payload: Payload | undefined;
    if (c.req.method === 'POST' || c.req.method === 'PATCH') {
      const read = await readPayload(c, options.maxUploadBytes);
      if (isError(read)) {
        record.status = read.status;
        record.code = read.body.code;
        return fail(c, read);
      }
      payload = read;
      record.body = read.payload;
      if (read.files.length) record.files = read.files.map((f) => ({ filename: f.filename, size: f.size }));
    }
    const state = world.interactionsByToken.get(token);
    let answer: Response | ApiError;
    if (!state) answer = ERRORS.invalidWebhookToken();
    else if (appId !== state.applicationId || state.expired === 'unknown') answer = ERRORS.unknownWebhook();
    else if (state.expired === 'invalid' || Date.now() - state.createdAt > options.interactionTokenTtlMs) answer = ERRORS.invalidWebhookToken();
    else answer = handle(state, payload);
    if (isError(answer)) {
      record.status = answer.status;
      record.code = answer.body.code;
      return fail(c, answer);
    }
    record.status = answer.status;
    return answer;
  };
  const ownMessage = (state: InteractionState, id: string | undefined): DiscordMessage | ApiError => {
    const message = id ? world.byId.get(id) : undefined;
    if (!message || message.deleted || message.interactionToken !== state.token) return ERRORS.unknownMessage();
    return message;
  };
  const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
  const edit = (state: InteractionState, id: string | undefined, payload: Payload | undefined): Response | ApiError => {
    const message = ownMessage(state, id);
    if (isError(message)) return message;
    const problem = world.editMessage(message, payload?.payload ?? {}, payload?.files ?? []);
    if (problem) return problem;
    announce('MESSAGE_UPDATE', message);
    return json(apiMessage(message));
  };
  const remove = (state: InteractionState, id: string | undefined): Response | ApiError => {
    const message = ownMessage(state, id);
    if (isError(message)) return message;
    message.deleted = true;
    world.onEvent('MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) });
    return new Response(null, { status: 204 });
  };
  const get = (state: InteractionState, id: string | undefined): Response | ApiError => {
    const message = ownMessage(state, id);
    return isError(message) ? message : json(apiMessage(message));
  };

  // discord.js's `Routes` percent-encode `@original` (`%40original`), which Discord accepts as well; Hono matches
  // the raw path (decodeURI leaves `%40` alone), so both spellings need a route before the follow-up one.
  for (const original of ['/webhooks/:appId/:token/messages/@original', '/webhooks/:appId/:token/messages/%40original']) {
    api.get(original, (c) => webhookCall(c, 'original-get', (state) => get(state, state.originalMessageId)));
    api.patch(original, (c) => webhookCall(c, 'original-edit', (state, p) => edit(state, state.originalMessageId, p)));
    api.delete(original, (c) => webhookCall(c, 'original-delete', (state) => remove(state, state.originalMessageId)));
  }
  api.post('/webhooks/:appId/:token', (c) =>
    webhookCall(c, 'followup', (state, read) => {
      const payload = read?.payload ?? {};
      const problem = checkMessageFields(payload);
      if (problem) return problem;
      const content = typeof payload.content === 'string' ? payload.content : '';
      const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
      if (isEmptyMessage(content, embeds, read?.files.length ?? 0, payload)) return ERRORS.emptyMessage();
      const flags = (Number(payload.flags) || 0) & (64 | 4 | 4096);
      const message = world.createBotMessage(interactionChannel(state), { ...payload, flags }, read?.files ?? [], 'followup', {
        webhook_id: state.applicationId,
        application_id: state.applicationId,
        interaction_metadata: interactionMetadata(state),
        interactionToken: state.token,
      });
      state.followUps.push(message.id);
      announce('MESSAGE_CREATE', message);
      return c.req.query('wait') === 'false' ? new Response(null, { status: 204 }) : json(apiMessage(message));
    }),
  );
  const followUp = '/webhooks/:appId/:token/messages/:messageId';
  api.get(followUp, (c) => webhookCall(c, 'followup-get', (state) => get(state, c.req.param('messageId'))));
  api.patch(followUp, (c) => webhookCall(c, 'followup-edit', (state, p) => edit(state, c.req.param('messageId'), p)));
  api.delete(followUp, (c) => webhookCall(c, 'followup-delete', (state) => remove(state, c.req.param('messageId'))));

  api.all('*', (c) => c.json({ message: '404: Not Found', code: 0 }, 404));

  app.route('/api/v10', api);
  app.get('/attachments/:channelId/:attachmentId/:filename', (c) => {
    const bytes = world.files.get(c.req.param('attachmentId'));
    if (!bytes) return c.text('Not Found', 404);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: { 'content-type': contentTypeFor(decodeURIComponent(c.req.param('filename'))), 'content-length': String(bytes.length) },
    });
  });
  return app;
}
