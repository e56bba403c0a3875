/**
 * A fake Slack on the shared harness (`fake-provider-server.ts`), for driving the real `@slack/web-api` WebClient
 * and Bolt against 127.0.0.1: point them at {@link SlackFake.apiUrl} (`slackApiUrl`, trailing slash included).
 *
 * - Web API calls arrive form-encoded (JSON-valued fields such as `blocks` as JSON strings) or as JSON; every call
 *   is in the harness log and {@link SlackFake.calls} gives its parsed arguments. Tokens: `Authorization: Bearer` or
 *   a `token` field; anything but the bot token answers `invalid_auth` (`not_authed` when missing, `token_revoked`
 *   after {@link SlackFake.revokeToken}).
 * - Methods: auth.test, chat.postMessage / update / delete / postEphemeral / getPermalink, the three files.uploadV2
 *   steps (files.getUploadURLExternal → POST of the bytes to its `upload_url` → files.completeUploadExternal),
 *   conversations.info, users.info, oauth.v2.access (codes from {@link SlackFake.oauthCode}) and
 *   apps.connections.open (an `xapp-` token gets a `ws://` URL). Unknown methods answer `unknown_method`.
 * - Messages are kept per channel and edited in place by chat.update; every `ts` is unique and increasing, in
 *   Slack's `1700000000.000100` shape. Blocks are checked against Slack's limits (see `slack/blocks.ts`).
 * - Its own limit: chat.postMessage per channel, 1 per second without burst by default (`postRate`); beyond it,
 *   HTTP 429 `ratelimited` with Retry-After, counted in {@link SlackFake.limited}.
 * - Faults: {@link SlackFake.failNext} (`ok:false` at HTTP 200), {@link SlackFake.rateLimitNext} (429),
 *   {@link SlackFake.failHttpNext} (5xx), {@link SlackFake.commitThenDrop} (takes effect, then the socket is destroyed
 *   without an answer), plus the harness's `inject` for anything else. The pseudo-method `upload` names step 2 of
 *   uploadV2 (the byte upload) in all of them.
 * - Files to download: {@link SlackFake.fileUrl} (`url_private`: needs the bot token, otherwise a redirect to an HTML
 *   sign-in page, as Slack does). response_urls: {@link SlackFake.responseUrl}, 5 uses, expirable (S-15).
 *
 * Socket Mode's WebSocket is out of scope of this fake: apps.connections.open hands out a URL that nothing serves.
 * Shared files are kept in {@link SlackFake.uploads}, not in {@link SlackFake.messages}.
 */
import { Hono } from 'hono';
import { startFakeServer, type FakeServer, type LoggedRequest } from './fake-provider-server.ts';
import { parseArgs, type SlackCallArgs } from './slack/args.ts';
import { createSlackRoutes, type SlackIdentity } from './slack/routes.ts';
import {
  contentTypeFor,
  randomId,
  SlackWorld,
  type FakeChannel,
  type FakeEphemeral,
  type FakeMessage,
  type FakeUpload,
  type FakeUser,
  type PostRate,
} from './slack/world.ts';

export type { SlackCallArgs } from './slack/args.ts';
export type { FakeChannel, FakeEphemeral, FakeMessage, FakeUpload, FakeUser, PostRate } from './slack/world.ts';
export { MAX_BLOCKS, MAX_TOTAL_BLOCK_TEXT } from './slack/blocks.ts';

export const SLACK_FAKE_TOKEN = 'xoxb-fake-0000-recap-test';

export interface SlackFakeOptions {
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  port?: number;
  /** Checked by oauth.v2.access when set (any non-empty pair is taken otherwise). */
  clientId?: string;
  clientSecret?: string;
  /** The fake's own chat.postMessage limit per channel; `false` turns it off. Default 1/s, burst 1. */
  postRate?: PostRate | false;
  /** The fake's clock (ms) for message ts and its rate limit; share one with the poster's `now` to test pacing. */
  now?: () => number;
}

export interface ResponsePost {
  id: string;
  body: unknown;
}

export interface SlackFake extends FakeServer {
  /** `<origin>/api/`: the WebClient's `slackApiUrl`. */
  apiUrl: string;
  botToken: string;
  teamId: string;
  botUserId: string;
  botId: string;
  /** The parsed arguments of every call to a Web API method (faulted ones included), in order. */
  calls(method: string): SlackCallArgs[];
  /** The harness's form: logged requests by HTTP method and path. */
  calls(method: string, path: string | RegExp): LoggedRequest[];
  /** The messages as the channel now shows them (thread replies included), oldest first; all channels without one. */
  messages(channel?: string): FakeMessage[];
  ephemerals: FakeEphemeral[];
  /** Files completed by files.completeUploadExternal, with their content and where they were shared. */
  uploads: FakeUpload[];
  /** chat.postMessage calls refused by the fake's own per-channel limit. */
  readonly limited: number;
  setPostRate(rate: PostRate | false): void;
  /** A response_url for `id` (5 uses unless `maxUses`); what is POSTed to it is in {@link responses}. */
  responseUrl(id: string, options?: { maxUses?: number }): string;
  /** What was POSTed to the response_url(s), in order. */
  responses(id?: string): ResponsePost[];
  /** From now on the response_url answers `expired_url` (as after 30 minutes). */
  expireResponseUrl(id: string): void;
  /** A `url_private` download that needs `Authorization: Bearer <botToken>`; `public` serves it to anyone. */
  fileUrl(name: string, content: string | Uint8Array, options?: { public?: boolean; contentType?: string }): string;
  /** The next `times` calls of `method` answer `{ok:false, error}` at HTTP 200, without taking effect. */
  failNext(method: string, error: string, times?: number): void;
  /** The next `times` calls of `method` answer HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times?: number): void;
  /** The next `times` calls of `method` answer this HTTP status (default 500) without taking effect. */
  failHttpNext(method: string, status?: number, times?: number): void;
  /** The next `times` successful calls of `method` take effect, then the socket is destroyed without an answer (SO-7). */
  commitThenDrop(method: string, times?: number): void;
  /** Sets a channel's state (unknown channels exist, with the bot as a member). */
  setChannel(id: string, state: Partial<Omit<FakeChannel, 'id'>>): void;
  setUser(id: string, user: Partial<Omit<FakeUser, 'id'>>): void;
  /** An unused oauth.v2.access code that installs the fake's bot token (or `token`) for its team (or `teamId`). */
  oauthCode(options?: { teamId?: string; token?: string }): string;
  /** Every call with the bot token answers `token_revoked` from now on (`false` restores it). */
  revokeToken(revoked?: boolean): void;
}

