/**
 * The Slack adapter (https://tools.slack.dev/bolt-js/): `/recap …`, `@Recap …` (with a shared file or a link) and
 * the "Recap this" message shortcut, over HTTP through Recap's Hono server or over Socket Mode when
 * SLACK_APP_TOKEN is set. Listeners acknowledge at once; the work runs after, tracked so SIGTERM can drain it.
 * Usage mistakes go privately to the sender.
 */
import { auditSecrets } from '../../src/log-audit.ts';
import { App, ErrorCode, type CodedError, type Context as BoltContext } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { Hono } from 'hono';
import { parseCommand } from '../../commands/grammar.ts';
import { isInstant, type InstantInvocation, type JobInvocation } from '../../commands/invocation.ts';
import { usageReply } from '../../commands/usage-reply.ts';
import type { ForegroundGate } from '../../src/jobs/foreground-first.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { JobRunner } from '../../src/jobs/job-runner.ts';
import type { ChannelContext } from '../../commands/deps.ts';
import type { Logger } from '../../src/log.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackDelivery, type SlackTarget } from './conversation.ts';
import { createSlackPoster, SlackPostError, type SlackPoster } from './poster.ts';
import { slackClientOptions } from './poster-client-options.ts';
import { createSlackOAuth, type SlackOAuth, type SlackOAuthOptions } from './oauth.ts';
import { HonoSlackReceiver } from './receiver.ts';
import { renderSlackReply } from './render-blocks.ts';
import { firstLink, slackAttachment, stripMentions, type SlackFileLike } from './slack-refs.ts';

/** A message seen as app_mention and as message.im (S-22) is handled once per (team, channel, ts). */
const MESSAGE_CLAIM_TTL_MS = 2 * 60 * 60 * 1000;

export interface SlackAdapterOptions {
  /** One workspace: its bot token. Ignored when `oauth` is given. */
  botToken?: string;
  /** Many workspaces: installed through OAuth, each event answered with its workspace's bot token. */
  oauth?: Omit<SlackOAuthOptions, 'apiUrl' | 'log'>;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  /** Runs recaps as stored jobs; the adapter registers Slack's delivery with it. */
  runner: JobRunner;
  claims: Claims;
  log: Logger;
  /** Poster pacing overrides (tests). */
  posterOptions?: Parameters<typeof createSlackPoster>[1];
  /** In Socket Mode an event is in flight until its listener returns (over HTTP the server marks it): foreground-first.ts. */
  foreground?: ForegroundGate;
}

export interface SlackAdapter {
  app: App;
  /** The HTTP routes to mount on the server (absent in Socket Mode without OAuth). */
  routes?: Hono;
  /** The OAuth installer and the installations (many workspaces only). */
  oauth?: SlackOAuth;
  start(): Promise<void>;
  /** Waits for in-flight recaps, then stops. */
  stop(): Promise<void>;
}

/** Who answers a request: the poster for its workspace, and the bot token for what it downloads from Slack. */
interface Via {
  poster: SlackPoster;
  token?: string;
}

