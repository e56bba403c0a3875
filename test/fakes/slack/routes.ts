/**
 * The fake Slack's HTTP surface: Web API methods under `/api/<method>`, the uploadV2 byte upload, response_urls,
 * private and public file downloads, and a login page for unauthenticated downloads.
 */
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { parseArgs, tokenOf, type SlackCallArgs } from './args.ts';
import { messageError } from './blocks.ts';
import { randomId, type FakeMessage, type SlackWorld } from './world.ts';

export interface SlackIdentity {
  botToken: string;
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  clientId?: string;
  clientSecret?: string;
}

interface Answer {
  body: Record<string, unknown>;
  status?: number;
  headers?: Record<string, string>;
}

type Handler = (args: SlackCallArgs, context: { authorization: string | undefined }) => Answer | Promise<Answer>;

/** Methods that take no bot token (client credentials, an app-level token). */
const UNAUTHENTICATED = new Set(['api.test', 'oauth.v2.access', 'apps.connections.open']);

const ok = (body: Record<string, unknown> = {}): Answer => ({ body: { ok: true, ...body } });
const fail = (error: string, extra: Record<string, unknown> = {}): Answer => ({ body: { ok: false, error, ...extra } });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Destroys the socket without an answer, after the call took effect (SO-7). */
function dropAnswer(c: Context): Promise<Response> {
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.destroy();
  return new Promise<Response>(() => undefined);
}