/** `/api/chat.postMessage` exactly; `upload` → the byte-upload step of uploadV2. */
function pathFor(method: string): RegExp {
  if (method === 'upload') return /^\/upload\/v1\//;
  return new RegExp(`^/api/${method.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Starts the fake on 127.0.0.1. Close it with `close()`. */
export async function startSlackFake(options: SlackFakeOptions = {}): Promise<SlackFake> {
  const identity: SlackIdentity = {
    botToken: options.botToken ?? SLACK_FAKE_TOKEN,
    teamId: options.teamId ?? 'T0FAKE',
    teamName: 'Fake Team',
    teamDomain: 'fake-team',
    botUserId: options.botUserId ?? 'URECAP',
    botId: options.botId ?? 'BRECAP',
    appId: 'ARECAP',
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
  };
  const world = new SlackWorld(options.now ?? Date.now, options.postRate ?? { perSecond: 1, burst: 1 });
  let origin = '';
  const app = new Hono();
  app.route('/', createSlackRoutes(world, identity, () => origin));
  const server = await startFakeServer(app, options.port === undefined ? {} : { port: options.port });
  origin = server.url;

  function calls(method: string): SlackCallArgs[];
  function calls(method: string, path: string | RegExp): LoggedRequest[];
  function calls(method: string, path?: string | RegExp): SlackCallArgs[] | LoggedRequest[] {
    if (path !== undefined) return server.calls(method, path);
    const target = `/api/${method}`;
    return server.requests.filter((r) => r.path === target).map((r) => parseArgs(r.headers['content-type'], r.body, r.query));
  }

  return {
    ...server,
    apiUrl: `${server.url}/api/`,
    botToken: identity.botToken,
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    botId: identity.botId,
    calls,
    messages: (channel) =>
      world.messages.filter((m) => channel === undefined || m.channel === channel).sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)),
    ephemerals: world.ephemerals,
    uploads: world.uploads,
    get limited() {
      return world.limited;
    },
    setPostRate: (rate) => {
      world.rate = rate;
    },
    responseUrl: (id, urlOptions = {}) => {
      if (!world.responseUrls.has(id)) world.responseUrls.set(id, { id, uses: 0, maxUses: urlOptions.maxUses ?? 5, expired: false, posts: [] });
      return `${origin}/response/${encodeURIComponent(id)}`;
    },
    responses: (id) =>
      [...world.responseUrls.values()].filter((s) => id === undefined || s.id === id).flatMap((s) => s.posts.map((body) => ({ id: s.id, body }))),
    expireResponseUrl: (id) => {
      const state = world.responseUrls.get(id);
      if (state) state.expired = true;
    },
    fileUrl: (name, content, fileOptions = {}) => {
      const key = `${identity.teamId}-${randomId('F')}`;
      const isPublic = fileOptions.public ?? false;
      world.files.set(key, {
        key,
        name,
        content: typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content),
        contentType: fileOptions.contentType ?? contentTypeFor(name),
        public: isPublic,
      });
      const path = name.split('/').map(encodeURIComponent).join('/');
      return `${origin}/${isPublic ? 'files-pub' : 'files-pri'}/${key}/${path}`;
    },
    failNext: (method, error, times = 1) =>
      server.inject({ path: pathFor(method), times, fault: { kind: 'body', body: { ok: false, error } } }),
    rateLimitNext: (method, retryAfterSeconds, times = 1) =>
      server.inject({
        path: pathFor(method),
        times,
        fault: { kind: 'status', status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(retryAfterSeconds) } },
      }),
    failHttpNext: (method, status = 500, times = 1) =>
      server.inject({ path: pathFor(method), times, fault: { kind: 'status', status, body: { ok: false, error: 'internal_error' } } }),
    commitThenDrop: (method, times = 1) => {
      world.drops.set(method, (world.drops.get(method) ?? 0) + times);
    },
    setChannel: (id, state) => {
      Object.assign(world.channel(id), state);
    },
    setUser: (id, user) => {
      world.users.set(id, { ...(world.user(id) ?? { id, name: id.toLowerCase(), real_name: id, is_bot: false, tz: 'UTC' }), ...user, id });
    },
    oauthCode: (codeOptions = {}) => {
      const code = `code-${randomId('').toLowerCase()}`;
      world.codes.set(code, { code, teamId: codeOptions.teamId ?? identity.teamId, token: codeOptions.token ?? identity.botToken, used: false });
      return code;
    },
    revokeToken: (revoked = true) => {
      world.revoked = revoked;
    },
  };
}
