/**
 * Installing Recap in many Slack workspaces through OAuth (https://docs.slack.dev/authentication/installing-with-oauth),
 * with `@slack/oauth`'s InstallProvider:
 *
 * - `GET /slack/install` issues a state (kept in keyv for ten minutes, one use: `oauth-state-store.ts`), sets it in a
 *   cookie for this browser too, and redirects (302) to Slack's authorize page with the bot scopes of manifest.json.
 * - `GET /slack/oauth_redirect` checks the state (cookie and store), exchanges the code with `oauth.v2.access` on
 *   SLACK_API_URL's host (the installer's WebClient is built from `slackClientOptions`), runs `auth.test` with the new
 *   bot token, and stores the installation in keyv (`installation-store.ts`). Failures get a short page that says
 *   what happened and links back to /slack/install; nothing is stored.
 * - `installer.authorize` is Bolt's `authorize`: each event's bot token comes from its workspace's installation.
 *
 * InstallProvider's handlers take Node's IncomingMessage / ServerResponse. Rather than writing to @hono/node-server's
 * raw `c.env.outgoing` (which only exists under that server and bypasses Hono's own response handling), the routes
 * hand them two small stand-ins: the request's path, query, host and cookie, and a response that records
 * setHeader / getHeader / writeHead / end, which is all @slack/oauth 4's handleInstallPath and handleCallback use. The
 * routes then answer through Hono as usual.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, InstallProvider, type CodedError, type Installation } from '@slack/oauth';
import { Hono, type Context } from 'hono';
import type { Logger } from '../../src/log.ts';
import type { Store } from '../../src/store.ts';
import { boltLogger } from './bolt-logger.ts';
import { KeyvInstallationStore } from './installation-store.ts';
import { KeyvStateStore, STATE_TTL_MS } from './oauth-state-store.ts';
import { slackClientOptions } from './poster-client-options.ts';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes Recap asks for: the same list as `oauth_config.scopes.bot` in manifest.json (a unit test checks). */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'chat:write.public',
  'commands',
  'files:read',
  'files:write',
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
  'channels:read',
  'groups:read',
] as const;

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  store: Store;
  log: Logger;
  /** SLACK_API_URL: where oauth.v2.access and auth.test go. */
  apiUrl?: string;
  /** `<PUBLIC_URL>/slack/oauth_redirect`; left out, Slack uses the app's configured redirect URL. */
  redirectUri?: string;
  /** Slack's authorize page (only ever shown to browsers). */
  authorizationUrl?: string;
}

export interface SlackOAuth {
  installer: InstallProvider;
  installations: KeyvInstallationStore;
  /** `GET /slack/install` and `GET /slack/oauth_redirect`. */
  routes: Hono;
}

/** The part of ServerResponse InstallProvider's handlers use, recorded for Hono to send. */
class RecordedResponse {
  statusCode = 200;
  readonly headers = new Map<string, string | string[]>();
  body = '';

  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers.set(name.toLowerCase(), typeof value === 'number' ? String(value) : typeof value === 'string' ? value : [...value]);
    return this;
  }

  writeHead(status: number, headers?: Record<string, string>): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) this.setHeader(name, value);
    return this;
  }

  end(body?: unknown): this {
    if (typeof body === 'string') this.body = body;
    return this;
  }

  asNode(): ServerResponse {
    return this as unknown as ServerResponse;
  }

  /** Copies the recorded headers (cookies included) onto Hono's response. */
  copyHeadersTo(c: Context): void {
    for (const [name, value] of this.headers) {
      for (const one of Array.isArray(value) ? value : [value]) c.header(name, one, { append: true });
    }
  }
}