function mountAll(...groups: (Hono | undefined)[]): Hono {
  const routes = new Hono();
  for (const group of groups) if (group) routes.route('/', group);
  return routes;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { log, claims, runner } = options;
  const socketMode = Boolean(options.appToken);
  const receiver = socketMode ? undefined : new HonoSlackReceiver({ signingSecret: options.signingSecret ?? '', claims, log });
  const oauth = options.oauth ? createSlackOAuth({ ...options.oauth, log, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) }) : undefined;
  if (!oauth && !options.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (many).');
  const app = new App({
    // Many workspaces: Bolt asks `authorize` for each event's bot token (its team's installation in keyv). One: the token.
    ...(oauth ? { authorize: oauth.installer.authorize } : { token: options.botToken! }),
    ...(receiver ? { receiver } : { appToken: options.appToken!, socketMode: true }),
    clientOptions: slackClientOptions(options.apiUrl),
    logger: boltLogger(log),
    ignoreSelf: true,
    extendedErrorHandler: true,
  });
  // S-25: an event from a workspace without an installation (never installed, or uninstalled since). Bolt's
  // processEvent catches authorize()'s failure, logs a warning and passes an AuthorizationError here. Returning (Bolt's
  // default handler rethrows) lets processEvent ack it, so the receiver answers 200 at once (Socket Mode acks too) and
  // Slack does not retry: a log line naming the team (after Bolt's generic warning), no Web API call. (Rethrown, the receiver would still answer 200 when
  // processing settles, logging it as a failed listener.) Every other error is rethrown, as before.
  app.error(async ({ error, body }: { error: CodedError; body: unknown }) => {
    if (error.code === ErrorCode.AuthorizationError) {
      const b = body as { team_id?: unknown; enterprise_id?: unknown; team?: { id?: unknown }; event?: { type?: unknown }; type?: unknown };
      log.warn('slack request from a workspace without an installation; ignored', {
        team: b.team_id ?? b.team?.id,
        enterprise: b.enterprise_id,
        type: b.event?.type ?? b.type,
      });
      return;
    }
    throw error;
  });
  const { foreground } = options;
  if (socketMode && foreground) app.use(({ next }) => foreground.during(next));
  const poster: SlackPoster = createSlackPoster(app.client, { log, ...options.posterOptions });
  /** Many workspaces: one poster (with its channel pacing) per installed bot token, on Bolt's client for that token. */
  const posters = new Map<string, SlackPoster>();
  /** Who answers an incoming request: the workspace's poster, and its bot token for file downloads. */
  const posterFor = (token: string, client: WebClient): SlackPoster => {
    let own = posters.get(token);
    if (!own) posters.set(token, (own = createSlackPoster(client, { log, ...options.posterOptions })));
    return own;
  };
  const via = (context: BoltContext, client: WebClient): Via => {
    if (!oauth) return { poster, ...(context.botToken ? { token: context.botToken } : {}) };
    const token = context.botToken ?? '';
    return { poster: posterFor(token, client), token };
  };
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const tracked = work.catch((error: unknown) => log.error('slack conversation failed', { error })).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  /** Private notices for jobs whose slash command's response_url this process still holds (S-15). */
  const notices = new Map<string, (text: string) => Promise<unknown>>();
  runner.register(
    'slack',
    slackDelivery({
      via: async (teamId) => {
        if (!oauth) return { poster, ...(options.botToken ? { token: options.botToken } : {}) };
        const installation = await oauth.installations.find({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        const token = installation?.bot?.token;
        // Uninstalled since the job was stored: nothing can be posted there (the runner gives the job up).
        if (!token) throw new SlackPostError('account_inactive', 'installation.find', { retryable: false });
        return { poster: posterFor(token, new WebClient(token, slackClientOptions(options.apiUrl))), token };
      },
      privateNotice: (job) => notices.get(job.id),
    }),
  );

  /**
   * The channel a command came from. Only changing subscriptions needs to know whether the sender is a workspace
   * admin or owner (users.info); Slack's Web API does not say who manages a channel, so admins and owners it is.
   */
  const channelContext = async (
    client: WebClient,
    teamId: string | undefined,
    channel: string,
    user: string,
    invocation: InstantInvocation,
    token?: string,
  ): Promise<ChannelContext> => {
    let canManage = false;
    if (invocation.name === 'subscribe' || invocation.name === 'unsubscribe') {
      try {
        const info = (await client.users.info({ user, ...(token ? { token } : {}) })) as { user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } };
        canManage = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
      } catch (error) {
        log.warn('slack users.info failed; treating the sender as not an admin', { error, user });
      }
    }
    const target: SlackTarget = { platform: 'slack', channel, user, ...(teamId ? { teamId } : {}) };
    // Every instant answer here is private: the slash command's ephemeral ack, or chat.postEphemeral for a mention.
    return { key: `slack:${teamId ?? '-'}:${channel}`, target, canManage, privateReplies: true, user };
  };

  /**
   * Stores the request as a job, then runs it (the runner posts the status message and the recap). When the job
   * cannot be stored the sender is told at once: a request is never dropped silently.
   */
  const answer = async (to: Via, target: Omit<SlackTarget, 'platform'>, invocation: JobInvocation, notice?: (text: string) => Promise<unknown>) => {
    let job;
    try {
      job = await runner.submit(invocation, { platform: 'slack', ...target });
    } catch (error) {
      log.error('slack request could not be stored', { error, channel: target.channel });
      const text = '⚠️ Recap could not take this request just now. Try again in a minute.';
      track(notice ? notice(text) : to.poster.ephemeral(target.channel, target.user, { text, blocks: [] }, target.threadTs));
      return;
    }
    if (notice) {
      notices.set(job.id, notice);
      // Slack's response_url works for 30 minutes.
      setTimeout(() => notices.delete(job.id), 30 * 60 * 1000).unref();
    }
    track(runner.run(job.id));
  };

  app.command('/recap', async ({ command, ack, respond, context, client }) => {
    auditSecrets(command.response_url);
    const parsed = parseCommand(command.text ?? '', { allowFiles: false });
    if (!parsed.ok) return ack({ response_type: 'ephemeral', ...renderSlackReply(usageReply(parsed)).message });
    if (isInstant(parsed.invocation)) {
      const channel = await channelContext(client, command.team_id, command.channel_id, command.user_id, parsed.invocation);
      return ack({ response_type: 'ephemeral', ...renderSlackReply(await runner.instant(parsed.invocation, channel)).message });
    }
    // Bolt gives no `respond` to a command without a response_url: the notice then goes as an ephemeral message
    // (calling the missing function threw, and a store failure was never told; found by the fuzzer, test/fuzz).
    const notice = typeof respond === 'function' ? (text: string) => respond({ response_type: 'ephemeral', text }) : undefined;
    // Stored, then acknowledged: a crash in between leaves Slack saying the command failed, never a request that
    // looked taken and was lost (bench:load found the acknowledgement went first).
    try {
      await answer(via(context, client), { channel: command.channel_id, user: command.user_id, ...(command.team_id ? { teamId: command.team_id } : {}) }, parsed.invocation, notice);
    } finally {
      await ack();
    }
  });

  const onMessage = async (event: { channel: string; user?: string; ts: string; thread_ts?: string; text?: string; files?: SlackFileLike[] }, team: string | undefined, to: Via) => {
    // Signed, but not guaranteed in shape: without a channel and a ts there is nowhere to answer, and other fields of
    // the wrong type count as absent. (`${event.ts}` of `[{"toString":null}]` threw in the claim key; fuzzer.)
    if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return;
    const teamId = typeof team === 'string' ? team : undefined;
    if (!(await claims.claim(`slack-message:${teamId}:${event.channel}:${event.ts}`, MESSAGE_CLAIM_TTL_MS))) return;
    const user = typeof event.user === 'string' ? event.user : '';
    const threadTs = typeof event.thread_ts === 'string' ? event.thread_ts : event.ts;
    const attachment = slackAttachment(event.files);
    const parsed = parseCommand(stripMentions(event.text), { allowFiles: false, ...(attachment ? { attachment } : {}) });
    if (!parsed.ok || isInstant(parsed.invocation)) {
      const reply = parsed.ok
        ? await runner.instant(parsed.invocation as InstantInvocation, await channelContext(app.client, teamId, event.channel, user, parsed.invocation as InstantInvocation, to.token))
        : usageReply(parsed);
      track(to.poster.ephemeral(event.channel, user, renderSlackReply(reply).message, threadTs));
      return;
    }
    await answer(to, { channel: event.channel, user, threadTs, ...(teamId ? { teamId } : {}) }, parsed.invocation);
  };

  app.event('app_mention', async ({ event, body, context, client }) => {
    await onMessage(event as Parameters<typeof onMessage>[0], (body as { team_id?: string }).team_id, via(context, client));
  });

  app.event('message', async ({ event, body, context, client }) => {
    const message = event as { channel_type?: string; subtype?: string; bot_id?: string } & Parameters<typeof onMessage>[0];
    // Direct messages only: in channels Recap answers when mentioned. Edits, joins and bots are not requests.
    if (message.channel_type !== 'im' || message.bot_id || (message.subtype && message.subtype !== 'file_share')) return;
    await onMessage(message, (body as { team_id?: string }).team_id, via(context, client));
  });

  app.shortcut('recap_this', async ({ shortcut, ack, context, client }) => {
    await ack();
    const to = via(context, client);
    const payload = shortcut as unknown as {
      user: { id: string };
      channel?: { id: string };
      message?: { ts: string; thread_ts?: string; text?: string; files?: SlackFileLike[] };
    };
    const channel = payload.channel?.id;
    const message = payload.message;
    if (!channel || !message) return;
    const threadTs = message.thread_ts ?? message.ts;
    const link = firstLink(message.text);
    const attachment = slackAttachment(message.files);
    const parsed = link ? parseCommand(link, { allowFiles: false }) : attachment ? parseCommand('', { allowFiles: false, attachment }) : undefined;
    if (!parsed || !parsed.ok || isInstant(parsed.invocation)) {
      const text = parsed && !parsed.ok ? `⚠️ ${parsed.error}` : '⚠️ That message has no link or file to recap. Use "Recap this" on a message that shares a recording, a transcript or a link to one.';
      track(to.poster.ephemeral(channel, payload.user.id, { text, blocks: [] }, threadTs));
      return;
    }
    await answer(to, { channel, user: payload.user.id, threadTs, ...(context.teamId ? { teamId: context.teamId } : {}) }, parsed.invocation);
  });

  if (oauth) {
    // SO-5: an uninstalled app, or a revoked bot token, ends the workspace's installation: it is deleted, so later
    // events from that workspace are ignored (S-25) until someone installs Recap again. Bolt delivers these two
    // events without asking `authorize`, so they arrive even when the installation is already gone.
    const forget = async (context: BoltContext, reason: string) => {
      const where = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall };
      const installation = await oauth.installations.find(where);
      await oauth.installations.deleteInstallation(where);
      if (installation?.bot?.token) posters.delete(installation.bot.token);
      log.info('slack installation deleted', { team: context.teamId, enterprise: context.enterpriseId, reason });
    };
    app.event('app_uninstalled', async ({ context }) => forget(context, 'app_uninstalled'));
    app.event('tokens_revoked', async ({ event, context }) => {
      // Only the bot token matters: Recap asks for no user scopes, so a user token alone leaves it working.
      if ((event.tokens.bot ?? []).length > 0) await forget(context, 'tokens_revoked');
    });
  }

  // Caption buttons are links; Slack still reports the click, which only needs acknowledging.
  app.action(/^recap_caption/, async ({ ack }) => {
    await ack();
  });

  return {
    app,
    ...(receiver || oauth ? { routes: mountAll(receiver?.routes, oauth?.routes) } : {}),
    ...(oauth ? { oauth } : {}),
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      await Promise.allSettled([...inFlight]);
      if (socketMode) await app.stop();
    },
  };
}