export function createSlackRoutes(world: SlackWorld, identity: SlackIdentity, origin: () => string): Hono {
  const app = new Hono();

  const messageJson = (m: FakeMessage) => ({
    type: 'message',
    subtype: 'bot_message',
    ...m,
    team: identity.teamId,
    app_id: identity.appId,
  });

  const methods: Record<string, Handler> = {
    'api.test': (args) => ok({ args }),

    'auth.test': () =>
      ok({
        url: `https://${identity.teamDomain}.slack.com/`,
        team: identity.teamName,
        user: 'recap',
        team_id: identity.teamId,
        user_id: identity.botUserId,
        bot_id: identity.botId,
        is_enterprise_install: false,
      }),

    'chat.postMessage': (args) => {
      const channel = str(args.channel);
      const retryAfter = world.takePostSlot(channel ?? '');
      if (retryAfter !== undefined) return { ...fail('ratelimited'), status: 429, headers: { 'Retry-After': String(retryAfter) } };
      const refused = world.postError(channel);
      if (refused) return fail(refused);
      if (str(args.text) === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
      const invalid = messageError(args.blocks, args.text);
      if (invalid) return fail(invalid);
      const message: FakeMessage = {
        channel: channel!,
        ts: world.nextTs(),
        ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts)! } : {}),
        text: typeof args.text === 'string' ? args.text : '',
        ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
        ...(args.attachments !== undefined ? { attachments: args.attachments } : {}),
        user: identity.botUserId,
        bot_id: identity.botId,
        ...(args.unfurl_links !== undefined ? { unfurl_links: args.unfurl_links } : {}),
        ...(args.unfurl_media !== undefined ? { unfurl_media: args.unfurl_media } : {}),
        ...(args.link_names !== undefined ? { link_names: args.link_names } : {}),
        ...(args.reply_broadcast !== undefined ? { reply_broadcast: args.reply_broadcast } : {}),
      };
      world.messages.push(message);
      return ok({ channel: message.channel, ts: message.ts, message: messageJson(message) });
    },

    'chat.update': (args) => {
      const channel = str(args.channel);
      const ts = str(args.ts);
      if (!channel) return fail('channel_not_found');
      if (!ts) return fail('message_not_found');
      const refused = world.postError(channel);
      if (refused) return fail(refused);
      const message = world.findMessage(channel, ts);
      if (!message) return fail('message_not_found');
      const invalid = messageError(args.blocks, args.text);
      if (invalid) return fail(invalid);
      if (typeof args.text === 'string') message.text = args.text;
      // As documented: blocks/attachments left out are kept; an empty array removes them.
      if (args.blocks !== undefined) message.blocks = args.blocks;
      if (args.attachments !== undefined) message.attachments = args.attachments;
      message.edited = { user: identity.botUserId, ts: world.nextTs() };
      return ok({ channel, ts, text: message.text, message: messageJson(message) });
    },

    'chat.delete': (args) => {
      const channel = str(args.channel) ?? '';
      const index = world.messages.findIndex((m) => m.channel === channel && m.ts === args.ts);
      if (index === -1) return fail('message_not_found');
      world.messages.splice(index, 1);
      return ok({ channel, ts: args.ts });
    },

    'chat.postEphemeral': (args) => {
      const channel = str(args.channel);
      const refused = world.postError(channel);
      if (refused) return fail(refused);
      const user = str(args.user);
      if (!user) return fail('user_not_in_channel');
      if (str(args.text) === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
      const invalid = messageError(args.blocks, args.text);
      if (invalid) return fail(invalid);
      const messageTs = world.nextTs();
      world.ephemerals.push({
        channel: channel!,
        user,
        text: typeof args.text === 'string' ? args.text : '',
        ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
        ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts)! } : {}),
        message_ts: messageTs,
      });
      return ok({ message_ts: messageTs });
    },

    'chat.getPermalink': (args) => {
      const channel = str(args.channel);
      const ts = str(args.message_ts);
      if (!channel) return fail('channel_not_found');
      if (!ts) return fail('message_not_found');
      return ok({ channel, permalink: `https://${identity.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}` });
    },

    'files.getUploadURLExternal': (args) => {
      const filename = str(args.filename);
      const length = Number(args.length);
      if (!filename || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
      const id = randomId('F');
      world.pending.set(id, { id, filename, length });
      return ok({ upload_url: `${origin()}/upload/v1/${id}`, file_id: id });
    },

    'files.completeUploadExternal': (args) => {
      const files = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : undefined;
      if (!files || files.length === 0) return fail('invalid_arguments');
      const channel = str(args.channel_id) ?? str(args.channels);
      if (channel) {
        const refused = world.postError(channel);
        if (refused) return fail(refused);
      }
      for (const file of files) {
        const pending = typeof file.id === 'string' ? world.pending.get(file.id) : undefined;
        if (!pending) return fail('file_not_found');
        // Assumed: completing before the bytes arrived is refused; completing twice answers the same file again.
        if (!pending.bytes) return fail('file_upload_incomplete');
      }
      const done = files.map((file) => {
        const pending = world.pending.get(file.id as string)!;
        if (!pending.completed) {
          const bytes = pending.bytes!;
          pending.completed = {
            id: pending.id,
            filename: pending.filename,
            title: str(file.title) ?? pending.filename,
            content: bytes.toString('utf8'),
            bytes,
            ...(channel ? { channel } : {}),
            ...(channel && str(args.thread_ts) ? { threadTs: str(args.thread_ts)! } : {}),
            ...(str(args.initial_comment) ? { initialComment: str(args.initial_comment)! } : {}),
          };
          world.uploads.push(pending.completed);
          world.files.set(pending.id, { key: pending.id, name: pending.filename, content: bytes, contentType: 'application/octet-stream', public: false });
        }
        const upload = pending.completed;
        return {
          id: upload.id,
          name: upload.filename,
          title: upload.title,
          size: upload.bytes.length,
          url_private: `${origin()}/files-pri/${upload.id}/${encodeURIComponent(upload.filename)}`,
          url_private_download: `${origin()}/files-pri/${upload.id}/${encodeURIComponent(upload.filename)}`,
          channels: upload.channel ? [upload.channel] : [],
        };
      });
      return ok({ files: done });
    },

    'conversations.info': (args) => {
      const id = str(args.channel);
      const channel = id ? world.channel(id) : undefined;
      if (!channel || !channel.exists) return fail('channel_not_found');
      return ok({
        channel: {
          id: channel.id,
          name: channel.name,
          is_channel: !channel.isIm && !channel.isPrivate,
          is_group: channel.isPrivate,
          is_im: channel.isIm,
          is_private: channel.isPrivate || channel.isIm,
          is_archived: channel.isArchived,
          is_member: channel.isMember,
        },
      });
    },

    'users.info': (args) => {
      const user = world.user(str(args.user) ?? '');
      if (!user) return fail('user_not_found');
      return ok({ user: { ...user, team_id: identity.teamId, profile: { real_name: user.real_name, display_name: user.name } } });
    },

    'oauth.v2.access': (args, { authorization }) => {
      const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
      const clientId = str(args.client_id) ?? basicId;
      const clientSecret = str(args.client_secret) ?? basicSecret;
      if (!clientId || (identity.clientId && clientId !== identity.clientId)) return fail('invalid_client_id');
      if (!clientSecret || (identity.clientSecret && clientSecret !== identity.clientSecret)) return fail('bad_client_secret');
      const code = world.codes.get(str(args.code) ?? '');
      if (!code || code.used) return fail('invalid_code');
      code.used = true;
      return ok({
        app_id: identity.appId,
        authed_user: { id: 'UINSTALLER' },
        scope: 'app_mentions:read,chat:write,commands,files:read,files:write,im:history',
        token_type: 'bot',
        access_token: code.token,
        bot_user_id: identity.botUserId,
        team: { id: code.teamId, name: identity.teamName },
        enterprise: null,
        is_enterprise_install: false,
      });
    },

    'apps.connections.open': (_args, { authorization }) => {
      const token = tokenOf(authorization, {});
      if (!token) return fail('not_authed');
      if (!token.startsWith('xapp-')) return fail(token.startsWith('xox') ? 'not_allowed_token_type' : 'invalid_auth');
      return ok({ url: `${origin().replace(/^http/, 'ws')}/socket-mode/${randomId('ticket-').toLowerCase()}` });
    },
  };

  const authError = (method: string, token: string | undefined): string | undefined => {
    if (UNAUTHENTICATED.has(method)) return undefined;
    if (!token) return 'not_authed';
    if (token !== identity.botToken) return 'invalid_auth';
    if (world.revoked) return 'token_revoked';
    return undefined;
  };

  app.on(['GET', 'POST'], '/api/:method', async (c) => {
    const method = c.req.param('method');
    const url = new URL(c.req.url);
    const body = c.req.method === 'POST' ? await c.req.text() : undefined;
    const args = parseArgs(c.req.header('content-type'), body, Object.fromEntries(url.searchParams));
    const authorization = c.req.header('authorization');
    const handler = methods[method];
    const refused = authError(method, tokenOf(authorization, args));
    const answer: Answer = refused ? fail(refused) : handler ? await handler(args, { authorization }) : fail('unknown_method');
    if (answer.body.ok === true && world.takeDrop(method)) return dropAnswer(c);
    return c.json(answer.body, (answer.status ?? 200) as 200, answer.headers);
  });

  // Step 2 of files.uploadV2: the bytes, raw or as multipart (the WebClient sends a form with one file part).
  app.post('/upload/v1/:id', async (c) => {
    const pending = world.pending.get(c.req.param('id'));
    if (!pending) return c.text('Not Found', 404);
    let bytes: Buffer;
    if (/multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
      const form = await c.req.parseBody();
      const file = Object.values(form).find((value): value is File => value instanceof File);
      if (!file) return c.text('no file part', 400);
      bytes = Buffer.from(await file.arrayBuffer());
    } else {
      bytes = Buffer.from(await c.req.arrayBuffer());
    }
    pending.bytes = bytes;
    if (world.takeDrop('upload')) return dropAnswer(c);
    return c.text(`OK - ${bytes.length}`);
  });

  // Assumed answers (Slack documents the limits, not the wording): 404 `used_url` after maxUses, `expired_url` once expired.
  app.post('/response/:id', async (c) => {
    const state = world.responseUrls.get(c.req.param('id'));
    if (!state) return c.json({ ok: false, error: 'invalid_url' }, 404);
    if (state.expired) return c.json({ ok: false, error: 'expired_url' }, 404);
    if (state.uses >= state.maxUses) return c.json({ ok: false, error: 'used_url' }, 404);
    state.uses += 1;
    const text = await c.req.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      const payload = new URLSearchParams(text).get('payload');
      if (payload) body = JSON.parse(payload);
    }
    state.posts.push(body);
    return c.json({ ok: true });
  });

  const serve = (c: Context, isPublic: boolean) => {
    const file = world.files.get(c.req.param('key') ?? '');
    if (!file || file.public !== isPublic) return c.text('Not Found', 404);
    if (!isPublic) {
      const token = tokenOf(c.req.header('authorization'), {});
      // Like Slack: without a valid bot token, a redirect to the sign-in page (HTML), never the file.
      if (token !== identity.botToken || world.revoked) return c.redirect(`${origin()}/login?redir=${encodeURIComponent(new URL(c.req.url).pathname)}`, 302);
    }
    return c.body(new Uint8Array(file.content), 200, { 'content-type': file.contentType, 'content-length': String(file.content.length) });
  };
  app.get('/files-pri/:key/*', (c) => serve(c, false));
  app.get('/files-pub/:key/*', (c) => serve(c, true));
  app.get('/login', (c) =>
    c.html(`<!DOCTYPE html><html><head><title>Slack</title></head><body><h1>Sign in to ${identity.teamName}</h1><form action="/signin"></form></body></html>`),
  );

  return app;
}