/** The part of IncomingMessage InstallProvider's handlers read: url (path and query), host, cookie. */
function nodeRequest(c: Context): IncomingMessage {
  const url = new URL(c.req.url);
  const headers: Record<string, string> = { host: c.req.header('host') ?? url.host };
  const cookie = c.req.header('cookie');
  if (cookie) headers.cookie = cookie;
  return { method: c.req.method, url: `${url.pathname}${url.search}`, headers } as unknown as IncomingMessage;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The state is in the URL: no caching, no referrer. */
const PAGE_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

function page(c: Context, status: 200 | 400 | 500 | 502, title: string, text: string, link?: { href: string; label: string }): Response {
  const anchor = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · Recap</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${anchor}</body></html>`;
  for (const [name, value] of Object.entries(PAGE_HEADERS)) c.header(name, value);
  return c.html(html, status);
}

const startAgain = { href: SLACK_INSTALL_PATH, label: 'Start the installation again' };

function failurePage(c: Context, error: CodedError): Response {
  switch (error.code) {
    case ErrorCode.InvalidStateError:
    case ErrorCode.MissingStateError:
      return page(
        c,
        400,
        'This installation link cannot be used',
        `It has expired (links last ${STATE_TTL_MS / 60_000} minutes), was already used, was opened in another browser, or did not come from this Recap. Nothing was installed.`,
        startAgain,
      );
    case ErrorCode.MissingCodeError:
      return page(c, 400, 'Slack sent no authorization code', 'Nothing was installed.', startAgain);
    case ErrorCode.AuthorizationError:
      return page(c, 400, 'Installation cancelled', 'Recap was not added to your workspace.', startAgain);
    case 'slack_webapi_platform_error': {
      const slackError = (error as CodedError & { data?: { error?: unknown } }).data?.error;
      return page(c, 502, 'Slack refused the installation', `Slack answered "${String(slackError ?? 'unknown')}". Nothing was installed.`, startAgain);
    }
    default:
      return page(c, 500, 'Recap could not finish the installation', "Try again in a minute; if it keeps failing, Recap's logs say why.", startAgain);
  }
}

export function createSlackOAuth(options: SlackOAuthOptions): SlackOAuth {
  const { log } = options;
  const installations = new KeyvInstallationStore(options.store);
  // InstallProvider sets the WebClient's logger itself (from `logger`); a browser is waiting, so retry less than the poster.
  const { logger: _unused, ...clientOptions } = slackClientOptions(options.apiUrl, { log, retryConfig: { retries: 2, maxTimeout: 5000 }, timeoutMs: 10_000 });
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateStore: new KeyvStateStore(options.store, options.stateSecret),
    stateCookieExpirationSeconds: STATE_TTL_MS / 1000,
    installationStore: installations,
    installUrlOptions: { scopes: [...SLACK_BOT_SCOPES], ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}) },
    directInstall: true,
    // InstallProvider logs every refused callback (an expired link, a cancelled install) as an error; the routes below
    // log each outcome themselves, at the level it deserves, so its own error lines go to debug.
    logger: boltLogger({
      debug: (message, fields) => log.debug(message, fields),
      info: (message, fields) => log.info(message, fields),
      warn: (message, fields) => log.warn(message, fields),
      error: (message, fields) => log.debug(message, fields),
    }),
    clientOptions,
    ...(options.authorizationUrl ? { authorizationUrl: options.authorizationUrl } : {}),
  });

  const routes = new Hono();
  routes.get(SLACK_INSTALL_PATH, async (c) => {
    const res = new RecordedResponse();
    try {
      await installer.handleInstallPath(nodeRequest(c), res.asNode());
    } catch (error) {
      log.error('slack install link failed', { error });
      return page(c, 500, 'Recap could not start the installation', "Try again in a minute; if it keeps failing, Recap's logs say why.");
    }
    res.copyHeadersTo(c);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) c.header(name, value);
    return res.body ? c.body(res.body, res.statusCode as 200) : c.body(null, res.statusCode as 302);
  });

  routes.get(SLACK_REDIRECT_PATH, async (c) => {
    const res = new RecordedResponse();
    let outcome: { installation: Installation } | { error: CodedError } | undefined;
    // handleCallback catches every failure (state, code, oauth.v2.access, the store) and reports it to `failure`.
    await installer.handleCallback(nodeRequest(c), res.asNode(), {
      success: (installation) => {
        outcome = { installation };
      },
      failure: (error) => {
        outcome = { error };
      },
    });
    res.copyHeadersTo(c); // the state cookie's deletion
    if (!outcome || 'error' in outcome) {
      const error = outcome?.error ?? Object.assign(new Error('no outcome'), { code: ErrorCode.UnknownError });
      const response = failurePage(c, error);
      const fields = { code: error.code, reason: error.message };
      if (response.status >= 500) log.error('slack installation failed', fields);
      else log.warn('slack installation refused', fields);
      return response;
    }
    const { installation } = outcome;
    const team = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
    log.info('slack installation stored', { team: installation.team?.id, enterprise: installation.enterprise?.id, orgWide: Boolean(installation.isEnterpriseInstall) });
    const open = installation.team?.id ? { href: `https://app.slack.com/client/${encodeURIComponent(installation.team.id)}`, label: 'Open Slack' } : undefined;
    return page(c, 200, 'Recap is installed', `Recap is now in ${team}. Invite @Recap to a channel, then type /recap with a link, or mention @Recap with a recording.`, open);
  });

  return { installer, installations, routes };
}
